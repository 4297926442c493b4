package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.ReceptorPlan;

/**
 * Phase SYNAPSE_PRE: the on-pre pathways of every projection, in model order, for the sources that
 * spiked in this step (network neurons and Poisson sources). A static projection adds its fixed
 * weights ({@link StaticSynapses#deliver}); a projection with a potential set runs
 * {@link #onPre} for each spiking source. The weights go to the projection's receptor, into the
 * ring slot of the step they arrive for (this step plus the projection's delay).
 */
final class SynapsePre implements StepPhase {
  private final ProjectionPlan[] projections;
  /** The network's spikes of this step. */
  private final SpikeList spikes;
  // Per projection, in model order, resolved once: its receptor's ring, whether it may get
  // negative input, its synapses (a potential set or static rows; the other is null) and, for a
  // Poisson source, that input's spikes (null for a network source).
  private final InputSum[][] ring;
  private final boolean[] signed;
  private final PotentialSynapses[] potential;
  private final StaticSynapses[] fixed;
  private final SpikeList[] inputSpikes;

  /** {@code synapses} by projection index: {@link StaticSynapses} or {@link PotentialSynapses}. */
  SynapsePre(Plan plan, Object[] synapses, InputSum[][] rings, SpikeList spikes,
      PoissonInput[] inputs) {
    this.projections = plan.projections().toArray(new ProjectionPlan[0]);
    this.spikes = spikes;
    int n = projections.length;
    this.ring = new InputSum[n][];
    this.signed = new boolean[n];
    this.potential = new PotentialSynapses[n];
    this.fixed = new StaticSynapses[n];
    this.inputSpikes = new SpikeList[n];
    for (int q = 0; q < n; q++) {
      ProjectionPlan p = projections[q];
      ReceptorPlan r = plan.receptorOf(p);
      ring[q] = rings[r.index()];
      signed[q] = r.signed();
      Object syn = synapses[p.index()];
      potential[q] = syn instanceof PotentialSynapses ps ? ps : null;
      fixed[q] = syn instanceof StaticSynapses st ? st : null;
      inputSpikes[q] = p.sourceIsInput() ? inputs[p.sourceInput()].spikes : null;
    }
  }

  @Override
  public Phase phase() {
    return Phase.SYNAPSE_PRE;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    for (int q = 0; q < projections.length; q++) {
      InputSum[] r = ring[q];
      InputSum in = r.length == 1 ? r[0]
          : r[(int) (((long) step + projections[q].delaySteps()) % r.length)];
      StaticSynapses st = fixed[q];
      SpikeList s = inputSpikes[q];
      boolean sign = signed[q];
      if (s != null) { // a Poisson source: static synapses
        for (int k = 0; k < s.count; k++) {
          if (sign) {
            st.deliverSigned(s.index[k], in);
          } else {
            st.deliver(s.index[k], in);
          }
        }
        continue;
      }
      PotentialSynapses ps = potential[q];
      int lo = projections[q].sourceStart();
      int hi = lo + projections[q].sourceSize();
      for (int k = 0; k < spikes.count; k++) {
        int g = spikes.index[k];
        if (g < lo || g >= hi) {
          continue;
        }
        if (ps != null) {
          onPre(ps, g - lo, step, in, sign);
        } else if (sign) {
          st.deliverSigned(g - lo, in);
        } else {
          st.deliver(g - lo, in);
        }
      }
    }
  }

  /**
   * Source {@code i} (local index) of a projection with a potential set spiked in {@code step}:
   * every active synapse adds its weight to its target's input (the weight before this event's
   * update), then the plasticity rule's on_pre runs, if there is a rule.
   */
  static void onPre(PotentialSynapses p, int i, int step, InputSum input, boolean signed) {
    if (p.pre != null) {
      p.rule.onPre(p, i, step, input);
      return;
    }
    final int targetStart = p.plan.targetInGroup();
    final float[] w = p.rowWeight;
    final int[] tgt = p.rowTarget;
    if (signed) {
      for (int k = p.rowOffset[i], to = k + p.rowCount[i]; k < to; k++) {
        input.addSigned(targetStart + tgt[k], w[k]);
      }
      return;
    }
    input.addRow(tgt, w, p.rowOffset[i], p.rowOffset[i] + p.rowCount[i], targetStart);
  }
}
