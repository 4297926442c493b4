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

  SynapsePost(PotentialSynapses[] plastic, SpikeList spikes) {
    this.plastic = plastic;
    this.spikes = spikes;
  }

  @Override
  public Phase phase() {
    return Phase.SYNAPSE_POST;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    for (PotentialSynapses ps : plastic) {
      int lo = ps.plan.targetStart();
      int hi = lo + ps.plan.targetSize();
      for (int k = 0; k < spikes.count; k++) {
        int g = spikes.index[k];
        if (g >= lo && g < hi) {
          onPost(ps, g - lo, step);
        }
      }
    }
  }

  /** Target {@code j} (local index) spiked in {@code step}: the plasticity rule's on_post. */
  static void onPost(PotentialSynapses p, int j, int step) {
    p.rule.onPost(p, j, step);
  }
}
