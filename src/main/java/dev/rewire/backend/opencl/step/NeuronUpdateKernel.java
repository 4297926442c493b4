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

  NeuronUpdateKernel(StepDevice d, GroupPlan g) {
    this.group = g;
    kernel = d.kernel(DeviceProgram.group(Phase.NEURON_UPDATE, g.index()));
    step = kernel.arg("step");
  }

  void enqueue(int n) {
    step.set(n);
    kernel.launch(group.size(), 0);
  }
}
