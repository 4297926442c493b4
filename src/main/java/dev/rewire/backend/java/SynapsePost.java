package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;

/**
 * Phase SYNAPSE_POST: the on-post pathway of every plastic projection (its rule's on_post, as
 * generated code: {@link RuleCode}), for the target neurons that spiked in this step. It runs after
 * every on-pre pathway of the step, so the pre traces include this step's pre spikes.
 */
final class SynapsePost implements StepPhase {
  private final PotentialSynapses[] plastic;
  private final SpikeList spikes;
  private final int member;
  /** Per projection, the spiking targets this member takes: [targetFrom, targetTo), neurons. */
  private final int[] targetFrom;
  private final int[] targetTo;

  SynapsePost(PotentialSynapses[] plastic, SpikeList spikes) {
    this(plastic, spikes, 0, 1);
  }

  /**
   * Member {@code member} of {@code members} threads: it takes the spiking targets of its share of
   * a projection's target population (a target's pathway writes only its own column and post
   * traces).
   */
  SynapsePost(PotentialSynapses[] plastic, SpikeList spikes, int member, int members) {
    this.plastic = plastic;
    this.spikes = spikes;
    this.member = member;
    this.targetFrom = new int[plastic.length];
    this.targetTo = new int[plastic.length];
    for (int k = 0; k < plastic.length; k++) {
      int lo = plastic[k].plan.targetStart();
      int size = plastic[k].plan.targetSize();
      targetFrom[k] = lo + Team.share(size, member, members);
      targetTo[k] = lo + Team.share(size, member + 1, members);
    }
  }

  @Override
  public Phase phase() {
    return Phase.SYNAPSE_POST;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    for (int p = 0; p < plastic.length; p++) {
      PotentialSynapses ps = plastic[p];
      LowList lows = ps.lows[member];
      int lo = ps.plan.targetStart();
      int from = targetFrom[p];
      int to = targetTo[p];
      for (int k = 0; k < spikes.count; k++) {
        int g = spikes.index[k];
        if (g >= from && g < to) {
          ps.rule.onPost(ps, lows, g - lo, step);
        }
      }
    }
  }

  /** Target {@code j} (local index) spiked in {@code step}: the plasticity rule's on_post. */
  static void onPost(PotentialSynapses p, int j, int step) {
    p.rule.onPost(p, p.lows[0], j, step);
  }
}
