package dev.rewire.backend.opencl.step;

import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.ReceptorPlan;
import java.util.List;

/**
 * Static projections that share a spike list (one input, or the network's neurons) as one set of
 * compressed rows, so the per-step engine delivers them in one launch. Row i holds every
 * projection's synapses from source i, in model order; targets index the input pack (the
 * receptor's block plus the target's index in its group), weights are fixed point. The input is a
 * sum of integers, so merging rows does not change it. Only projections into receptors without a
 * delay ring are merged (their target index does not depend on the step); {@code ring} keeps a
 * projection's targets local to its group, for {@code synapse_pre_ring}.
 */
record StaticPathway(int[] rowStart, int[] target, long[] fixedWeight) {

  /**
   * {@code projections} (static, all from one spike list of {@code rows} sources: an input's, or
   * the network's, indexed by global neuron index) with their rows, merged.
   */
  static StaticPathway merge(DeviceShape shape, int rows, List<ProjectionPlan> projections,
      List<InitialConnectivity.StaticRows> staticRows) {
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
      int offset = receptorAt(shape, p) - p.targetStart() + p.targetInGroup();
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

  /** One projection's rows, targets local to the target group (for a receptor with a ring). */
  static StaticPathway ring(ProjectionPlan p, InitialConnectivity.StaticRows r) {
    int[] target = r.target().clone();
    long[] weight = new long[target.length];
    for (int q = 0; q < target.length; q++) {
      target[q] += p.targetInGroup() - p.targetStart();
      weight[q] = FixedPoint.fromFloat(r.weight()[q]);
    }
    return new StaticPathway(r.rowStart(), target, weight);
  }

  /** Where projection p's receptor's block starts in the input pack. */
  static int receptorAt(DeviceShape shape, ProjectionPlan p) {
    Plan plan = shape.plan;
    ReceptorPlan r = plan.receptorOf(p);
    var g = plan.groups().get(r.group());
    return shape.at(g.array("input." + g.variables().get(r.variable())));
  }

  private static int first(ProjectionPlan p) {
    return p.sourceIsInput() ? 0 : p.sourceStart();
  }
}
