package dev.rewire.backend;

import dev.rewire.plan.ProjectionPlan;

/**
 * Where the potential slots of a projection are: row i (local source) holds slots
 * {@code rowOffset[i] .. rowOffset[i + 1]}, and slot k of row i targets
 * {@link ProjectionPlan#potentialTarget}(i, k). Shared by {@link PotentialSet} and the OpenCL host.
 */
public final class SlotGeometry {
  public final ProjectionPlan plan;
  /** First slot of each row; rowOffset[sourceSize] is the number of potential synapses. */
  public final int[] rowOffset;
  /** First position of each column in the column lists (a column has room for all its slots). */
  public final int[] colOffset;

  public SlotGeometry(ProjectionPlan plan) {
    this.plan = plan;
    int rows = plan.sourceSize();
    int cols = plan.targetSize();
    rowOffset = new int[rows + 1];
    for (int i = 0; i < rows; i++) {
      rowOffset[i + 1] = rowOffset[i] + plan.potentialRowLength(i);
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
  }

  public int potentialCount() {
    return rowOffset[plan.sourceSize()];
  }

  public int targetOf(int i, int s) {
    return plan.potentialTarget(i, s - rowOffset[i]);
  }

  /** Local source of slot s (binary search over rows; not on the spike path). */
  public int sourceOf(int s) {
    return rowOf(rowOffset, plan.sourceSize(), s);
  }

  /** The row i of {@code rows} rows whose positions {@code start[i] .. start[i + 1]} hold s. */
  static int rowOf(int[] start, int rows, int s) {
    int lo = 0;
    int hi = rows - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= s) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The synapses changed by a call, from their slots (ascending) and the weights pruned ones had. */
  public Rewiring rewiring(int step, int[] prunedSlots, float[] prunedWeights, int[] regrownSlots,
      float[] regrownWeights) {
    int[] ps = new int[prunedSlots.length];
    int[] pt = new int[prunedSlots.length];
    for (int k = 0; k < ps.length; k++) {
      ps[k] = sourceOf(prunedSlots[k]);
      pt[k] = targetOf(ps[k], prunedSlots[k]);
    }
    int[] rs = new int[regrownSlots.length];
    int[] rt = new int[regrownSlots.length];
    for (int k = 0; k < rs.length; k++) {
      rs[k] = sourceOf(regrownSlots[k]);
      rt[k] = targetOf(rs[k], regrownSlots[k]);
    }
    return new Rewiring(step, plan.name(), ps, pt, prunedWeights, rs, rt, regrownWeights);
  }
}
