package dev.rewire.backend.java;

import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.InitialState;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;

/** The Java backend's container for the static synapses of {@link InitialConnectivity}. */
final class InitialSynapses {
  private InitialSynapses() {}

  /** A static projection's synapses, their targets indexing the target group's neurons. */
  static StaticSynapses staticSynapses(ProjectionPlan p, int seed) {
    InitialConnectivity.StaticRows rows = InitialConnectivity.staticRows(p, seed);
    int[] target = rows.target().clone();
    int shift = p.targetInGroup() - p.targetStart();
    for (int q = 0; q < target.length; q++) {
      target[q] += shift;
    }
    return new StaticSynapses(rows.rowStart(), target, rows.weight());
  }

  /** Projection p's potential set at the start of {@code plan} (for tests of one projection). */
  static PotentialSynapses potentialSynapses(Plan plan, ProjectionPlan p) {
    return new PotentialSynapses(p, InitialState.arrays(plan), plan.receptorOf(p).signed());
  }
}
