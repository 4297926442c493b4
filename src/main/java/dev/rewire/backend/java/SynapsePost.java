package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;
import dev.rewire.plan.StdpPlan;

/**
 * Phase SYNAPSE_POST: the on-post pathway of every plastic projection, for the target neurons that
 * spiked in this step. It runs after every on-pre pathway of the step, so the pre traces include
 * this step's pre spikes.
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

  /**
   * Target {@code j} (local index) spiked in {@code step}: j's post traces jump by 1 and every active
   * synapse onto j moves by {@code lr * (alpha_post + a_plus * pre_plus + a_minus * pre_minus)},
   * clipped to [0, gmax].
   */
  static void onPost(PotentialSynapses p, int j, int step) {
    StdpPlan stdp = p.plan.stdp();
    p.post.bump(j, step);
    final Traces pre = p.pre;
    final float[] w = p.rowWeight;
    final int[] at = p.colToRow;
    final int[] syn = p.colSyn;
    final int[] src = p.colSource;
    final float lr = stdp.lr();
    final float alpha = stdp.alphaPost();
    final float aPlus = stdp.aPlus();
    final float aMinus = stdp.aMinus();
    final float gmax = stdp.gmax();
    final float low = p.pruneBelow;
    final int[] lows = p.low;
    final int full = p.lowCapacity;
    int lowCount = p.lowCount;
    for (int k = p.colOffset[j], to = k + p.colCount[j]; k < to; k++) {
      int r = at[k];
      int i = src[k];
      float dw = lr * (alpha + aPlus * pre.plus(i, step) + aMinus * pre.minus(i, step));
      float nw = Clip.weight(w[r] + dw, gmax);
      w[r] = nw;
      // Listed when nw < low, without a branch: the sign bit of nw - low (exact for floats); the
      // count stops when the list is full (see PotentialSynapses#low).
      lows[lowCount] = syn[k];
      lowCount = Math.min(lowCount + (Float.floatToRawIntBits(nw - low) >>> 31), full);
    }
    p.lowCount = lowCount;
  }
}
