package dev.rewire.backend.java;

import dev.rewire.backend.PotentialSet;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.ProjectionPlan;
import java.util.Arrays;

/**
 * The Java backend's potential set: the shared layout of {@link PotentialSet} plus the projection's
 * STDP traces (pre traces per source neuron, post traces per target neuron: traces belong to
 * neurons, one set per projection; docs/design.md, section 1) and the list of slots below the
 * pruning threshold.
 */
final class PotentialSynapses extends PotentialSet {
  /**
   * Structural plasticity needs the active synapses below its threshold. Instead of scanning every
   * active weight at each call, the slots whose weight was set below it (at the start, by STDP or
   * by regrowth) are listed as they happen; a call checks only those. The STDP phases append
   * without any branch ({@link #low}, {@link #lowCount}): a slot can be listed more than once
   * (duplicates are dropped when the list is read), and a full list does not grow: the count stops
   * at {@link #lowCapacity} and further entries overwrite one spare slot, after which the next call
   * scans every active synapse instead and the list is made larger. A rare branch in the STDP loops
   * (such as "the list is full") would be compiled as never taken and cost a deoptimisation when it
   * first is.
   */
  final float pruneBelow;
  /** Scratch flags for dropping duplicates; all false between calls. */
  private final boolean[] seen;
  /** Listed slots in [0, lowCount); one spare slot at index lowCapacity. */
  int[] low;
  /** Entries listed, at most lowCapacity; at lowCapacity entries may have been lost. */
  int lowCount;
  int lowCapacity;
  /** STDP traces of the sources and of the targets; null without STDP. */
  final Traces pre;
  final Traces post;

  /** {@code weight} and {@code active} give the initial state of every slot. */
  PotentialSynapses(ProjectionPlan plan, float[] weight, boolean[] active) {
    super(plan, weight, active);
    // Below a negative threshold nothing ever is (weights are >= 0): no structural plasticity.
    pruneBelow = plan.structural() == null ? -1.0f : plan.structural().threshold();
    seen = new boolean[potentialCount()];
    lowCapacity = Math.min(potentialCount(), 1024);
    low = new int[lowCapacity + 1];
    markActiveBelowThreshold();
    pre = plan.stdp() == null ? null : new Traces(plan.sourceSize(), plan.stdp());
    post = plan.stdp() == null ? null : new Traces(plan.targetSize(), plan.stdp());
  }

  SimulationState.PotentialState state() {
    if (pre == null) {
      return exportState(null, null);
    }
    return exportState(new float[][] {pre.plusValues().clone(), pre.minusValues().clone(),
        post.plusValues().clone(), post.minusValues().clone()},
        new int[][] {pre.lastSteps().clone(), post.lastSteps().clone()});
  }

  /** Restores lists and traces, and lists again the slots below threshold. */
  void restore(SimulationState.PotentialState s) {
    importState(s);
    if (pre != null) {
      pre.restore(s.prePlus(), s.preMinus(), s.preLast());
      post.restore(s.postPlus(), s.postMinus(), s.postLast());
    }
    lowCount = 0; // forgets the initial draw's list
    markActiveBelowThreshold();
  }

  /**
   * Lists every active slot below the threshold. It walks the active entries of the rows, not all
   * potential slots: a loop over the potential set is long enough for the JIT to compile it (an
   * on-stack replacement) just as the run starts, which delays the compilation of the step.
   */
  private void markActiveBelowThreshold() {
    int[] slots = new int[activeCount];
    for (int k = 0, n = activeBelowThreshold(slots); k < n; k++) {
      markLow(slots[k]);
    }
  }

  /** Writes the active slots below the threshold into out (in row order); their count. */
  private int activeBelowThreshold(int[] out) {
    int n = 0;
    for (int i = 0; i < rowCount.length; i++) {
      for (int r = rowOffset[i], end = r + rowCount[i]; r < end; r++) {
        if (rowWeight[r] < pruneBelow) {
          out[n++] = rowSyn[r];
        }
      }
    }
    return n;
  }

  /** Sets the weight of active slot s from outside the STDP phases (tests, checkpoint restore). */
  void setWeight(int s, float w) {
    if (!active[s]) {
      throw new IllegalArgumentException("slot " + s + " is not active");
    }
    rowWeight[slotPos[s]] = w;
    if (w < pruneBelow) {
      markLow(s);
    }
  }

  @Override
  public void activate(int i, int s, float w) {
    super.activate(i, s, w);
    if (w < pruneBelow) {
      markLow(s);
    }
  }

  /** Notes that slot s was given a weight below {@link #pruneBelow}. */
  void markLow(int s) {
    low[lowCount] = s;
    lowCount = Math.min(lowCount + 1, lowCapacity);
  }

  /**
   * The active slots whose weight is below {@link #pruneBelow} now, ascending, and forgets the list.
   * The list holds every such slot as long as the caller deactivates what each call returns, as
   * structural plasticity does: a weight set below the threshold is always listed, so an active slot
   * below it was listed after the previous call.
   */
  int[] takeBelowThreshold() {
    int[] out;
    int n;
    if (lowCount < lowCapacity) {
      out = new int[lowCount];
      n = belowThreshold(out);
    } else { // the list filled up: entries may be lost, so look at every active synapse
      out = new int[activeCount];
      n = activeBelowThreshold(out);
      if (lowCapacity < potentialCount()) {
        lowCapacity = (int) Math.min(potentialCount(), 2L * lowCapacity);
        low = new int[lowCapacity + 1];
      }
    }
    lowCount = 0;
    Arrays.sort(out, 0, n);
    return Arrays.copyOf(out, n);
  }

  /** Writes the distinct listed slots that are active and below the threshold into out; count. */
  private int belowThreshold(int[] out) {
    int n = 0;
    for (int k = 0; k < lowCount; k++) {
      int s = low[k];
      if (!seen[s] && active[s] && weightOf(s) < pruneBelow) {
        seen[s] = true;
        out[n++] = s;
      }
    }
    for (int k = 0; k < n; k++) {
      seen[out[k]] = false;
    }
    return n;
  }
}
