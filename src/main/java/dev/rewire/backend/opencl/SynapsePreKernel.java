package dev.rewire.backend.opencl;

import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;

/**
 * Host side of kernels/synapse_pre.cl (Java twins: backend.java.SynapsePre, StaticSynapses and a
 * rule's on_pre in backend.java.RuleCode) in the per-step engine: {@code synapse_pre_static} for
 * the static projections from the network's neurons, merged ({@link StaticPathway}); for one
 * projection with a potential set, {@code synapse_pre} (no rule: delivery only) or its rule's
 * {@code synapse_pre_r<pp>}.
 */
final class SynapsePreKernel {
  // synapse_pre_static
  private static final int S_SPIKES = 0;
  private static final int S_SPIKE_COUNT = 1;
  private static final int S_STEP = 2;
  private static final int S_SOURCE_SIZE = 3;
  private static final int S_ROW_START = 4;
  private static final int S_TARGET = 5;
  private static final int S_FIXED_WEIGHT = 6;
  private static final int S_INPUT = 7;
  // synapse_pre
  private static final int D_SPIKES = 0;
  private static final int D_SPIKE_COUNT = 1;
  private static final int D_STEP = 2;
  private static final int D_SOURCE_START = 3;
  private static final int D_SOURCE_SIZE = 4;
  private static final int D_INPUT_START = 5;
  private static final int D_ROW_OFFSET = 6;
  private static final int D_ROW_COUNT = 7;
  private static final int D_ROW_TARGET = 8;
  private static final int D_ROW_WEIGHT = 9;
  private static final int D_INPUT = 10;
  // synapse_pre_r<pp>
  private static final int SPIKES = 0;
  private static final int SPIKE_COUNT = 1;
  private static final int SOURCE_START = 2;
  private static final int SOURCE_SIZE = 3;
  private static final int INPUT_START = 4;
  private static final int TARGET_SIZE = 5;
  private static final int ROW_OFFSET = 6;
  private static final int ROW_COUNT = 7;
  private static final int ROW_TARGET = 8;
  private static final int ROW_WEIGHT = 9;
  private static final int INPUT = 10;
  private static final int STEP = 11;
  private static final int PRE_VALUE = 12;
  private static final int PRE_LAST = 13;
  private static final int POST_VALUE = 14;
  private static final int POST_LAST = 15;
  private static final int DECAY = 16;
  private static final int DECAY_AT = 17;
  private static final int PARAMS = 18;
  private static final int BAD = 19;

  private final ClKernel kernel;
  private final int stepArg;
  private final long launchSize;

  /** The static projections from the network's neurons, merged; spikes hold neuron indices. */
  SynapsePreKernel(ClContext ctx, ClProgram program, StaticPathway pathway, ClBuffer spikes,
      ClBuffer spikeCount, int neurons, ClBuffer input) {
    launchSize = neurons;
    stepArg = S_STEP;
    kernel = program.kernel(ctx, Kernels.SYNAPSE_PRE_STATIC);
    kernel.arg(S_SPIKES, spikes).arg(S_SPIKE_COUNT, spikeCount).arg(S_SOURCE_SIZE, neurons)
        .arg(S_ROW_START, ctx.buffer("static.row_start", pathway.rowStart()))
        .arg(S_TARGET, ctx.buffer("static.target", pathway.target()))
        .arg(S_FIXED_WEIGHT, ctx.buffer("static.fixed_weight", pathway.fixedWeight()))
        .arg(S_INPUT, input);
  }

  /**
   * A projection with a potential set ({@code pp}-th of the plan's); its sources are neurons, its
   * targets at {@code inputStart} in {@code input}.
   */
  SynapsePreKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, int pp,
      ClBuffer spikes, ClBuffer spikeCount, long maxSpikes, ClBuffer input, int inputStart) {
    launchSize = maxSpikes;
    ProjectionPlan p = d.plan;
    if (p.plasticity() == null) {
      stepArg = D_STEP;
      kernel = program.kernel(ctx, Phase.SYNAPSE_PRE.kernelName());
      kernel.arg(D_SPIKES, spikes).arg(D_SPIKE_COUNT, spikeCount)
          .arg(D_SOURCE_START, p.sourceStart()).arg(D_SOURCE_SIZE, p.sourceSize())
          .arg(D_INPUT_START, inputStart).arg(D_ROW_OFFSET, d.rowOffset)
          .arg(D_ROW_COUNT, d.rowCount).arg(D_ROW_TARGET, d.rowTarget)
          .arg(D_ROW_WEIGHT, d.rowWeight).arg(D_INPUT, input);
      return;
    }
    stepArg = STEP;
    kernel = program.kernel(ctx, Kernels.rule(Phase.SYNAPSE_PRE, pp));
    kernel.arg(SPIKES, spikes).arg(SPIKE_COUNT, spikeCount)
        .arg(SOURCE_START, p.sourceStart()).arg(SOURCE_SIZE, p.sourceSize())
        .arg(INPUT_START, inputStart).arg(TARGET_SIZE, p.targetSize())
        .arg(ROW_OFFSET, d.rowOffset).arg(ROW_COUNT, d.rowCount).arg(ROW_TARGET, d.rowTarget)
        .arg(ROW_WEIGHT, d.rowWeight).arg(INPUT, input)
        .arg(PRE_VALUE, d.preValue).arg(PRE_LAST, d.preLast)
        .arg(POST_VALUE, d.postValue).arg(POST_LAST, d.postLast)
        .arg(DECAY, d.decay).arg(DECAY_AT, d.decayAt).arg(PARAMS, d.params).arg(BAD, d.bad);
  }

  void enqueue(int step) {
    kernel.arg(stepArg, step).launch(launchSize, 0);
  }
}
