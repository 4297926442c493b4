package dev.rewire.backend.opencl.step;

import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.backend.opencl.device.DeviceProgram;
import dev.rewire.plan.Phase;

/**
 * Host side of kernels/synapse_post.cl (Java twins: backend.java.SynapsePost and a rule's on_post
 * in backend.java.RuleCode) in the per-step engine: {@code synapse_post_r<pp>} of one projection
 * with a rule.
 */
final class SynapsePostKernel {
  private final ClKernel kernel;
  private final ClKernel.Arg step;
  private final long launchSize;

  SynapsePostKernel(StepDevice d, int pp) {
    launchSize = d.spikeLaunch(d.shape.neurons);
    kernel = d.kernel(DeviceProgram.rule(Phase.SYNAPSE_POST, pp));
    step = kernel.arg("step");
  }

  void enqueue(int n) {
    step.set(n);
    kernel.launch(launchSize, 0);
  }
}
