package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;

/** Several instances of one phase run one after the other (a thread's Poisson inputs). */
final class Sequence implements StepPhase {
  private final Phase phase;
  private final StepPhase[] parts;

  Sequence(Phase phase, StepPhase[] parts) {
    this.phase = phase;
    this.parts = parts;
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    for (StepPhase p : parts) {
      p.run(step, listener);
    }
  }
}
