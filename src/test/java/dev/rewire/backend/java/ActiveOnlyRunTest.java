package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.model.Model;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.SoakCheck;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.Runs;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * seed-ei with both plastic projections stored as active synapses only: its own stored digests
 * (a different draw of the initial synapses and of regrowth than the slot sets'), restores bit for
 * bit, every call conserving and sorted.
 */
class ActiveOnlyRunTest {
  /**
   * seed-ei, seed 1, 1 s, storage = "active" on ee and ie: the reference results of active-only
   * sets. They change only with a deliberate change of semantics, which must say so in its commit.
   */
  static final String ACTIVE_1S_SPIKES =
      "88d06031b9a1e455d699bc5aeb4b057eb8acd554662fe9a1b4c67d2cd814d7ad";
  static final String ACTIVE_1S_WEIGHTS =
      "60bdf2f0118256ab5015efec80d90cac6685e8e411e18d3eb1e8a67b0212b534";

  static Model seedEiActive(double durationMs, long seed, String... more) {
    List<String> o = new ArrayList<>(List.of("projections.ee.connectivity.storage=active",
        "projections.ie.connectivity.storage=active"));
    o.addAll(List.of(more));
    return TestModels.seedEi(durationMs, seed, o.toArray(new String[0]));
  }

  @Test
  void seedEi_oneSecond_reproducesTheStoredDigests() {
    Plan plan = Plan.compile(seedEiActive(1000, 1));
    assertTrue(plan.projection("ee").activeOnly() && plan.projection("ie").activeOnly());
    Summary s = Runs.summary(new JavaBackend(), seedEiActive(1000, 1));
    assertEquals(ACTIVE_1S_SPIKES, s.digest().spikes());
    assertEquals(ACTIVE_1S_WEIGHTS, s.digest().weights());
    Summary slots = Runs.summary(new JavaBackend(), TestModels.seedEi(1000, 1));
    assertNotEquals(slots.digest().weights(), s.digest().weights(), "another draw than slots'");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4321, 6000})
  void stateAndRestore_continueBitForBit(int splitStep) {
    Model m = seedEiActive(1200, 7, "projections.ee.structural.threshold=0.14");
    List<String> log = new ArrayList<>();
    Runs.Result straight = Runs.run(new JavaBackend(), m, log);
    Plan plan = Plan.compile(m);
    RunRecorder recorder = new RunRecorder(plan);
    List<String> resumedLog = new ArrayList<>();
    SimulationState state;
    try (Simulation first = new JavaBackend().open(plan)) {
      first.run(splitStep, Runs.listener(recorder, resumedLog));
      state = first.state();
    }
    try (Simulation second = new JavaBackend().restore(plan, state)) {
      second.run(plan.steps() - splitStep, Runs.listener(recorder, resumedLog));
      Summary resumed = SummaryBuilder.build(second, recorder, "", "", 0, 0);
      assertEquals(straight.summary().digest(), resumed.digest());
      States.assertIdentical("restored at " + splitStep, straight.state(), second.state());
    }
    assertEquals(log, resumedLog, "the same rewiring, call by call");
    assertTrue(log.size() > 10, "calls were logged");
  }

  @ParameterizedTest
  @ValueSource(strings = {"global", "per-source"})
  void tenSeconds_everyCallConservesSortedAndInRange(String mode) {
    Plan plan = Plan.compile(seedEiActive(10_000, 3, "projections.ee.structural.mode=" + mode,
        "projections.ie.structural.mode=" + mode, "projections.ee.structural.threshold=0.13",
        "projections.ie.structural.threshold=0.85"));
    try (Simulation sim = new JavaBackend().open(plan)) {
      SoakCheck.Result r = new SoakCheck(plan).run(sim, 10);
      assertEquals(2 * 200, r.calls(), "ee and ie, every 50 ms");
    }
  }
}
