package dev.rewire.backend;

import dev.rewire.plan.ProjectionPlan;

/**
 * The synapses of a projection with a potential set (all_pairs), as every backend lays them out.
 * Every potential synapse has a slot, row-major by local source, in the order
 * {@link ProjectionPlan#potentialTarget} gives (the target of slot k of row i is computed, not
 * stored), and an active flag. The active synapses are kept in two lists, so a spike costs work in
 * proportion to its active synapses, not to its potential row:
 *
 * <ul>
 *   <li>by row, for pre spikes: row i's active synapses are at positions
 *       {@code rowOffset[i] .. rowOffset[i] + rowCount[i]} of {@code rowSyn} (slot), {@code rowTarget}
 *       (local target) and {@code rowWeight} (the weight itself, so a pre spike reads its weights in
 *       order);
 *   <li>by column, for post spikes: column j's are at {@code colOffset[j] .. colOffset[j] + colCount[j]}
 *       of {@code colSyn}, {@code colSource} and {@code colToRow} (where the weight is).
 * </ul>
 *
 * Each list has room for its whole potential row or column, so structural plasticity edits them in
 * place: a prune moves the last entry into the hole, a regrowth appends. The lists are therefore in
 * no particular order, which no result depends on (conductance input is summed in fixed point, and
 * each weight update reads only its own synapse and the neuron traces). {@code slotPos} finds the row
 * position of an active slot, {@code rowToCol} the column position of a row entry. The OpenCL kernel
 * {@code structural_plasticity} makes the same edits on the device copy of these arrays.
 */
public class PotentialSet {
  public final ProjectionPlan plan;
  public final SlotGeometry geometry;
  /** First slot of each row ({@code geometry.rowOffset}). */
  public final int[] rowOffset;
  /** First list position of each column. */
  public final int[] colOffset;
  public final boolean[] active;
  /** Row-list position of each active slot. */
  public final int[] slotPos;

  public int activeCount;
  public final int[] rowCount;
  public final int[] rowSyn;
  public final int[] rowTarget;
  public final float[] rowWeight;
  public final int[] rowToCol;
  public final int[] colCount;
  public final int[] colSyn;
  public final int[] colSource;
  public final int[] colToRow;

  /** {@code weight} and {@code active} give the initial state of every slot. */
  public PotentialSet(ProjectionPlan plan, float[] weight, boolean[] active) {
    this.plan = plan;
    this.geometry = new SlotGeometry(plan);
    int rows = plan.sourceSize();
    int cols = plan.targetSize();
    rowOffset = geometry.rowOffset;
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
    for (int i = 0; i < rows; i++) {
      for (int s = rowOffset[i]; s < rowOffset[i + 1]; s++) {
        if (active[s]) {
          link(i, s, weight[s]);
        }
      }
    }
  }

  public final int potentialCount() {
    return rowOffset[plan.sourceSize()];
  }

  public final int rowLength(int i) {
    return rowOffset[i + 1] - rowOffset[i];
  }

  public final int targetOf(int i, int s) {
    return geometry.targetOf(i, s);
  }

  /** Local source of slot s (binary search over rows; not on the spike path). */
  public final int sourceOf(int s) {
    return geometry.sourceOf(s);
  }

  /** The synapses changed by a call; see {@link SlotGeometry#rewiring}. */
  public final Rewiring rewiring(int step, int[] prunedSlots, float[] prunedWeights,
      int[] regrownSlots, float[] regrownWeights) {
    return geometry.rewiring(step, prunedSlots, prunedWeights, regrownSlots, regrownWeights);
  }

  /** Weight of active slot s. */
  public final float weightOf(int s) {
    return rowWeight[slotPos[s]];
  }

  /** Activates slot s of row i with weight w. */
  public void activate(int i, int s, float w) {
    link(i, s, w);
  }

  private void link(int i, int s, float w) {
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
  }

  /** Deactivates slot s of row i: the last entry of its row and of its column fill the holes. */
  public final void deactivate(int i, int s) {
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

  /** A copy of the lists, with the given traces (null without a plasticity rule). */
  public final SimulationState.PotentialState exportState(float[][] preTraces, int[] preLast,
      float[][] postTraces, int[] postLast) {
    return new SimulationState.PotentialState(activeCount, active.clone(), slotPos.clone(),
        rowCount.clone(), rowSyn.clone(), rowTarget.clone(), rowWeight.clone(), rowToCol.clone(),
        colCount.clone(), colSyn.clone(), colSource.clone(), colToRow.clone(), preTraces, preLast,
        postTraces, postLast);
  }

  /** Replaces the lists by those of {@code s} (same plan, so the same sizes). */
  public void importState(SimulationState.PotentialState s) {
    if (s.active().length != active.length) {
      throw new IllegalArgumentException("state of " + s.active().length + " slots for a set of "
          + active.length);
    }
    activeCount = s.activeCount();
    System.arraycopy(s.active(), 0, active, 0, active.length);
    System.arraycopy(s.slotPos(), 0, slotPos, 0, slotPos.length);
    System.arraycopy(s.rowCount(), 0, rowCount, 0, rowCount.length);
    System.arraycopy(s.rowSyn(), 0, rowSyn, 0, rowSyn.length);
    System.arraycopy(s.rowTarget(), 0, rowTarget, 0, rowTarget.length);
    System.arraycopy(s.rowWeight(), 0, rowWeight, 0, rowWeight.length);
    System.arraycopy(s.rowToCol(), 0, rowToCol, 0, rowToCol.length);
    System.arraycopy(s.colCount(), 0, colCount, 0, colCount.length);
    System.arraycopy(s.colSyn(), 0, colSyn, 0, colSyn.length);
    System.arraycopy(s.colSource(), 0, colSource, 0, colSource.length);
    System.arraycopy(s.colToRow(), 0, colToRow, 0, colToRow.length);
  }

  /**
   * The active synapses sorted by (source, target), with local indices: row by row from the row
   * lists (sorted by slot, which sorts by target), so it costs the active synapses, not the
   * potential ones.
   */
  public final ActiveSynapses snapshot() {
    int[] src = new int[activeCount];
    int[] tgt = new int[activeCount];
    float[] w = new float[activeCount];
    int k = 0;
    int[] order = new int[0];
    for (int i = 0; i < plan.sourceSize(); i++) {
      int from = rowOffset[i];
      int n = rowCount[i];
      if (order.length < n) {
        order = new int[Math.max(n, 2 * order.length)];
      }
      for (int q = 0; q < n; q++) {
        order[q] = from + q;
      }
      // insertion sort of the row's entries by slot; rows hold tens of entries
      for (int a = 1; a < n; a++) {
        int x = order[a];
        int b = a - 1;
        while (b >= 0 && rowSyn[order[b]] > rowSyn[x]) {
          order[b + 1] = order[b];
          b--;
        }
        order[b + 1] = x;
      }
      for (int q = 0; q < n; q++, k++) {
        src[k] = i;
        tgt[k] = rowTarget[order[q]];
        w[k] = rowWeight[order[q]];
      }
    }
    return new ActiveSynapses(plan.name(), src, tgt, w);
  }
}
