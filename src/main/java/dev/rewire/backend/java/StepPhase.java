package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;

/**
 * One phase of a Java step. {@link JavaSimulation} calls every phase through this interface from a
 * single call site, where the JIT sees several classes and therefore does not inline them: each
 * phase is compiled on its own. That is what makes cold runs fast. With the whole step inlined into
 * one method, C2 needed about half a second on a 2-core machine to compile it (twice, after a
 * deoptimisation), and until it finished the step ran in slow, profiling C1 code; phase by phase,
 * each compilation is small, they finish early, and a deoptimisation recompiles one phase only.
 */
interface StepPhase {
  Phase phase();

  /** Runs the phase for step {@code step}; {@code listener} hears of structural changes. */
  void run(int step, SimulationListener listener);
}
