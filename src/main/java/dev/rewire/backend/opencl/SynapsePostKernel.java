package dev.rewire.backend.opencl;

import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StdpPlan;

/** Host side of kernels/synapse_post.cl (Java twin: backend.java.SynapsePost), one projection. */
final class SynapsePostKernel {
  private static final int SPIKES = 0;
  private static final int SPIKE_COUNT = 1;
  private static final int TARGET_START = 2;
  private static final int TARGET_SIZE = 3;
  private static final int COL_OFFSET = 4;
  private static final int COL_COUNT = 5;
  private static final int COL_SOURCE = 6;
  private static final int COL_TO_ROW = 7;
  private static final int ROW_WEIGHT = 8;
  private static final int STEP = 9;
  private static final int PRE_PLUS = 10;
  private static final int PRE_MINUS = 11;
  private static final int PRE_LAST = 12;
  private static final int POST_PLUS = 13;
  private static final int POST_MINUS = 14;
  private static final int POST_LAST = 15;
  private static final int DECAY_PLUS = 16;
  private static final int DECAY_PLUS_LENGTH = 17;
  private static final int DECAY_MINUS = 18;
  private static final int DECAY_MINUS_LENGTH = 19;
  private static final int LR = 20;
  private static final int ALPHA = 21;
  private static final int A_PLUS = 22;
  private static final int A_MINUS = 23;
  private static final int GMAX = 24;

  private final ClKernel kernel;
  private final long launchSize;

  SynapsePostKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, ClBuffer spikes,
      ClBuffer spikeCount, long maxSpikes) {
    ProjectionPlan p = d.plan;
    StdpPlan stdp = p.stdp();
    launchSize = maxSpikes;
    kernel = program.kernel(ctx, Phase.SYNAPSE_POST.kernelName());
    kernel.arg(SPIKES, spikes).arg(SPIKE_COUNT, spikeCount)
        .arg(TARGET_START, p.targetStart()).arg(TARGET_SIZE, p.targetSize())
        .arg(COL_OFFSET, d.colOffset).arg(COL_COUNT, d.colCount).arg(COL_SOURCE, d.colSource)
        .arg(COL_TO_ROW, d.colToRow).arg(ROW_WEIGHT, d.rowWeight)
        .arg(PRE_PLUS, d.prePlus).arg(PRE_MINUS, d.preMinus).arg(PRE_LAST, d.preLast)
        .arg(POST_PLUS, d.postPlus).arg(POST_MINUS, d.postMinus).arg(POST_LAST, d.postLast)
        .arg(DECAY_PLUS, d.decayPlus).arg(DECAY_PLUS_LENGTH, stdp.decayPlus().length)
        .arg(DECAY_MINUS, d.decayMinus).arg(DECAY_MINUS_LENGTH, stdp.decayMinus().length)
        .arg(LR, stdp.lr()).arg(ALPHA, stdp.alphaPost()).arg(A_PLUS, stdp.aPlus())
        .arg(A_MINUS, stdp.aMinus()).arg(GMAX, stdp.gmax());
  }

  void enqueue(int step) {
    kernel.arg(STEP, step).launch(launchSize, 0);
  }
}
