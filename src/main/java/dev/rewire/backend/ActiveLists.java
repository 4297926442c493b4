package dev.rewire.backend;

import dev.rewire.plan.ProjectionPlan;
import java.util.Arrays;
import java.util.Map;

/**
 * The lists of an active-only potential set ({@link PotentialSet}): compressed rows sorted by
 * target and compressed columns sorted by source, made from the initial synapses and made anew by
 * each rewiring, so that they are a function of the synapse set, whatever its history.
 */
public final class ActiveLists {
  private ActiveLists() {}

  /**
   * Fills an active-only set's arrays in {@code state} (fresh) with {@code rows}' synapses (local
   * targets ascending in each row).
   */
  public static PotentialSet initial(ProjectionPlan plan, Map<String, Object> state,
      InitialConnectivity.StaticRows rows) {
    PotentialSet set = new PotentialSet(plan, state);
    int n = rows.target().length;
    System.arraycopy(rows.rowStart(), 0, set.rowOffset, 0, plan.sourceSize() + 1);
    System.arraycopy(rows.target(), 0, set.rowTarget, 0, n);
    System.arraycopy(rows.weight(), 0, set.rowWeight, 0, n);
    for (int i = 0; i < plan.sourceSize(); i++) {
      set.rowCount[i] = set.rowOffset[i + 1] - set.rowOffset[i];
    }
    set.activeCount(n);
    columns(set);
    return set;
  }

  /**
   * Rewires an active-only set: removes the synapses at row positions {@code pruned} (ascending)
   * and adds {@code added} (local sources and targets ascending by (source, target), none of them
   * active, no more than are removed), and makes the lists anew: rows sorted by target, columns by
   * source. Two streaming merges, rows and then columns (whose row positions follow the rows'
   * moves: a whole shift for the rows without changes, which are most), so a call costs a pass
   * over the synapses, not a sort of them.
   */
  public static void rewire(PotentialSet set, int[] pruned, int[] addedSource,
      int[] addedTarget, float[] addedWeight) {
    int rows = set.plan.sourceSize();
    int cols = set.plan.targetSize();
    int n = set.activeCount();
    int[] rowOffset = set.rowOffset;
    int[] rowCount = set.rowCount;
    int[] rowTarget = set.rowTarget;
    float[] rowWeight = set.rowWeight;
    int[] colOffset = set.colOffset;
    int[] colCount = set.colCount;
    int[] colSource = set.colSource;
    int[] colToRow = set.colToRow;
    int[] oldStart = rowOffset.clone();
    int[] oldTarget = Arrays.copyOf(rowTarget, n);
    float[] oldWeight = Arrays.copyOf(rowWeight, n);
    // A row without changes moves whole, by shift[i]; a changed row's entries move one by one
    // (moved: old row position -> new one, -1 when pruned).
    int[] shift = new int[rows];
    boolean[] changed = new boolean[rows];
    int[] moved = new int[n];
    int[] addedAt = new int[addedSource.length];
    int out = 0;
    int pk = 0;
    int ak = 0;
    for (int i = 0; i < rows; i++) {
      rowOffset[i] = out;
      int a = oldStart[i];
      int end = oldStart[i + 1];
      boolean prunes = pk < pruned.length && pruned[pk] < end;
      boolean adds = ak < addedSource.length && addedSource[ak] == i;
      if (!prunes && !adds) {
        System.arraycopy(oldTarget, a, rowTarget, out, end - a);
        System.arraycopy(oldWeight, a, rowWeight, out, end - a);
        shift[i] = out - a;
        out += end - a;
        rowCount[i] = end - a;
        continue;
      }
      changed[i] = true;
      while (true) {
        while (a < end && pk < pruned.length && pruned[pk] == a) {
          moved[a++] = -1;
          pk++;
        }
        boolean old = a < end;
        boolean add = ak < addedSource.length && addedSource[ak] == i;
        if (!old && !add) {
          break;
        }
        if (add && (!old || addedTarget[ak] < oldTarget[a])) {
          rowTarget[out] = addedTarget[ak];
          rowWeight[out] = addedWeight[ak];
          addedAt[ak++] = out++;
        } else {
          rowTarget[out] = oldTarget[a];
          rowWeight[out] = oldWeight[a];
          moved[a++] = out++;
        }
      }
      rowCount[i] = out - rowOffset[i];
    }
    if (pk != pruned.length || ak != addedSource.length) {
      throw new IllegalArgumentException("rewiring of " + set.plan.name() + ": " + (pruned.length - pk)
          + " pruned positions and " + (addedSource.length - ak) + " added synapses out of order");
    }
    rowOffset[rows] = out;
    set.activeCount(out);
    // The added ones by column: (target, source) ascending.
    Integer[] byColumn = new Integer[addedSource.length];
    for (int k = 0; k < byColumn.length; k++) {
      byColumn[k] = k;
    }
    Arrays.sort(byColumn, (x, y) -> addedTarget[x] != addedTarget[y]
        ? Integer.compare(addedTarget[x], addedTarget[y])
        : Integer.compare(addedSource[x], addedSource[y]));
    int[] oldColStart = colOffset.clone();
    int[] oldSource = Arrays.copyOf(colSource, n);
    int[] oldToRow = Arrays.copyOf(colToRow, n);
    int c = 0;
    int bk = 0;
    for (int j = 0; j < cols; j++) {
      colOffset[j] = c;
      int end = oldColStart[j + 1];
      int k = bk < byColumn.length && addedTarget[byColumn[bk]] == j ? byColumn[bk] : -1;
      for (int a = oldColStart[j]; a < end; a++) {
        int i = oldSource[a];
        int r = changed[i] ? moved[oldToRow[a]] : oldToRow[a] + shift[i];
        if (r < 0) {
          continue; // pruned
        }
        while (k >= 0 && addedSource[k] < i) {
          colSource[c] = addedSource[k];
          colToRow[c++] = addedAt[k];
          k = ++bk < byColumn.length && addedTarget[byColumn[bk]] == j ? byColumn[bk] : -1;
        }
        colSource[c] = i;
        colToRow[c++] = r;
      }
      while (k >= 0) {
        colSource[c] = addedSource[k];
        colToRow[c++] = addedAt[k];
        k = ++bk < byColumn.length && addedTarget[byColumn[bk]] == j ? byColumn[bk] : -1;
      }
      colCount[j] = c - colOffset[j];
    }
    colOffset[cols] = c;
  }

  /** Makes an active-only set's columns from its rows: sources ascending in each column. */
  private static void columns(PotentialSet set) {
    int n = set.activeCount();
    int cols = set.plan.targetSize();
    int[] rowOffset = set.rowOffset;
    int[] rowCount = set.rowCount;
    int[] rowTarget = set.rowTarget;
    int[] colOffset = set.colOffset;
    int[] colCount = set.colCount;
    int[] colSource = set.colSource;
    int[] colToRow = set.colToRow;
    Arrays.fill(colCount, 0);
    for (int r = 0; r < n; r++) {
      colCount[rowTarget[r]]++;
    }
    colOffset[0] = 0;
    for (int j = 0; j < cols; j++) {
      colOffset[j + 1] = colOffset[j] + colCount[j];
    }
    Arrays.fill(colCount, 0);
    for (int i = 0; i < set.plan.sourceSize(); i++) {
      for (int r = rowOffset[i], end = r + rowCount[i]; r < end; r++) {
        int j = rowTarget[r];
        int q = colOffset[j] + colCount[j]++;
        colSource[q] = i;
        colToRow[q] = r;
      }
    }
  }
}
