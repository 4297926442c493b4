package dev.rewire.backend.opencl.step;

import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.backend.opencl.device.DeviceProgram;
import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.ReceptorPlan;

/**
 * Host side of kernels/synapse_pre.cl (Java twins: backend.java.SynapsePre, StaticSynapses and a
 * rule's on_pre in backend.java.RuleCode) in the per-step engine: {@code synapse_pre_static} for
 * the static projections from the network's neurons into receptors without a delay ring, merged
 * ({@link StaticPathway}); {@code synapse_pre_ring} for one static projection into a receptor with
 * a ring; for one projection with a potential set, {@code synapse_pre} (no rule: delivery only) or
 * its rule's {@code synapse_pre_r<pp>}. Where the weights go in the input pack
 * ({@code input_start}) is set for each step when the receptor has a ring, once otherwise.
 */
final class SynapsePreKernel {
  private final ClKernel kernel;
  private final ClKernel.Arg step;
  private final long launchSize;
  /** input_start is at + ((step + delay) % slots) * size + shift; null when it never changes. */
  private final ClKernel.Arg inputStart;
  private final int at;
  private final int slots;
  private final int size;
  private final int delay;
  private final int shift;

  private SynapsePreKernel(ClKernel kernel, long launchSize, StepDevice d, ProjectionPlan p,
      int shift) {
    this.kernel = kernel;
    this.step = kernel.arg("step");
    this.launchSize = d.spikeLaunch(launchSize);
    ReceptorPlan r = p == null ? null : d.shape.plan.receptorOf(p);
    this.at = p == null ? 0 : StaticPathway.receptorAt(d.shape, p);
    this.slots = r == null ? 1 : r.slots();
    this.size = r == null ? 0 : r.size();
    this.delay = p == null ? 0 : p.delaySteps();
    this.shift = shift;
    this.inputStart = kernel.has("input_start") ? kernel.arg("input_start") : null;
    if (inputStart != null) {
      inputStart.set(at + shift);
    }
  }

  /** The static projections from the network's neurons into receptors without a ring, merged. */
  static SynapsePreKernel merged(StepDevice d, StaticPathway pathway) {
    ClKernel k = d.kernel(DeviceProgram.SYNAPSE_PRE_STATIC);
    k.arg("source_size", d.shape.neurons)
        .arg("row_start", d.ctx.buffer("static.row_start", pathway.rowStart()))
        .arg("target", d.ctx.buffer("static.target", pathway.target()))
        .arg("fixed_weight", d.ctx.buffer("static.fixed_weight", pathway.fixedWeight()));
    return new SynapsePreKernel(k, d.shape.neurons, d, null, 0);
  }

  /**
   * Static projection {@code p} into a receptor with a delay ring, from {@code spikes} (the
   * neurons' list, or its input's) of at most {@code maxSpikes} entries.
   */
  static SynapsePreKernel ring(StepDevice d, ProjectionPlan p, StaticPathway rows,
      ClBuffer spikes, ClBuffer spikeCount, long maxSpikes) {
    String n = p.name() + ".";
    ClKernel k = d.kernel(DeviceProgram.SYNAPSE_PRE_RING);
    k.arg("spikes", spikes).arg("spike_count", spikeCount)
        .arg("source_start", p.sourceIsInput() ? 0 : p.sourceStart())
        .arg("source_size", p.sourceSize())
        .arg("row_start", d.ctx.buffer(n + "row_start", rows.rowStart()))
        .arg("target", d.ctx.buffer(n + "target", rows.target()))
        .arg("fixed_weight", d.ctx.buffer(n + "fixed_weight", rows.fixedWeight()));
    return new SynapsePreKernel(k, maxSpikes, d, p, 0);
  }

  /** Projection {@code p} with a potential set, the {@code pp}-th of the plan's. */
  static SynapsePreKernel potential(StepDevice d, ProjectionPlan p, int pp) {
    ClKernel k;
    if (p.plasticity() == null) {
      k = d.kernel(Phase.SYNAPSE_PRE.kernelName());
      k.arg("pp", pp);
    } else {
      k = d.kernel(DeviceProgram.rule(Phase.SYNAPSE_PRE, pp));
    }
    return new SynapsePreKernel(k, d.shape.neurons, d, p, p.targetInGroup());
  }

  void enqueue(int n) {
    step.set(n);
    if (inputStart != null && slots > 1) {
      inputStart.set(at + (int) (((long) n + delay) % slots) * size + shift);
    }
    kernel.launch(launchSize, 0);
  }
}
