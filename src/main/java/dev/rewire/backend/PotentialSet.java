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
 *
 * <p>An <em>active-only</em> set ({@link ProjectionPlan#activeOnly}) has no slots: memory grows with
 * its synapses, not with the pairs. Its lists are compressed rows sorted by target and compressed
 * columns sorted by source ({@code rowOffset}, {@code colOffset} are then state, with one element
 * more than rows or columns), with the capacity of the initial count, which regrowth never exceeds.
 * A synapse is known by its row position until the next rewiring, which makes the lists anew
 * ({@link ActiveLists}), so the layout is a function of the synapse set alone.
 */
public class PotentialSet {
  public final ProjectionPlan plan;
  /** Keeps its active synapses only ({@link ProjectionPlan#activeOnly}; see {@link ActiveLists}). */
  public final boolean activeOnly;
  /** Slot geometry; null for an active-only set. */
  public final SlotGeometry geometry;
  /**
   * First list position of each row: a slot set's are fixed ({@code geometry.rowOffset}, where
   * each row has room for all its slots), an active-only set's are state (compressed rows, moved
   * by each rewiring).
   */
  public final int[] rowOffset;
  /** First list position of each column, as {@link #rowOffset}. */
  public final int[] colOffset;
  /** Per slot; null for an active-only set. */
  public final boolean[] active;
  /** Row-list position of each active slot; null for an active-only set. */
  public final int[] slotPos;

  /** The number of active synapses, in element 0 (an array of the state layout). */
  private final int[] count;
  public final int[] rowCount;
  /** The slot of each row entry; null for an active-only set (a synapse's id is its position). */
  public final int[] rowSyn;
  public final int[] rowTarget;
  public final float[] rowWeight;
  /** Column position of each row entry; null for an active-only set (whose calls need none). */
  public final int[] rowToCol;
  public final int[] colCount;
  /** As {@link #rowSyn}, by column. */
  public final int[] colSyn;
  public final int[] colSource;
  public final int[] colToRow;

  /**
   * The set over the projection's arrays in {@code state} (by layout name: the arrays are shared,
   * not copied), as they are.
   */
  public PotentialSet(ProjectionPlan plan, java.util.Map<String, Object> state) {
    this.plan = plan;
    this.activeOnly = plan.activeOnly();
    this.geometry = activeOnly ? null : new SlotGeometry(plan);
    rowOffset = activeOnly ? (int[]) state.get(plan.array("row_begin")) : geometry.rowOffset;
    colOffset = activeOnly ? (int[]) state.get(plan.array("col_begin")) : geometry.colOffset;
    active = activeOnly ? null : (boolean[]) state.get(plan.array("active"));
    slotPos = activeOnly ? null : (int[]) state.get(plan.array("slot_pos"));
    count = (int[]) state.get(plan.array("active_count"));
    rowCount = (int[]) state.get(plan.array("row_count"));
    rowSyn = activeOnly ? null : (int[]) state.get(plan.array("row_syn"));
    rowTarget = (int[]) state.get(plan.array("row_target"));
    rowWeight = (float[]) state.get(plan.array("row_weight"));
    rowToCol = activeOnly ? null : (int[]) state.get(plan.array("row_to_col"));
    colCount = (int[]) state.get(plan.array("col_count"));
    colSyn = activeOnly ? null : (int[]) state.get(plan.array("col_syn"));
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

  /** Sets the number of active synapses (an active-only set's lists made anew). */
  final void activeCount(int n) {
    count[0] = n;
  }

  /** The number of slots (of a slot set). */
  public final int potentialCount() {
    return geometry.potentialCount();
  }

  /**
   * How many ids a synapse may have: slots, or an active-only set's row positions (its capacity).
   */
  public final int idCount() {
    return activeOnly ? rowTarget.length : potentialCount();
  }

  /** The number of possible synapses of row i. */
  public final int rowLength(int i) {
    return plan.potentialRowLength(i);
  }

  public final int targetOf(int i, int s) {
    return geometry.targetOf(i, s);
  }

  /**
   * Local source of slot s, or of the synapse at row position s of an active-only set (binary
   * search over rows; not on the spike path).
   */
  public final int sourceOf(int s) {
    return activeOnly ? SlotGeometry.rowOf(rowOffset, plan.sourceSize(), s) : geometry.sourceOf(s);
  }

  /** The synapses changed by a call; see {@link SlotGeometry#rewiring}. */
  public final Rewiring rewiring(int step, int[] prunedSlots, float[] prunedWeights,
      int[] regrownSlots, float[] regrownWeights) {
    return geometry.rewiring(step, prunedSlots, prunedWeights, regrownSlots, regrownWeights);
  }

  /** Weight of active slot s (of the synapse at row position s of an active-only set). */
  public final float weightOf(int s) {
    return rowWeight[activeOnly ? s : slotPos[s]];
  }

  /** Whether slot s is active (of an active-only set: whether s is a row position in use). */
  public final boolean isActive(int s) {
    return activeOnly ? s < count[0] : active[s];
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
    if (activeOnly) { // rows sorted by target already
      int[] src = new int[activeCount()];
      for (int i = 0; i < plan.sourceSize(); i++) {
        java.util.Arrays.fill(src, rowOffset[i], rowOffset[i] + rowCount[i], i);
      }
      return new ActiveSynapses(plan.name(), src, java.util.Arrays.copyOf(rowTarget, src.length),
          java.util.Arrays.copyOf(rowWeight, src.length));
    }
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
