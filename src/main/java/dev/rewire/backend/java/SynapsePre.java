package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;

/**
 * Phase SYNAPSE_PRE: the on-pre pathways of every projection, in model order, for the sources that
 * spiked in this step (network neurons and Poisson sources). A static projection adds its fixed
 * weights ({@link StaticSynapses#deliver}); a projection with a potential set runs
 * {@link #onPre} for each spiking source.
 */
final class SynapsePre implements StepPhase {
  private final ProjectionPlan[] projections;
  /** The network's spikes of this step. */
  private final SpikeList spikes;
  // Per projection, in model order, resolved once: the conductance input it feeds, its synapses
  // (a potential set or static rows; the other is null) and, for a Poisson source, that input's
  // spikes (null for a network source).
  private final InputSum[] input;
  private final PotentialSynapses[] potential;
  private final StaticSynapses[] fixed;
  private final SpikeList[] inputSpikes;

  /** {@code synapses} by projection index: {@link StaticSynapses} or {@link PotentialSynapses}. */
  SynapsePre(ProjectionPlan[] projections, Object[] synapses, NeuronState neurons, SpikeList spikes,
      PoissonInput[] inputs) {
    this.projections = projections;
    this.spikes = spikes;
    int n = projections.length;
    this.input = new InputSum[n];
    this.potential = new PotentialSynapses[n];
    this.fixed = new StaticSynapses[n];
    this.inputSpikes = new SpikeList[n];
    for (int q = 0; q < n; q++) {
      ProjectionPlan p = projections[q];
      input[q] = neurons.input(p.receptor());
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
      InputSum in = input[q];
      StaticSynapses st = fixed[q];
      SpikeList s = inputSpikes[q];
      if (s != null) { // a Poisson source: static synapses
        for (int k = 0; k < s.count; k++) {
          st.deliver(s.index[k], in);
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
          onPre(ps, g - lo, step, in);
        } else {
          st.deliver(g - lo, in);
        }
      }
    }
  }

  /**
   * Source {@code i} (local index) of a projection with a potential set spiked in {@code step}:
   * every active synapse adds its weight to the target's conductance input (the weight before this
   * event's update), then the plasticity rule's on_pre runs, if there is a rule.
   */
  static void onPre(PotentialSynapses p, int i, int step, InputSum input) {
    if (p.pre != null) {
      p.rule.onPre(p, i, step, input);
      return;
    }
    final int targetStart = p.plan.targetStart();
    final float[] w = p.rowWeight;
    final int[] tgt = p.rowTarget;
    for (int k = p.rowOffset[i], to = k + p.rowCount[i]; k < to; k++) {
      input.add(targetStart + tgt[k], w[k]);
    }
  }
}
