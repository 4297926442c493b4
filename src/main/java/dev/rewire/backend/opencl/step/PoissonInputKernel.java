package dev.rewire.backend.opencl.step;

import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;

/**
 * Host side of kernels/poisson_input.cl (Java twins: backend.java.PoissonInput, and
 * StaticSynapses.deliver for the projections the input drives), one stepped input of the per-step
 * engine: its spikes are delivered at once to the static projections merged into {@code pathway};
 * with a list, they are also written to it for the projections delivered from it.
 */
final class PoissonInputKernel {
  private final ClKernel kernel;
  private final ClKernel.Arg step;
  private final InputPlan input;
  /** The input's spikes of this step and their two counters by parity, or null. */
  final ClBuffer list;
  final ClBuffer listCount;

  PoissonInputKernel(StepDevice d, InputPlan in, int stepped, StaticPathway pathway,
      boolean listed) {
    this.input = in;
    String n = in.name() + ".";
    kernel = d.kernel(Phase.POISSON_INPUT.kernelName());
    list = listed ? d.ctx.buffer(n + "spikes", 4L * in.size()) : null;
    listCount = listed ? d.ctx.buffer(n + "spike_count", 8) : null;
    kernel.arg("in", stepped)
        .arg("row_start", d.ctx.buffer(n + "row_start", pathway.rowStart()))
        .arg("target", d.ctx.buffer(n + "target", pathway.target()))
        .arg("fixed_weight", d.ctx.buffer(n + "fixed_weight", pathway.fixedWeight()))
        .arg("listed", listed ? 1 : 0)
        .arg("spikes", listed ? list : d.spikes)
        .arg("spike_count", listed ? listCount : d.spikeCount);
    step = kernel.arg("step");
  }

  void enqueue(int n) {
    step.set(n);
    kernel.launch(input.size(), 0);
  }
}
