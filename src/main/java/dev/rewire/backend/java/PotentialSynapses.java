package dev.rewire.backend.java;

import dev.rewire.plan.ProjectionPlan;
import java.util.Arrays;

/**
 * A projection with a potential set (all_pairs). Every potential synapse has a slot, row-major by
 * local source, in the order {@link ProjectionPlan#potentialTarget} gives (the target of slot k of row
 * i is computed, not stored), and an active flag. The active synapses are kept in two lists, so a
 * spike costs work in proportion to its active synapses, not to its potential row:
 *
 * <ul>
 *   <li>by row, for pre spikes: row i's active synapses are at positions
 *       {@code rowOffset[i] .. rowOffset[i] + rowCount[i]} of {@code rowSyn} (slot), {@code rowTarget}
 *       (local target) and {@code rowWeight} (the weight itself, so a pre spike reads its weights
 *       sequentially);
 *   <li>by column, for post spikes: column j's are at {@code colOffset[j] .. colOffset[j] + colCount[j]}
 *       of {@code colSyn}, {@code colSource} and {@code colToRow} (where the weight is).
 * </ul>
 *
 * Each list has room for its whole potential row or column, so structural plasticity edits them in
 * place: a prune moves the last entry into the hole, a regrowth appends. The lists are therefore in
 * no particular order, which no result depends on (conductance input is summed in fixed point, and
 * each weight update reads only its own synapse and the neuron traces). {@code slotPos} finds the row
 * position of an active slot, {@code rowToCol} the column position of a row entry.
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
  final boolean[] active;
  /** Row-list position of each active slot. */
  private final int[] slotPos;

  int activeCount;
  final int[] rowCount;
  final int[] rowSyn;
  final int[] rowTarget;
  final float[] rowWeight;
  private final int[] rowToCol;
  final int[] colCount;
  final int[] colSyn;
  final int[] colSource;
  final int[] colToRow;

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

  /** {@code weight} and {@code active} give the initial state of every slot. */
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
    this.active = new boolean[total];
    slotPos = new int[total];
    rowCount = new int[rows];
    rowSyn = new int[total];
    rowTarget = new int[total];
    rowWeight = new float[total];
    rowToCol = new int[total];
    colCount = new int[cols];
    colSyn = new int[total];
    colSource = new int[total];
    colToRow = new int[total];
    // Below a negative threshold nothing ever is (weights are >= 0): no structural plasticity.
    pruneBelow = plan.structural() == null ? -1.0f : plan.structural().threshold();
    listedLow = new boolean[total];
    for (int i = 0; i < rows; i++) {
      for (int s = rowOffset[i]; s < rowOffset[i + 1]; s++) {
        if (active[s]) {
          activate(i, s, weight[s]);
        }
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

  /** Weight of active slot s. */
  float weightOf(int s) {
    return rowWeight[slotPos[s]];
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

  /** Activates slot s of row i with weight w. */
  void activate(int i, int s, float w) {
    int j = targetOf(i, s);
    int r = rowOffset[i] + rowCount[i]++;
    int c = colOffset[j] + colCount[j]++;
    rowSyn[r] = s;
    rowTarget[r] = j;
    rowWeight[r] = w;
    rowToCol[r] = c;
    colSyn[c] = s;
    colSource[c] = i;
    colToRow[c] = r;
    slotPos[s] = r;
    active[s] = true;
    activeCount++;
    if (w < pruneBelow) {
      markLow(s);
    }
  }

  /** Deactivates slot s of row i: the last entry of its row and of its column fill the holes. */
  void deactivate(int i, int s) {
    int r = slotPos[s];
    int c = rowToCol[r];
    int j = rowTarget[r];
    int lastR = rowOffset[i] + --rowCount[i];
    if (r != lastR) {
      rowSyn[r] = rowSyn[lastR];
      rowTarget[r] = rowTarget[lastR];
      rowWeight[r] = rowWeight[lastR];
      rowToCol[r] = rowToCol[lastR];
      colToRow[rowToCol[r]] = r;
      slotPos[rowSyn[r]] = r;
    }
    // Only now, when no entry of the column refers to s's old row position any more.
    int lastC = colOffset[j] + --colCount[j];
    if (c != lastC) {
      colSyn[c] = colSyn[lastC];
      colSource[c] = colSource[lastC];
      colToRow[c] = colToRow[lastC];
      rowToCol[colToRow[c]] = c;
    }
    active[s] = false;
    activeCount--;
  }

  /** Notes that slot s was given a weight below {@link #pruneBelow}. */
  void markLow(int s) {
    if (!listedLow[s]) {
      listedLow[s] = true;
      if (lowCount == low.length) {
        low = Arrays.copyOf(low, 2 * lowCount);
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
      if (active[s] && weightOf(s) < pruneBelow) {
        out[n++] = s;
      }
    }
    lowCount = 0;
    Arrays.sort(out, 0, n);
    return Arrays.copyOf(out, n);
  }
}
