package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.model.Model;
import dev.rewire.model.ModelFile;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.Runs;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One network on several threads gives what it gives on one: every state array bit for bit, the
 * same spikes and the same synapses pruned and regrown, call by call, for every example network
 * and bundled neuron model, with 2, 3 and 5 threads (shares of unequal size, and more threads than
 * this machine may have cores).
 */
class ThreadsTest {
  static Stream<Arguments> models() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("seed-ei", TestModels.seedEi(1200, 5,
        "projections.ee.structural.threshold=0.14")));
    out.add(Arguments.of("seed-ei per-source", TestModels.seedEi(600, 6,
        "projections.ee.structural.mode=per-source", "projections.ie.structural.mode=per-source",
        "projections.ee.structural.threshold=0.13", "projections.ie.structural.threshold=0.85")));
    out.add(Arguments.of("seed-ei active-only", TestModels.seedEi(900, 5,
        "projections.ee.connectivity.storage=active", "projections.ie.connectivity.storage=active",
        "projections.ee.structural.threshold=0.14")));
    for (String f : List.of("coba.toml", "cuba.toml", "adex-patterns.toml", "izhikevich.toml",
        "seed-ei-adex.toml", "rules/seed-rule.toml", "rules/song-pair.toml", "rules/triplet.toml",
        "rules/van-rossum.toml", "rules/vogels-istdp.toml")) {
      out.add(Arguments.of(f, ModelFile.load(Path.of("examples/" + f),
          List.of("simulation.duration_ms=300"))));
    }
    for (String m : TestModels.NEURON_MODELS) {
      out.add(Arguments.of("two groups of " + m, TestModels.twoGroups(m)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyThreadCount_sameStateSpikesAndRewiring(String name, Model m) {
    List<String> oneLog = new ArrayList<>();
    Runs.Result one = Runs.run(new JavaBackend(false, 1), m, oneLog);
    assertTrue(one.summary().spikeCount().values().stream().mapToLong(i -> i).sum() > 0,
        "the network spiked");
    for (int threads : new int[] {2, 3, 5}) {
      List<String> log = new ArrayList<>();
      Runs.Result many = Runs.run(new JavaBackend(false, threads), m, log);
      States.assertIdentical(name + " on " + threads + " threads", one.state(), many.state());
      assertEquals(one.summary().digest(), many.summary().digest(), threads + " threads");
      assertEquals(oneLog, log, threads + " threads: the same rewiring, call by call");
    }
  }

  /**
   * Auto threads move a run from one thread to every core once it is warm and its steps cost
   * enough, in the middle of a run, and back when the threaded steps are not faster enough, without
   * changing a bit; with a cost it never reaches, they stay on one.
   */
  @ParameterizedTest(name = "cost {0} us, keep below {1}: {2} threads, {3}")
  @CsvSource({"0, 1e9, 3, and kept them", "0, 0, 1, and back to 1", "1e12, 1e9, 1, stayed on 1"})
  void autoThreads_moveMidRun_withoutChangingABit(double cost, double keepBelow, int threads,
      String outcome) {
    Model m = TestModels.seedEi(800, 4, "projections.ee.structural.threshold=0.14");
    Plan plan = Plan.compile(m);
    List<String> oneLog = new ArrayList<>();
    Runs.Result one = Runs.run(new JavaBackend(false, 1), m, oneLog);
    {
      AdaptiveSimulation.Rule rule = new AdaptiveSimulation.Rule(0, 0, 0, 100, cost, keepBelow);
      List<String> log = new ArrayList<>();
      RunRecorder recorder = new RunRecorder(plan);
      try (AdaptiveSimulation sim = new AdaptiveSimulation(new JavaSimulation(plan,
          dev.rewire.backend.InitialState.arrays(plan), 0, true, 1), true, 3, rule)) {
        sim.sampleState(new int[] {0, 450}, List.of("v"), 10);
        sim.run(plan.steps(), Runs.listener(recorder, log));
        assertEquals(threads, sim.threads());
        assertTrue(sim.describe("java").contains(outcome), sim.describe("java"));
        States.assertIdentical("auto, cost " + cost, one.state(), sim.state());
        assertEquals(one.summary().digest(),
            SummaryBuilder.build(sim, recorder, "java", "", 0, 0).digest());
        assertEquals(oneLog, log, "the same rewiring, call by call");
        assertEquals(plan.steps(), sim.profile().get("neuron_update")[1],
            "the profile counts every step, before and after the move");
      }
    }
  }

  /**
   * A state taken on two threads (pending input spread over their rings) restores on three and
   * on one, and both continue as one thread would have.
   */
  @Test
  void stateTakenOnSomeThreads_continuesOnAnyOther() {
    Model m = TestModels.seedEi(800, 9, "projections.ee.structural.threshold=0.14");
    Plan plan = Plan.compile(m);
    Runs.Result straight = Runs.run(new JavaBackend(false, 1), m, new ArrayList<>());
    SimulationState half;
    try (Simulation sim = new JavaBackend(false, 2).open(plan)) {
      sim.run(4321, SimulationListener.NONE);
      half = sim.state();
      sim.run(plan.steps() - 4321, SimulationListener.NONE); // the snapshot did not disturb it
      States.assertIdentical("after a snapshot on 2 threads", straight.state(), sim.state());
    }
    for (int threads : new int[] {1, 3}) {
      try (Simulation sim = new JavaBackend(false, threads).restore(plan, half)) {
        sim.run(plan.steps() - 4321, SimulationListener.NONE);
        States.assertIdentical("restored on " + threads, straight.state(), sim.state());
      }
    }
  }
}
