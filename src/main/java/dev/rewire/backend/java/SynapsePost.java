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
  private final int members;

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
    this.members = members;
  }

  @Override
  public Phase phase() {
    return Phase.SYNAPSE_POST;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    for (PotentialSynapses ps : plastic) {
      LowList lows = ps.lows[member];
      int lo = ps.plan.targetStart();
      int size = ps.plan.targetSize();
      int from = lo + NeuronUpdate.share(size, member, members);
      int to = lo + NeuronUpdate.share(size, member + 1, members);
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
