package dev.rewire.backend.java;

import dev.rewire.plan.ProjectionPlan;

/**
 * A projection with a potential set (all_pairs): every potential synapse has a slot, row-major by
 * local source, in the order {@link ProjectionPlan#potentialTarget} gives (the target of slot k of row
 * i is computed, not stored). A weight and an active flag per slot; inactive slots cost nothing at
 * spike time, because spikes walk two lists of the active slots only:
 *
 * <ul>
 *   <li>by row, for pre spikes: row i's active slots are {@code rowSyn[rowOffset[i] + c]} for
 *       c &lt; {@code rowCount[i]}, with their local targets in {@code rowTarget};
 *   <li>by column, for post spikes: column j's active slots are {@code colSyn[colOffset[j] + c]} for
 *       c &lt; {@code colCount[j]}, with their local sources in {@code colSource}.
 * </ul>
 *
 * Each list has room for its whole potential row or column, so structural plasticity edits them in
 * place: a prune swaps the last entry into the hole, a regrowth appends. The lists are therefore in
 * no particular order, which no result depends on (conductance input is summed in fixed point, and
 * each weight update reads only its own synapse and the neuron traces).
 *
 * <p>The STDP traces of the projection live here too: pre traces per source neuron, post traces per
 * target neuron (DESIGN.md §1: traces belong to neurons, one set per projection).
 */
final class PotentialSynapses {
  final ProjectionPlan plan;
  /** First slot of each row; rowOffset[sourceSize] is the number of potential synapses. */
  final int[] rowOffset;
  /** First list position of each column. */
  final int[] colOffset;
  final float[] weight;
  final boolean[] active;

  int activeCount;
  final int[] rowCount;
  final int[] rowSyn;
  final int[] rowTarget;
  final int[] colCount;
  final int[] colSyn;
  final int[] colSource;

  /**
   * Structural plasticity needs the active synapses below its threshold. Instead of scanning every
   * active weight at each call, the slots whose weight was set below it (at the start, by STDP or
   * by regrowth) are listed as they happen, once each; a call checks only those.
   */
  final float pruneBelow;
  private final boolean[] listedLow;
  private int[] low = new int[64];
  private int lowCount;

  /** STDP traces of the sources and of the targets; null without STDP. */
  final Traces pre;
  final Traces post;

  PotentialSynapses(ProjectionPlan plan, float[] weight, boolean[] active) {
    this.plan = plan;
    int rows = plan.sourceSize();
    int cols = plan.targetSize();
    rowOffset = new int[rows + 1];
    for (int i = 0; i < rows; i++) {
      rowOffset[i + 1] = rowOffset[i] + plan.potentialRowLength(i);
    }
    int total = rowOffset[rows];
    if (weight.length != total || active.length != total) {
      throw new IllegalArgumentException("expected " + total + " slots, got "
          + weight.length + " weights and " + active.length + " flags");
    }
    colOffset = new int[cols + 1];
    for (int i = 0; i < rows; i++) {
      for (int k = 0, len = plan.potentialRowLength(i); k < len; k++) {
        colOffset[plan.potentialTarget(i, k) + 1]++;
      }
    }
    for (int j = 0; j < cols; j++) {
      colOffset[j + 1] += colOffset[j];
    }
    this.weight = weight;
    this.active = active;
    rowCount = new int[rows];
    rowSyn = new int[total];
    rowTarget = new int[total];
    colCount = new int[cols];
    colSyn = new int[total];
    colSource = new int[total];
    for (int i = 0; i < rows; i++) {
      for (int s = rowOffset[i]; s < rowOffset[i + 1]; s++) {
        if (active[s]) {
          link(i, s);
        }
      }
    }
    // Below a negative threshold nothing ever is (weights are >= 0): no structural plasticity.
    pruneBelow = plan.structural() == null ? -1.0f : plan.structural().threshold();
    listedLow = new boolean[total];
    for (int s = 0; s < total; s++) {
      if (active[s] && weight[s] < pruneBelow) {
        markLow(s);
      }
    }
    pre = plan.stdp() == null ? null : new Traces(rows, plan.stdp());
    post = plan.stdp() == null ? null : new Traces(cols, plan.stdp());
  }

  int potentialCount() {
    return rowOffset[plan.sourceSize()];
  }

  int rowLength(int i) {
    return rowOffset[i + 1] - rowOffset[i];
  }

  int targetOf(int i, int s) {
    return plan.potentialTarget(i, s - rowOffset[i]);
  }

  /** Local source of slot s (binary search over rows; not on the spike path). */
  int sourceOf(int s) {
    int lo = 0;
    int hi = plan.sourceSize() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rowOffset[mid] <= s) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Activates slot s of row i with weight w. */
  void activate(int i, int s, float w) {
    active[s] = true;
    weight[s] = w;
    link(i, s);
    if (w < pruneBelow) {
      markLow(s);
    }
  }

  /** Sets the weight of slot s from outside the STDP phases (tests, future checkpoint restore). */
  void setWeight(int s, float w) {
    weight[s] = w;
    if (active[s] && w < pruneBelow) {
      markLow(s);
    }
  }

  /** Notes that slot s was given a weight below {@link #pruneBelow}. */
  void markLow(int s) {
    if (!listedLow[s]) {
      listedLow[s] = true;
      if (lowCount == low.length) {
        low = java.util.Arrays.copyOf(low, 2 * lowCount);
      }
      low[lowCount++] = s;
    }
  }

  /**
   * The active slots whose weight is below {@link #pruneBelow} now, ascending; forgets the listed
   * slots, so the next call sees only what is marked after this one.
   */
  int[] takeBelowThreshold() {
    int n = 0;
    int[] out = new int[lowCount];
    for (int k = 0; k < lowCount; k++) {
      int s = low[k];
      listedLow[s] = false;
      if (active[s] && weight[s] < pruneBelow) {
        out[n++] = s;
      }
    }
    lowCount = 0;
    java.util.Arrays.sort(out, 0, n);
    return java.util.Arrays.copyOf(out, n);
  }

  /** Deactivates slot s of row i. */
  void deactivate(int i, int s) {
    active[s] = false;
    int j = targetOf(i, s);
    unlink(rowSyn, rowTarget, rowOffset[i], rowCount, i, s);
    unlink(colSyn, colSource, colOffset[j], colCount, j, s);
    activeCount--;
  }

  private void link(int i, int s) {
    int j = targetOf(i, s);
    int r = rowOffset[i] + rowCount[i]++;
    rowSyn[r] = s;
    rowTarget[r] = j;
    int c = colOffset[j] + colCount[j]++;
    colSyn[c] = s;
    colSource[c] = i;
    activeCount++;
  }

  /** Removes slot s from list {@code list} (base, count[list]) by moving the last entry into it. */
  private static void unlink(int[] syn, int[] other, int base, int[] count, int list, int s) {
    int last = base + count[list] - 1;
    for (int k = base; k <= last; k++) {
      if (syn[k] == s) {
        syn[k] = syn[last];
        other[k] = other[last];
        count[list]--;
        return;
      }
    }
    throw new IllegalStateException("slot " + s + " is not in list " + list);
  }
}
