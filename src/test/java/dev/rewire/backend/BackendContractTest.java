package dev.rewire.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.model.Model;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every backend passes; each backend has one small subclass. The Java backend is the
 * oracle: the stored digests below are its results, so any other backend that passes reproduces
 * them bit for bit (docs/design.md, section 3).
 */
public abstract class BackendContractTest {
  /**
   * seed-ei, seed 1, 1 s, global mode: the spike and weight digests of the reference semantics.
   * They change only with a deliberate change of semantics, which must say so in its commit.
   */
  static final String SEED_EI_1S_SPIKES =
      "890e7bd8c0812f950bd69fa6930708f1d2d2aa9bf790eeaaae366176e51172e6";
  static final String SEED_EI_1S_WEIGHTS =
      "8b28c782f6ca7480e8150dac9aff9d38855aff9a4eeb4cc567191913f0f6fbdb";

  protected abstract Backend backend();

  protected Summary run(Model model, int... chunks) {
    Plan plan = Plan.compile(model);
    RunRecorder recorder = new RunRecorder(plan);
    try (Simulation sim = backend().open(plan)) {
      int left = plan.steps();
      int c = 0;
      while (left > 0) {
        int n = chunks.length == 0 ? left : Math.min(left, chunks[c++ % chunks.length]);
        sim.run(n, recorder);
        left -= n;
      }
      assertEquals(plan.steps(), sim.step());
      return SummaryBuilder.build(sim, recorder, backend().name(), backend().description(), 0, 0);
    }
  }

  @Test
  void seedEi_oneSecond_reproducesTheStoredDigests() {
    Summary s = run(TestModels.seedEi(1000, 1));
    assertEquals(SEED_EI_1S_SPIKES, s.digest().spikes());
    assertEquals(SEED_EI_1S_WEIGHTS, s.digest().weights());
  }

  @Test
  void sameSeed_givesIdenticalDigests_differentSeed_doesNot() {
    Summary a = run(TestModels.seedEi(600, 5));
    Summary b = run(TestModels.seedEi(600, 5));
    Summary c = run(TestModels.seedEi(600, 6));
    assertEquals(a.digest(), b.digest());
    assertNotEquals(a.digest().spikes(), c.digest().spikes());
    assertNotEquals(a.digest().weights(), c.digest().weights());
  }

  @Test
  void results_doNotDependOnHowStepsAreBatched() {
    Model m = TestModels.seedEi(1100, 2, "projections.ee.structural.threshold=0.14");
    Summary whole = run(m);
    Summary pieces = run(m, 1, 333, 499, 7, 1000);
    assertEquals(whole.digest(), pieces.digest());
    assertTrue(whole.structural().get("ee").pruned().stream().mapToInt(i -> i).sum() > 0,
        "the run exercised structural plasticity");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4321, 6000})
  void stateAndRestore_continueBitForBit(int splitStep) {
    Model m = TestModels.seedEi(1200, 7, "projections.ee.structural.threshold=0.14");
    Summary straight = run(m);
    Plan plan = Plan.compile(m);
    RunRecorder recorder = new RunRecorder(plan);
    SimulationState state;
    try (Simulation first = backend().open(plan)) {
      first.run(splitStep, recorder);
      state = first.state();
    }
    try (Simulation second = backend().restore(plan, state)) {
      assertEquals(splitStep, second.step());
      second.run(plan.steps() - splitStep, recorder);
      Summary resumed = SummaryBuilder.build(second, recorder, "", "", 0, 0);
      assertEquals(straight.digest(), resumed.digest());
      assertEquals(straight.structural(), resumed.structural());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"global", "per-source"})
  void structuralPlasticity_conservesActiveCountsAtEveryCall(String mode) {
    Summary s = run(TestModels.seedEi(1500, 3, "projections.ee.structural.mode=" + mode,
        "projections.ie.structural.mode=" + mode, "projections.ee.structural.threshold=0.13",
        "projections.ie.structural.threshold=0.85"));
    for (String proj : List.of("ee", "ie")) {
      Summary.StructuralSeries series = s.structural().get(proj);
      assertEquals(30, series.tS().size(), "a call every 50 ms from t = 0 up to 1.45 s");
      assertEquals(1, new HashSet<>(series.active()).size(), proj + " active counts " + series.active());
      assertEquals(series.pruned(), series.regrown());
      assertTrue(series.pruned().stream().mapToInt(i -> i).sum() > 0, proj + " pruned something");
      assertEquals(series.active().get(0), s.finalState().get(proj).nActive());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"global", "per-source"})
  void rewiringLog_matchesTheCountsAndReplaysToTheFinalActiveSet(String mode) {
    Model m = TestModels.seedEi(1500, 3, "projections.ee.structural.mode=" + mode,
        "projections.ee.structural.threshold=0.13");
    Plan plan = Plan.compile(m);
    ProjectionPlan ee = plan.projection("ee");
    java.util.List<StructuralEvent> events = new java.util.ArrayList<>();
    java.util.List<Rewiring> log = new java.util.ArrayList<>();
    try (Simulation sim = backend().open(plan)) {
      sim.run(plan.steps(), new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {}

        @Override
        public void onStructural(StructuralEvent e) {
          events.add(e);
        }

        @Override
        public void onRewiring(Rewiring r) {
          log.add(r);
        }
      });
      assertEquals(events.size(), log.size(), "one rewiring per structural call");
      java.util.Set<Long> active = new java.util.HashSet<>();
      InitialConnectivity.PotentialSlots slots = InitialConnectivity.potentialSlots(ee, plan.seed());
      SlotGeometry g = new SlotGeometry(ee);
      for (int s = 0; s < slots.active().length; s++) {
        if (slots.active()[s]) {
          int i = g.sourceOf(s);
          active.add((long) i << 32 | g.targetOf(i, s));
        }
      }
      int prunes = 0;
      for (int k = 0; k < log.size(); k++) {
        Rewiring r = log.get(k);
        StructuralEvent e = events.get(k);
        assertEquals(e.step(), r.step());
        assertEquals(e.projection(), r.projection());
        assertEquals(e.pruned(), r.prunedSource().length);
        assertEquals(e.regrown(), r.regrownSource().length);
        if (!r.projection().equals("ee")) {
          continue;
        }
        for (int q = 0; q < r.prunedSource().length; q++) {
          assertTrue(r.prunedWeight()[q] < 0.13f, "pruned below threshold");
          assertTrue(active.remove((long) r.prunedSource()[q] << 32 | r.prunedTarget()[q]),
              "pruned synapse was active");
        }
        for (int q = 0; q < r.regrownSource().length; q++) {
          assertTrue(active.add((long) r.regrownSource()[q] << 32 | r.regrownTarget()[q]),
              "regrown synapse was inactive");
        }
        for (float w : r.regrownWeight()) {
          assertEquals(0.15f, w);
        }
        prunes += r.prunedSource().length;
      }
      assertTrue(prunes > 100, "the log covers real rewiring: " + prunes);
      ActiveSynapses end = sim.activeSynapses("ee");
      java.util.Set<Long> actual = new java.util.HashSet<>();
      for (int k = 0; k < end.size(); k++) {
        actual.add((long) end.source()[k] << 32 | end.target()[k]);
      }
      assertEquals(actual, active, "replaying the log from the initial synapses gives the end");
    }
  }

  @Test
  void sampleState_reportsTheStateAtTheEndOfEverySampledStep() {
    Plan plan = Plan.compile(TestModels.seedEi(100, 9));
    int[] chosen = {0, 17, 450};
    java.util.List<float[]> last = new java.util.ArrayList<>();
    java.util.List<Integer> steps = new java.util.ArrayList<>();
    try (Simulation sim = backend().open(plan)) {
      sim.sampleState(chosen, List.of("v", "g_ampa", "g_gaba"), 7);
      sim.run(600, new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {}

        @Override
        public void onStructural(StructuralEvent e) {}

        @Override
        public void onState(int step, float[][] values) {
          steps.add(step);
          last.add(new float[] {values[0][0], values[0][1], values[0][2], values[1][2],
              values[2][1]});
        }
      });
      assertEquals(86, steps.size(), "steps 0, 7, ..., 595");
      assertEquals(595, steps.get(steps.size() - 1));
    }
    try (Simulation sim = backend().open(plan)) {
      sim.run(596, SimulationListener.NONE);
      NeuronValues nv = sim.neuronValues();
      float[] v = nv.of("neurons.net.v");
      float[] expect = {v[0], v[17], v[450], nv.of("neurons.net.g_ampa")[450],
          nv.of("neurons.net.g_gaba")[17]};
      assertTrue(java.util.Arrays.equals(expect, last.get(last.size() - 1)),
          java.util.Arrays.toString(expect) + " vs " + java.util.Arrays.toString(
              last.get(last.size() - 1)));
    }
  }

  /** The seed wires I→I with condition='i != j', so seed-ei has no inhibitory autapses. */
  @Test
  void seedEi_inhibitoryProjectionHasNoAutapses() {
    Plan plan = Plan.compile(TestModels.seedEi(0, 1));
    try (Simulation sim = backend().open(plan)) {
      ActiveSynapses ii = sim.activeSynapses("ii");
      assertTrue(ii.size() > 800, "about 0.1 * 100 * 99 synapses: " + ii.size());
      for (int k = 0; k < ii.size(); k++) {
        assertNotEquals(ii.source()[k], ii.target()[k], "autapse at neuron " + ii.source()[k]);
      }
    }
  }

  @Test
  void isolatedNeuronsAtRest_neverSpike() {
    Summary s = run(TestModels.isolated(20, 200));
    assertEquals(0L, s.spikeCount().get("N"));
  }

  @Test
  void activeSynapses_areSortedBySourceThenTarget() {
    Plan plan = Plan.compile(TestModels.seedEi(100, 4));
    try (Simulation sim = backend().open(plan)) {
      sim.run(plan.steps(), SimulationListener.NONE);
      for (String proj : List.of("ee", "ie", "ei")) {
        ActiveSynapses a = sim.activeSynapses(proj);
        assertTrue(a.size() > 0);
        for (int k = 1; k < a.size(); k++) {
          long prev = (long) a.source()[k - 1] << 32 | a.target()[k - 1];
          long cur = (long) a.source()[k] << 32 | a.target()[k];
          assertTrue(prev < cur, proj + " sorted at " + k);
        }
      }
    }
  }
}
