package dev.rewire.backend.opencl;

import dev.rewire.backend.InitialConnectivity;
import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.ProjectionPlan;
import java.util.List;

/**
 * The static projections that share a spike list (one input, or the network's neurons) as one set
 * of compressed rows, so the per-step engine delivers them in one launch. Row i holds every
 * projection's synapses from source i, in model order; targets index the combined conductance input
 * (receptor offset + neuron), weights are fixed point. The input is a sum of integers, so merging
 * rows does not change it.
 */
record StaticPathway(int[] rowStart, int[] target, long[] fixedWeight) {

  /**
   * {@code projections} (static, all from one spike list of {@code rows} sources: an input's, or
   * the network's, indexed by global neuron index) with their rows.
   */
  static StaticPathway merge(int rows, List<ProjectionPlan> projections,
      List<InitialConnectivity.StaticRows> staticRows, int gabaOffset) {
    int[] rowStart = new int[rows + 1];
    int total = 0;
    for (int k = 0; k < projections.size(); k++) {
      ProjectionPlan p = projections.get(k);
      int[] start = staticRows.get(k).rowStart();
      int first = first(p);
      for (int i = 0; i < p.sourceSize(); i++) {
        rowStart[first + i + 1] += start[i + 1] - start[i];
      }
      total += staticRows.get(k).target().length;
    }
    for (int i = 0; i < rows; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    int[] target = new int[total];
    long[] weight = new long[total];
    int[] at = java.util.Arrays.copyOf(rowStart, rows);
    for (int k = 0; k < projections.size(); k++) {
      ProjectionPlan p = projections.get(k);
      InitialConnectivity.StaticRows r = staticRows.get(k);
      int offset = DeviceNeurons.inputOffset(p.receptor(), gabaOffset);
      int first = first(p);
      for (int i = 0; i < p.sourceSize(); i++) {
        for (int q = r.rowStart()[i]; q < r.rowStart()[i + 1]; q++) {
          int to = at[first + i]++;
          target[to] = offset + r.target()[q];
          weight[to] = FixedPoint.fromFloat(r.weight()[q]);
        }
      }
    }
    return new StaticPathway(rowStart, target, weight);
  }

  private static int first(ProjectionPlan p) {
    return p.sourceIsInput() ? 0 : p.sourceStart();
  }

}
