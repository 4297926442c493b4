package dev.rewire.backend.opencl;

import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;

/**
 * Host side of kernels/synapse_post.cl (Java twins: backend.java.SynapsePost and a rule's on_post
 * in backend.java.RuleCode) in the per-step engine: {@code synapse_post_r<pp>} of one projection
 * with a rule.
 */
final class SynapsePostKernel {
  // Arguments, in the order of the signature.
  private static final int SPIKES = 0;
  private static final int SPIKE_COUNT = 1;
  private static final int TARGET_START = 2;
  private static final int TARGET_SIZE = 3;
  private static final int SOURCE_SIZE = 4;
  private static final int COL_OFFSET = 5;
  private static final int COL_COUNT = 6;
  private static final int COL_SOURCE = 7;
  private static final int COL_TO_ROW = 8;
  private static final int ROW_WEIGHT = 9;
  private static final int STEP = 10;
  private static final int PRE_VALUE = 11;
  private static final int PRE_LAST = 12;
  private static final int POST_VALUE = 13;
  private static final int POST_LAST = 14;
  private static final int DECAY = 15;
  private static final int DECAY_AT = 16;
  private static final int PARAMS = 17;
  private static final int BAD = 18;

  private final ClKernel kernel;
  private final long launchSize;

  SynapsePostKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, int pp,
      ClBuffer spikes, ClBuffer spikeCount, long maxSpikes) {
    ProjectionPlan p = d.plan;
    launchSize = maxSpikes;
    kernel = program.kernel(ctx, Kernels.rule(Phase.SYNAPSE_POST, pp));
    kernel.arg(SPIKES, spikes).arg(SPIKE_COUNT, spikeCount)
        .arg(TARGET_START, p.targetStart()).arg(TARGET_SIZE, p.targetSize())
        .arg(SOURCE_SIZE, p.sourceSize())
        .arg(COL_OFFSET, d.colOffset).arg(COL_COUNT, d.colCount).arg(COL_SOURCE, d.colSource)
        .arg(COL_TO_ROW, d.colToRow).arg(ROW_WEIGHT, d.rowWeight)
        .arg(PRE_VALUE, d.preValue).arg(PRE_LAST, d.preLast)
        .arg(POST_VALUE, d.postValue).arg(POST_LAST, d.postLast)
        .arg(DECAY, d.decay).arg(DECAY_AT, d.decayAt).arg(PARAMS, d.params).arg(BAD, d.bad);
  }

  void enqueue(int step) {
    kernel.arg(STEP, step).launch(launchSize, 0);
  }
}
