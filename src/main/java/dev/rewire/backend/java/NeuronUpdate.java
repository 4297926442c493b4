package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;
import java.util.List;

/**
 * Phase NEURON_UPDATE: one forward-Euler step of every neuron with all right-hand sides from the old
 * values, then threshold and reset (DESIGN.md §1, order item 2). Twin of
 * {@code kernels/neuron_update.cl}; per neuron:
 *
 * <pre>
 *   g_ampa += input_ampa; g_gaba += input_gaba          (input that arrived in the previous step)
 *   if not refractory: v += dt/C * (-gl (v - el) - (g_ampa (v - e_ampa) + g_gaba (v - e_gaba)))
 *   g_ampa *= 1 - dt/tau_ampa; g_gaba *= 1 - dt/tau_gaba  (they decay even while v is frozen)
 *   spike if not refractory and v > vt: lastspike = step, v = el
 * </pre>
 *
 * Refractory means {@code step - lastspike < refractorySteps}: v is frozen for the
 * refractorySteps - 1 updates after the spike step.
 *
 * <p>The Java form is arranged for speed without changing a bit: the Euler update runs over every
 * neuron in a loop without branches (which the JIT vectorises), and the few refractory neurons are
 * then put back to their frozen value, which is el (they were reset to el and nothing moved them
 * since). Threshold needs no refractory test: a frozen neuron sits at el, below vt.
 */
final class NeuronUpdate implements StepPhase {
  private final List<GroupPlan> groups;
  private final NeuronState s;
  /** The neurons that spiked in the current step, ascending: the output of this phase. */
  private final SpikeList spikes;
  /** max(v, vt) per neuron after the update, and vt per neuron: they differ where v > vt (or NaN). */
  private final float[] capped;
  private final float[] thresholds;
  /** Neurons that may still be refractory, the step their period ends and the v they hold. */
  private final int[] refractory;
  private final int[] releaseStep;
  private final float[] frozenAt;
  private int refractoryCount;

  NeuronUpdate(List<GroupPlan> groups, NeuronState state, SpikeList spikes) {
    this.groups = groups;
    this.s = state;
    this.spikes = spikes;
    this.refractory = new int[state.v.length];
    this.releaseStep = new int[state.v.length];
    this.frozenAt = new float[state.v.length];
    this.capped = new float[state.v.length];
    this.thresholds = new float[state.v.length];
    for (GroupPlan g : groups) {
      java.util.Arrays.fill(thresholds, g.offset(), g.end(), g.vt());
    }
  }

  /** After a restore: the neurons still refractory at {@code step}, from their last spikes. */
  void rebuildRefractory(int step) {
    refractoryCount = 0;
    for (GroupPlan g : groups) {
      for (int i = g.offset(); i < g.end(); i++) {
        if (g.refractorySteps() > 1 && step - s.lastSpike[i] < g.refractorySteps()) {
          refractory[refractoryCount] = i;
          releaseStep[refractoryCount] = s.lastSpike[i] + g.refractorySteps();
          frozenAt[refractoryCount] = g.el();
          refractoryCount++;
        }
      }
    }
  }

  @Override
  public Phase phase() {
    return Phase.NEURON_UPDATE;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    s.foldInput();
    for (GroupPlan g : groups) {
      integrate(g);
    }
    freezeRefractory(step);
    spikes.clear();
    for (GroupPlan g : groups) {
      threshold(g, step);
    }
  }

  private void integrate(GroupPlan g) {
    final float[] v = s.v;
    final float[] gAmpa = s.gAmpa;
    final float[] gGaba = s.gGaba;
    final float gl = g.gl();
    final float el = g.el();
    final float eAmpa = g.eAmpa();
    final float eGaba = g.eGaba();
    final float dtOverC = g.dtOverC();
    final float decayAmpa = g.decayAmpa();
    final float decayGaba = g.decayGaba();
    final float vt = g.vt();
    final float[] cap = capped;
    for (int i = g.offset(), end = g.end(); i < end; i++) {
      float vi = v[i];
      float ga = gAmpa[i];
      float gg = gGaba[i];
      float vn = vi + dtOverC * (-gl * (vi - el) - (ga * (vi - eAmpa) + gg * (vi - eGaba)));
      v[i] = vn;
      cap[i] = Math.max(vn, vt);
      gAmpa[i] = ga * decayAmpa;
      gGaba[i] = gg * decayGaba;
    }
  }

  /** Puts v of the neurons still refractory back to el; forgets those whose period is over. */
  private void freezeRefractory(int step) {
    int kept = 0;
    for (int k = 0; k < refractoryCount; k++) {
      if (step < releaseStep[k]) {
        int i = refractory[k];
        s.v[i] = frozenAt[k];
        refractory[kept] = i;
        releaseStep[kept] = releaseStep[k];
        frozenAt[kept] = frozenAt[k];
        kept++;
      }
    }
    refractoryCount = kept;
  }

  private void threshold(GroupPlan g, int step) {
    final float[] v = s.v;
    final float vt = g.vt();
    final int[] found = spikes.index;
    int n = spikes.count;
    // Candidates are where max(v, vt) != vt, found by Arrays.mismatch, which the JVM runs as a
    // vector compare; each is then checked against v (refractory neurons were put back to el).
    int end = g.end();
    int from = g.offset();
    while (from < end) {
      int m = java.util.Arrays.mismatch(capped, from, end, thresholds, from, end);
      if (m < 0) {
        break;
      }
      int i = from + m;
      if (v[i] > vt) {
        found[n++] = i;
      }
      from = i + 1;
    }
    for (int k = spikes.count; k < n; k++) {
      int i = found[k];
      s.lastSpike[i] = step;
      v[i] = g.el();
      if (g.refractorySteps() > 1) {
        refractory[refractoryCount] = i;
        releaseStep[refractoryCount] = step + g.refractorySteps();
        frozenAt[refractoryCount] = g.el();
        refractoryCount++;
      }
    }
    spikes.count = n;
  }

}
