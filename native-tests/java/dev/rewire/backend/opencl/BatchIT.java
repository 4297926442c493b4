package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.BatchSimulation;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.run.BatchDriver;
import dev.rewire.run.Outputs;
import dev.rewire.run.RunDriver;
import dev.rewire.run.RunRequest;
import dev.rewire.run.RunSpec;
import dev.rewire.testing.TestModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batches on the resident engine: networks with different seeds and parameters side by side give
 * each exactly the results of the network run alone in Java, and a network that diverges does not
 * disturb the others.
 */
class BatchIT {
  private static final String SEED_EI = dev.rewire.model.ModelFile.bundledText("seed-ei");

  /** Eight networks: seeds 1-8, four lr values, both structural modes; 1.5 s, rewiring hard. */
  @Test
  void batchOfEight_differentSeedsAndLr_eachEqualsItsJavaRun() {
    List<Plan> plans = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      plans.add(Plan.compile(TestModels.seedEi(1500, k + 1,
          "projections.ee.stdp.lr=" + (0.005 * (1 + k % 4)),
          "projections.ee.structural.threshold=0.13",
          "projections.ee.structural.mode=" + (k < 4 ? "global" : "per-source"))));
    }
    OpenClBackend cl = new OpenClBackend(NativeTestSupport.device());
    assertEquals(cl.shapeKey(plans.get(0)), cl.shapeKey(plans.get(7)), "one shape");
    List<RunRecorder> recorders = new ArrayList<>();
    plans.forEach(p -> recorders.add(new RunRecorder(p)));
    List<Summary> device = new ArrayList<>();
    try (BatchSimulation batch = cl.openBatch(plans, Collections.nCopies(8, null))) {
      boolean[] all = new boolean[8];
      Arrays.fill(all, true);
      for (int c = 0; c < 3; c++) {
        batch.run(plans.get(0).steps() / 3, new ArrayList<>(recorders), all);
      }
      for (int k = 0; k < 8; k++) {
        device.add(SummaryBuilder.build(batch.members().get(k), recorders.get(k), "", "", 0, 0));
      }
    }
    for (int k = 0; k < 8; k++) {
      Summary java = javaRun(plans.get(k));
      assertEquals(java.digest(), device.get(k).digest(), "network " + k);
      assertEquals(java.structural(), device.get(k).structural(), "network " + k);
      assertTrue(java.structural().get("ee").pruned().stream().mapToInt(i -> i).sum() > 0);
    }
    assertNotEquals(device.get(0).digest(), device.get(4).digest());
  }

  /**
   * Network 1 of 3 has a capacitance so small that forward Euler diverges; the driver stops it
   * at the first check (as rewire run does), and networks 0 and 2 finish with their Java
   * results.
   */
  @Test
  void aDivergingNetwork_isStopped_andTheOthersAreUndisturbed() {
    List<RunRequest> requests = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      RunSpec spec = new RunSpec(SEED_EI, "bundled:seed-ei",
          k == 1 ? List.of("neurons.net.c_pf=0.01") : List.of(), k + 1, 1000.0);
      requests.add(RunRequest.fresh(spec, null, "test", Outputs.NONE));
    }
    RunDriver.Result[] results = new RunDriver.Result[3];
    BatchDriver.run(requests, new OpenClBackend(NativeTestSupport.device()),
        new BatchDriver.Outcomes() {
          @Override
          public void progressed(int k, int steps) {}

          @Override
          public void finished(int k, RunDriver.Result result) {
            results[k] = result;
          }

          @Override
          public void failed(int k, RuntimeException error) {
            throw error;
          }
        }, () -> false);
    assertTrue(results[1].stopped().startsWith("numerical guard: "), results[1].stopped());
    assertTrue(results[1].summary().durationS() < 1.0);
    for (int k : new int[] {0, 2}) {
      assertEquals(null, results[k].stopped());
      Summary java = RunDriver.run(requests.get(k), new JavaBackend(), RunDriver.Progress.NONE)
          .summary();
      assertEquals(java.digest(), results[k].summary().digest(), "network " + k);
      assertEquals(java.structural(), results[k].summary().structural());
    }
  }

  /** A member's state continues on the Java backend bit for bit (and a state restores). */
  @Test
  void memberState_continuesInJava() {
    Plan plan = Plan.compile(TestModels.seedEi(1200, 6, "projections.ee.structural.threshold=0.13"));
    Summary straight = javaRun(plan);
    RunRecorder rec = new RunRecorder(plan);
    OpenClBackend cl = new OpenClBackend(NativeTestSupport.device());
    dev.rewire.backend.SimulationState half;
    List<Plan> plans = List.of(plan, Plan.compile(TestModels.seedEi(1200, 9)));
    try (BatchSimulation batch = cl.openBatch(plans, Arrays.asList(null, null))) {
      batch.run(6000, List.of(rec, SimulationListener.NONE), new boolean[] {true, true});
      half = batch.members().get(0).state();
      NeuronValues nv = batch.members().get(0).neuronValues();
      assertEquals(half.floats("neurons.net.v")[17], nv.of("neurons.net.v")[17]);
    }
    try (Simulation rest = new JavaBackend().restore(plan, half)) {
      rest.run(plan.steps() - 6000, rec);
      assertEquals(straight.digest(), SummaryBuilder.build(rest, rec, "", "", 0, 0).digest());
    }
  }

  private static Summary javaRun(Plan plan) {
    RunRecorder r = new RunRecorder(plan);
    try (Simulation sim = new JavaBackend().open(plan)) {
      sim.run(plan.steps(), r);
      return SummaryBuilder.build(sim, r, "", "", 0, 0);
    }
  }
}
