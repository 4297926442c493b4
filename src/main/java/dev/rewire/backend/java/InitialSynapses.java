package dev.rewire.backend.java;

import dev.rewire.backend.InitialConnectivity;
import dev.rewire.plan.ProjectionPlan;

/** The Java backend's containers for the initial synapses of {@link InitialConnectivity}. */
final class InitialSynapses {
  private InitialSynapses() {}

  static StaticSynapses staticSynapses(ProjectionPlan p, int seed) {
    InitialConnectivity.StaticRows rows = InitialConnectivity.staticRows(p, seed);
    return new StaticSynapses(rows.rowStart(), rows.target(), rows.weight());
  }

  static PotentialSynapses potentialSynapses(ProjectionPlan p, int seed) {
    InitialConnectivity.PotentialSlots slots = InitialConnectivity.potentialSlots(p, seed);
    return new PotentialSynapses(p, slots.weight(), slots.active());
  }
}
