package dev.rewire.backend;

import dev.rewire.plan.Plan;
import java.util.List;

/** A backend that can advance many networks per launch ({@link BatchSimulation}). */
public interface BatchBackend extends Backend {
  /**
   * Networks of {@code plan}'s shape one batch may hold on this device (from its memory, local
   * memory and compute units); 0 when such networks cannot be batched here.
   */
  int batchCapacity(Plan plan);

  /**
   * What networks must share to be in one batch: plans with equal keys can be batched (sizes,
   * structure, step count and time step; parameter values may differ).
   */
  Object shapeKey(Plan plan);

  /**
   * Opens {@code plans} (one shape, at most {@link #batchCapacity} of them) as one batch; member k
   * continues from {@code states.get(k)}, or starts at step 0 when that is null.
   */
  BatchSimulation openBatch(List<Plan> plans, List<SimulationState> states);
}
