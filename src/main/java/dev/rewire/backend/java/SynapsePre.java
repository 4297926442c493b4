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
 *
 * <p>With several threads, each member delivers into its own copy of the rings, whose fixed-point
 * sums add up to the same input in any order. Of a static projection it takes every spiking source
 * (network or Poisson, of any member) but only the synapses onto its own share of the target
 * group, the neurons it updates: their input stays in its core's cache. Of a projection with a
 * potential set, whose rows are in no order, it takes the spiking sources of its share of the
 * source population, all of their rows: a source's pathway writes only its own row and pre
 * traces, which then stay with one thread (taken in turns, they moved between the cores).
 */
final class SynapsePre implements StepPhase {
  private final ProjectionPlan[] projections;
  private final int member;
  /** This member's list of weights set below a pruning threshold, per projection (or null). */
  private final LowList[] lows;
  /** The network's spikes of this step. */
  private final SpikeList spikes;
  // Per projection, in model order, resolved once: its receptor's ring (as the list of its own
  // neurons' static input for a static projection, else the spill list), whether it may get
  // negative input, its synapses (a potential set or static rows; the other is null), for a
  // Poisson source that input's spikes (null for a network source), and the network sources
  // whose spikes this member takes, [sourceFrom, sourceTo) in neuron indices.
  private final InputSum[][] ring;
  private final boolean[] signed;
  private final PotentialSynapses[] potential;
  private final StaticSynapses[] fixed;
  private final SpikeList[][] inputSpikes;
  private final int[] sourceFrom;
  private final int[] sourceTo;
  /**
   * Per static projection: where each row's synapses onto this member's share of the target
   * group (all of it, for one member) begin and end (see {@link StaticSynapses#cut}).
   */
  private final int[][] sliceFrom;
  private final int[][] sliceTo;

  /** {@code synapses} by projection index: {@link StaticSynapses} or {@link PotentialSynapses}. */
  SynapsePre(Plan plan, Object[] synapses, InputSum[][] rings, SpikeList spikes,
      PoissonInput[] inputs) {
    this(plan, synapses, rings, rings, spikes, new PoissonInput[][] {inputs}, 0, 1);
  }

  /**
   * Member {@code member} of {@code members} threads; {@code rings}: its copy, as the list of its
   * own neurons' static input, and {@code spills}: the same copy, as the list of the rest (see
   * {@link InputSum#fold}); {@code inputs}: the Poisson inputs by input index, as stepped by each
   * thread.
   */
  SynapsePre(Plan plan, Object[] synapses, InputSum[][] rings, InputSum[][] spills,
      SpikeList spikes, PoissonInput[][] inputs, int member, int members) {
    this.projections = plan.projections().toArray(new ProjectionPlan[0]);
    this.member = member;
    this.spikes = spikes;
    int n = projections.length;
    this.ring = new InputSum[n][];
    this.signed = new boolean[n];
    this.potential = new PotentialSynapses[n];
    this.fixed = new StaticSynapses[n];
    this.inputSpikes = new SpikeList[n][];
    this.lows = new LowList[n];
    this.sliceFrom = new int[n][];
    this.sliceTo = new int[n][];
    this.sourceFrom = new int[n];
    this.sourceTo = new int[n];
    for (int q = 0; q < n; q++) {
      ProjectionPlan p = projections[q];
      ReceptorPlan r = plan.receptorOf(p);
      signed[q] = r.signed();
      Object syn = synapses[p.index()];
      potential[q] = syn instanceof PotentialSynapses ps ? ps : null;
      lows[q] = potential[q] != null ? potential[q].lows[member] : null;
      fixed[q] = syn instanceof StaticSynapses st ? st : null;
      ring[q] = fixed[q] != null ? rings[r.index()] : spills[r.index()];
      sourceFrom[q] = p.sourceStart();
      sourceTo[q] = p.sourceStart() + p.sourceSize();
      if (fixed[q] != null) {
        int size = plan.groups().get(r.group()).size();
        sliceFrom[q] = fixed[q].cut(Team.share(size, member, members));
        sliceTo[q] = fixed[q].cut(Team.share(size, member + 1, members));
      } else {
        sourceFrom[q] = p.sourceStart() + Team.share(p.sourceSize(), member, members);
        sourceTo[q] = p.sourceStart() + Team.share(p.sourceSize(), member + 1, members);
      }
      if (p.sourceIsInput()) {
        inputSpikes[q] = new SpikeList[inputs.length];
        for (int u = 0; u < inputs.length; u++) {
          inputSpikes[q][u] = inputs[u][p.sourceInput()].spikes;
        }
      }
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
      boolean sign = signed[q];
      if (inputSpikes[q] != null) { // a Poisson source: static synapses
        for (SpikeList s : inputSpikes[q]) {
          for (int k = 0; k < s.count; k++) {
            deliver(q, s.index[k], in, sign);
          }
        }
        continue;
      }
      int lo = projections[q].sourceStart();
      int from = sourceFrom[q];
      int to = sourceTo[q];
      PotentialSynapses ps = potential[q];
      for (int k = 0; k < spikes.count; k++) {
        int g = spikes.index[k];
        if (g < from || g >= to) {
          continue;
        }
        if (ps != null) {
          onPre(ps, lows[q], g - lo, step, in, sign);
        } else {
          deliver(q, g - lo, in, sign);
        }
      }
    }
  }

  /** Static projection q's source i spiked: its synapses onto this member's targets. */
  private void deliver(int q, int i, InputSum in, boolean sign) {
    if (sign) {
      fixed[q].deliverSigned(in, sliceFrom[q][i], sliceTo[q][i]);
    } else {
      fixed[q].deliver(in, sliceFrom[q][i], sliceTo[q][i]);
    }
  }

  /**
   * Source {@code i} (local index) of a projection with a potential set spiked in {@code step}:
   * every active synapse adds its weight to its target's input (the weight before this event's
   * update), then the plasticity rule's on_pre runs, if there is a rule.
   */
  static void onPre(PotentialSynapses p, int i, int step, InputSum input, boolean signed) {
    onPre(p, p.lows[0], i, step, input, signed);
  }

  /** {@link #onPre}, listing low weights in {@code lows}. */
  static void onPre(PotentialSynapses p, LowList lows, int i, int step, InputSum input,
      boolean signed) {
    if (p.pre != null) {
      p.rule.onPre(p, lows, i, step, input);
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
