package dev.rewire.plan;

import dev.rewire.model.Structural;

/** Structural-plasticity constants: due at every step that is a multiple of periodSteps. */
public record StructuralPlan(int periodSteps, float threshold, Structural.Mode mode,
    float regrowthWeight) {

  public boolean dueAt(int step) {
    return step % periodSteps == 0;
  }
}
