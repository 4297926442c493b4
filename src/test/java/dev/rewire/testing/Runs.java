package dev.rewire.testing;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Rewiring;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.model.Model;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import java.util.Arrays;
import java.util.List;

/** Runs a model to its end on a backend, for tests that compare what backends or rules give. */
public final class Runs {
  private Runs() {}

  /** A run's summary and its state at the end. */
  public record Result(Summary summary, SimulationState state) {}

  /** The run's summary; each structural call's changes, as text, go to {@code rewiring}. */
  public static Summary summary(Backend backend, Model model, List<String> rewiring) {
    return run(backend, model, rewiring).summary();
  }

  /** The run's summary and end state; each structural call's changes go to {@code rewiring}. */
  public static Result run(Backend backend, Model model, List<String> rewiring) {
    Plan plan = Plan.compile(model);
    RunRecorder recorder = new RunRecorder(plan);
    try (Simulation sim = backend.open(plan)) {
      sim.run(plan.steps(), listener(recorder, rewiring));
      if (!sim.badWeights().isEmpty()) {
        throw new AssertionError("a rule made bad weights in " + sim.badWeights());
      }
      return new Result(SummaryBuilder.build(sim, recorder, backend.name(),
          backend.description(), 0, 0), sim.state());
    }
  }

  /** A listener that records into {@code recorder} and logs each structural call's changes. */
  public static SimulationListener listener(RunRecorder recorder, List<String> rewiring) {
    return new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {
          recorder.onSpikes(step, neurons, count);
        }

        @Override
        public void onStructural(StructuralEvent e) {
          recorder.onStructural(e);
        }

        @Override
        public void onRewiring(Rewiring r) {
          rewiring.add(r.step() + " " + r.projection() + " " + Arrays.toString(r.prunedSource())
              + Arrays.toString(r.prunedTarget()) + Arrays.toString(r.prunedWeight())
              + Arrays.toString(r.regrownSource()) + Arrays.toString(r.regrownTarget())
              + Arrays.toString(r.regrownWeight()));
        }
      };
  }

  /** The run's summary. */
  public static Summary summary(Backend backend, Model model) {
    return summary(backend, model, new java.util.ArrayList<>());
  }
}
