package dev.rewire.backend.opencl.step;

import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.backend.opencl.device.DeviceProgram;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;

/** Host side of kernels/neuron_update.cl for one group (Java twin: backend.java.NeuronUpdate). */
final class NeuronUpdateKernel {
  private final ClKernel kernel;
  private final ClKernel.Arg step;
  private final GroupPlan group;

  /** {@code dtMs} and {@code seed}: the plan's. */
  NeuronUpdateKernel(StepDevice d, GroupPlan g, double dtMs, int seed) {
    this.group = g;
    kernel = d.kernel(DeviceProgram.group(Phase.NEURON_UPDATE, g.index()));
    step = kernel.arg("step");
    kernel.arg("dt_ms").set((float) dtMs);
    kernel.arg("refractory").set(g.refractorySteps());
    kernel.arg("seed").set(seed);
    kernel.arg("noise_key").set(g.noiseKey());
    float[] k = g.constants();
    for (int q = 0; q < k.length; q++) {
      kernel.arg("k" + q).set(k[q]);
    }
    if (k.length == 0) {
      kernel.arg("k_none").set(0.0f);
    }
  }

  void enqueue(int n) {
    step.set(n);
    kernel.launch(group.size(), 0);
  }
}
