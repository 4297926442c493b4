package dev.rewire.backend.opencl;

import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StdpPlan;

/**
 * Host side of kernels/synapse_pre.cl (Java twins: backend.java.SynapsePre, StaticSynapses) in the
 * per-step engine: {@code synapse_pre_static} for the static projections from the network's
 * neurons, merged ({@link StaticPathway}), {@code synapse_pre} for one projection with a potential
 * set.
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
  private static final int SPIKES = 0;
  private static final int SPIKE_COUNT = 1;
  private static final int SOURCE_START = 2;
  private static final int SOURCE_SIZE = 3;
  private static final int TARGET_START = 4;
  private static final int ROW_OFFSET = 5;
  private static final int ROW_COUNT = 6;
  private static final int ROW_TARGET = 7;
  private static final int ROW_WEIGHT = 8;
  private static final int INPUT = 9;
  private static final int STEP = 10;
  private static final int HAS_STDP = 11;
  private static final int PRE_PLUS = 12;
  private static final int PRE_MINUS = 13;
  private static final int PRE_LAST = 14;
  private static final int POST_PLUS = 15;
  private static final int POST_MINUS = 16;
  private static final int POST_LAST = 17;
  private static final int DECAY_PLUS = 18;
  private static final int DECAY_PLUS_LENGTH = 19;
  private static final int DECAY_MINUS = 20;
  private static final int DECAY_MINUS_LENGTH = 21;
  private static final int LR = 22;
  private static final int ALPHA = 23;
  private static final int A_PLUS = 24;
  private static final int A_MINUS = 25;
  private static final int GMAX = 26;

  private final ClKernel kernel;
  private final boolean potential;
  private final long launchSize;

  /** The static projections from the network's neurons, merged; spikes hold neuron indices. */
  SynapsePreKernel(ClContext ctx, ClProgram program, StaticPathway pathway, ClBuffer spikes,
      ClBuffer spikeCount, int neurons, ClBuffer input) {
    potential = false;
    launchSize = neurons;
    kernel = program.kernel(ctx, Kernels.SYNAPSE_PRE_STATIC);
    kernel.arg(S_SPIKES, spikes).arg(S_SPIKE_COUNT, spikeCount).arg(S_SOURCE_SIZE, neurons)
        .arg(S_ROW_START, ctx.buffer("static.row_start", pathway.rowStart()))
        .arg(S_TARGET, ctx.buffer("static.target", pathway.target()))
        .arg(S_FIXED_WEIGHT, ctx.buffer("static.fixed_weight", pathway.fixedWeight()))
        .arg(S_INPUT, input);
  }

  /** A projection with a potential set; its sources are neurons. */
  SynapsePreKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, ClBuffer spikes,
      ClBuffer spikeCount, long maxSpikes, ClBuffer input, int inputOffset) {
    potential = true;
    launchSize = maxSpikes;
    ProjectionPlan p = d.plan;
    StdpPlan stdp = p.stdp();
    kernel = program.kernel(ctx, Phase.SYNAPSE_PRE.kernelName());
    kernel.arg(SPIKES, spikes).arg(SPIKE_COUNT, spikeCount)
        .arg(SOURCE_START, p.sourceStart()).arg(SOURCE_SIZE, p.sourceSize())
        .arg(TARGET_START, inputOffset + p.targetStart())
        .arg(ROW_OFFSET, d.rowOffset).arg(ROW_COUNT, d.rowCount).arg(ROW_TARGET, d.rowTarget)
        .arg(ROW_WEIGHT, d.rowWeight).arg(INPUT, input)
        .arg(HAS_STDP, stdp == null ? 0 : 1)
        .arg(PRE_PLUS, d.prePlus).arg(PRE_MINUS, d.preMinus).arg(PRE_LAST, d.preLast)
        .arg(POST_PLUS, d.postPlus).arg(POST_MINUS, d.postMinus).arg(POST_LAST, d.postLast)
        .arg(DECAY_PLUS, d.decayPlus)
        .arg(DECAY_PLUS_LENGTH, stdp == null ? 0 : stdp.decayPlus().length)
        .arg(DECAY_MINUS, d.decayMinus)
        .arg(DECAY_MINUS_LENGTH, stdp == null ? 0 : stdp.decayMinus().length)
        .arg(LR, stdp == null ? 0f : stdp.lr()).arg(ALPHA, stdp == null ? 0f : stdp.alphaPre())
        .arg(A_PLUS, stdp == null ? 0f : stdp.aPlus())
        .arg(A_MINUS, stdp == null ? 0f : stdp.aMinus())
        .arg(GMAX, stdp == null ? 0f : stdp.gmax());
  }

  void enqueue(int step) {
    kernel.arg(potential ? STEP : S_STEP, step).launch(launchSize, 0);
  }
}
