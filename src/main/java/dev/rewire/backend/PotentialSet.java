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
  /** First list position of each column ({@code geometry.colOffset}). */
  public final int[] colOffset;
  public final boolean[] active;
  /** Row-list position of each active slot. */
  public final int[] slotPos;

  /** The number of active synapses, in element 0 (an array of the state layout). */
  private final int[] count;
  public final int[] rowCount;
  public final int[] rowSyn;
  public final int[] rowTarget;
  public final float[] rowWeight;
  public final int[] rowToCol;
  public final int[] colCount;
  public final int[] colSyn;
  public final int[] colSource;
  public final int[] colToRow;

  /**
   * The set over the projection's arrays in {@code state} (by layout name: the arrays are shared,
   * not copied), as they are.
   */
  public PotentialSet(ProjectionPlan plan, java.util.Map<String, Object> state) {
    this.plan = plan;
    this.geometry = new SlotGeometry(plan);
    rowOffset = geometry.rowOffset;
    colOffset = geometry.colOffset;
    active = (boolean[]) state.get(plan.array("active"));
    slotPos = (int[]) state.get(plan.array("slot_pos"));
    count = (int[]) state.get(plan.array("active_count"));
    rowCount = (int[]) state.get(plan.array("row_count"));
    rowSyn = (int[]) state.get(plan.array("row_syn"));
    rowTarget = (int[]) state.get(plan.array("row_target"));
    rowWeight = (float[]) state.get(plan.array("row_weight"));
    rowToCol = (int[]) state.get(plan.array("row_to_col"));
    colCount = (int[]) state.get(plan.array("col_count"));
    colSyn = (int[]) state.get(plan.array("col_syn"));
    colSource = (int[]) state.get(plan.array("col_source"));
    colToRow = (int[]) state.get(plan.array("col_to_row"));
  }

  /**
   * Fills the set's arrays in {@code state} (fresh, all zero) with the initial synapses:
   * {@code weight} and {@code active} give the initial state of every slot.
   */
  public static PotentialSet initial(ProjectionPlan plan, java.util.Map<String, Object> state,
      float[] weight, boolean[] active) {
    PotentialSet set = new PotentialSet(plan, state);
    int total = set.potentialCount();
    if (weight.length != total || active.length != total) {
      throw new IllegalArgumentException("expected " + total + " slots, got "
          + weight.length + " weights and " + active.length + " flags");
    }
    for (int i = 0; i < plan.sourceSize(); i++) {
      for (int s = set.rowOffset[i]; s < set.rowOffset[i + 1]; s++) {
        if (active[s]) {
          set.link(i, s, weight[s]);
        }
      }
    }
    return set;
  }

  /** The number of active synapses. */
  public final int activeCount() {
    return count[0];
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
    count[0]++;
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
    count[0]--;
  }

  /**
   * The active synapses sorted by (source, target), with local indices: row by row from the row
   * lists (sorted by slot, which sorts by target), so it costs the active synapses, not the
   * potential ones.
   */
  public final ActiveSynapses snapshot() {
    int[] src = new int[activeCount()];
    int[] tgt = new int[activeCount()];
    float[] w = new float[activeCount()];
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
