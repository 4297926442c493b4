package dev.rewire.backend.java;

import dev.rewire.backend.ActiveRegrowth;
import dev.rewire.backend.Rewiring;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StructuralPlan;
import dev.rewire.random.SubsetSampler;
import java.util.Arrays;

/**
 * Phase STRUCTURAL_PLASTICITY (docs/design.md, section 1): every projection with a structural rule
 * is rewired in the steps that are multiples of its period, in model order. In a call at step n:
 *
 * <ol>
 *   <li>P = the active slots that meet the prune condition (weight below the threshold);
 *   <li>choose |P| ranks uniformly without replacement among the M slots inactive <em>before</em> the
 *       call ({@link SubsetSampler}, Philox counter (n, -1, d, 0) in global mode, (n, row, d, 0) per
 *       source row); rank r means the r-th inactive slot in ascending slot order, which fixes the
 *       choice independently of how a backend enumerates them;
 *   <li>deactivate P, activate the chosen slots with the regrowth weight (drawn per slot from
 *       counter (n, slot, 0, 1) when it is a range).
 * </ol>
 *
 * A slot pruned in the call cannot be chosen (it was active before), so the active count is conserved
 * exactly, per projection and, in per-source mode, per row, as long as there are enough inactive
 * slots; if there are not, all of them are regrown and the event says so. An active-only set prunes
 * the same way and draws where to regrow by rejection ({@link ActiveRegrowth}).
 */
final class StructuralPlasticity implements StepPhase {
  /**
   * What one call changed: slots in ascending order, the weights the pruned ones had and the
   * regrown ones got.
   */
  record Change(int[] pruned, float[] prunedWeight, int[] regrown, float[] regrownWeight) {}

  private final ProjectionPlan[] projections;
  /** The potential sets of {@code projections}, in the same order. */
  private final PotentialSynapses[] sets;
  private final int seed;
  /** The first step at or after which a call may be due; skips the check until then. */
  private int nextDue;

  StructuralPlasticity(ProjectionPlan[] projections, PotentialSynapses[] sets, int seed) {
    this.projections = projections;
    this.sets = sets;
    this.seed = seed;
  }

  @Override
  public Phase phase() {
    return Phase.STRUCTURAL_PLASTICITY;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    if (step < nextDue) {
      return;
    }
    int next = Integer.MAX_VALUE;
    for (int k = 0; k < projections.length; k++) {
      ProjectionPlan p = projections[k];
      int period = p.structural().periodSteps();
      if (step % period == 0) {
        PotentialSynapses ps = sets[k];
        Rewiring r;
        if (ps.activeOnly) {
          r = rewireActive(ps, step, seed);
        } else {
          Change c = rewire(ps, step, seed);
          r = ps.rewiring(step, c.pruned(), c.prunedWeight(), c.regrown(), c.regrownWeight());
        }
        listener.onStructural(new StructuralEvent(step, p.name(), r.prunedSource().length,
            r.regrownSource().length, ps.activeCount()));
        listener.onRewiring(r);
      }
      next = (int) Math.min(next, ((long) step / period + 1) * period);
    }
    nextDue = next;
  }

  /** After a restore the schedule is unknown: check again from the next step. */
  void forgetSchedule() {
    nextDue = 0;
  }

  /** One call for one projection at {@code step}. */
  static Change rewire(PotentialSynapses p, int step, int seed) {
    StructuralPlan sp = p.plan.structural();
    int[] pruned = p.takePruned();
    if (pruned.length == 0) {
      return new Change(pruned, new float[0], pruned, new float[0]);
    }
    int[] regrown = sp.perSource() ? choosePerSource(p, pruned, step, seed)
        : chooseGlobal(p, pruned.length, step, seed);
    float[] prunedWeight = new float[pruned.length];
    for (int k = 0; k < pruned.length; k++) {
      prunedWeight[k] = p.weightOf(pruned[k]);
      p.deactivate(p.sourceOf(pruned[k]), pruned[k]);
    }
    float[] regrownWeight = new float[regrown.length];
    for (int k = 0; k < regrown.length; k++) {
      int s = regrown[k];
      regrownWeight[k] = sp.regrowthWeight(seed, p.plan.regrowthKey(), step, s);
      p.activate(p.sourceOf(s), s, regrownWeight[k]);
    }
    return new Change(pruned, prunedWeight, regrown, regrownWeight);
  }

  /**
   * One call for an active-only set: the same pruning, regrowth drawn by {@link ActiveRegrowth},
   * then the lists made anew ({@link dev.rewire.backend.ActiveLists#rewire}).
   */
  static Rewiring rewireActive(PotentialSynapses p, int step, int seed) {
    Rewiring r = ActiveRegrowth.rewire(p, p.takePruned(), step, seed);
    p.listLow(r);
    return r;
  }

  private static int[] chooseGlobal(PotentialSynapses p, int count, int step, int seed) {
    int inactive = p.potentialCount() - p.activeCount();
    int[] ranks = SubsetSampler.sample(inactive, count, seed, p.plan.regrowthKey(), step, -1);
    int[] out = new int[ranks.length];
    int row = 0;
    int before = 0; // inactive slots in rows before `row`
    for (int q = 0; q < ranks.length; q++) {
      while (ranks[q] >= before + inactiveIn(p, row)) {
        before += inactiveIn(p, row);
        row++;
      }
      out[q] = inactiveSlot(p, row, ranks[q] - before);
    }
    return out;
  }

  private static int[] choosePerSource(PotentialSynapses p, int[] pruned, int step, int seed) {
    int[] out = new int[pruned.length];
    int n = 0;
    int k = 0;
    while (k < pruned.length) {
      int row = p.sourceOf(pruned[k]);
      int lost = 0;
      while (k < pruned.length && pruned[k] < p.rowOffset[row + 1]) {
        lost++;
        k++;
      }
      int[] ranks = SubsetSampler.sample(inactiveIn(p, row), lost, seed, p.plan.regrowthKey(),
          step, row);
      for (int r : ranks) {
        out[n++] = inactiveSlot(p, row, r);
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int inactiveIn(PotentialSynapses p, int row) {
    return p.rowLength(row) - p.rowCount[row];
  }

  /** The slot of the r-th inactive synapse of {@code row}, counting in slot order from 0. */
  private static int inactiveSlot(PotentialSynapses p, int row, int r) {
    for (int s = p.rowOffset[row], end = p.rowOffset[row + 1]; s < end; s++) {
      if (!p.active[s] && r-- == 0) {
        return s;
      }
    }
    throw new IllegalStateException("row " + row + " has fewer than " + (r + 1) + " inactive slots");
  }
}
