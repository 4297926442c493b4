package dev.rewire.backend.java;

import dev.rewire.plan.StdpPlan;

/**
 * Phase SYNAPSE_PRE: the on-pre pathways of one projection with a potential set, for a source neuron
 * that spiked: every active synapse adds its weight to the target's conductance input (weight before
 * this event's update), the source's pre traces jump by 1, and with STDP each active weight moves by
 * {@code lr * (alpha_pre + a_plus * post_plus + a_minus * post_minus)}, clipped to [0, gmax].
 * Static projections deliver through {@link StaticSynapses#deliver}.
 */
final class SynapsePre {
  private SynapsePre() {}

  /** {@code i} is the local source index of a neuron that spiked in {@code step}. */
  static void run(PotentialSynapses p, int i, int step, NeuronState neurons, long[] input) {
    final int targetStart = p.plan.targetStart();
    final float[] w = p.rowWeight;
    final int[] syn = p.rowSyn;
    final int[] tgt = p.rowTarget;
    final int from = p.rowOffset[i];
    final int to = from + p.rowCount[i];
    StdpPlan stdp = p.plan.stdp();
    if (stdp == null) {
      for (int k = from; k < to; k++) {
        neurons.addInput(input, targetStart + tgt[k], w[k]);
      }
      return;
    }
    p.pre.bump(i, step);
    final Traces post = p.post;
    final float lr = stdp.lr();
    final float alpha = stdp.alphaPre();
    final float aPlus = stdp.aPlus();
    final float aMinus = stdp.aMinus();
    final float gmax = stdp.gmax();
    final float low = p.pruneBelow;
    for (int k = from; k < to; k++) {
      int j = tgt[k];
      float ws = w[k];
      neurons.addInput(input, targetStart + j, ws); // the weight before this event's update
      float dw = lr * (alpha + aPlus * post.plus(j, step) + aMinus * post.minus(j, step));
      float nw = Clip.weight(ws + dw, gmax);
      w[k] = nw;
      if (nw < low) {
        p.markLow(syn[k]);
      }
    }
  }
}
