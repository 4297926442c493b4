package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.ResourceException;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.output.RunRecorder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.Runs;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Active-only potential sets on the per-step engine (rewired on the host between launches) against
 * Java: every state array bit for bit, the same digests and the same synapses pruned and regrown at
 * every call; a state moving Java → OpenCL → Java; the resident engine refusing them.
 */
class ActiveOnlyIT {
  private static final String EE = "projections.ee.connectivity.storage=";
  private static final String IE = "projections.ie.connectivity.storage=";

  @ParameterizedTest(name = "ee {0}, ie {1}, {2}, {3}")
  @CsvSource({"active, active, global, w < 0.005", "active, active, per-source, w < 0.005",
      "active, slots, global, w < 0.005", "slots, active, per-source, w < 0.005",
      "active, active, global, w < 0.13 or w > 0.5 * gmax"})
  void perStep_matchesJava_arrayForArray(String ee, String ie, String mode, String prune) {
    Model m = TestModels.seedEi(1500, 4, EE + ee, IE + ie,
        "projections.ee.structural.mode=" + mode, "projections.ie.structural.mode=" + mode,
        "projections.ee.structural.threshold=0.13", "projections.ie.structural.threshold=0.85");
    if (!prune.equals("w < 0.005")) { // a condition other than a threshold: evaluated per synapse
      m = TestModels.seedEi(1500, 4, EE + ee, IE + ie, "projections.ee.structural.mode=" + mode,
          "projections.ee.structural.prune=\"" + prune + "\"");
    }
    List<String> javaLog = new ArrayList<>();
    List<String> deviceLog = new ArrayList<>();
    Runs.Result java = Runs.run(new JavaBackend(), m, javaLog);
    Runs.Result device = Runs.run(new OpenClBackend(NativeTestSupport.device(), false,
        OpenClBackend.Engine.PER_STEP), m, deviceLog);
    States.assertIdentical(ee + "/" + ie + " " + mode, java.state(), device.state());
    assertEquals(java.summary().digest(), device.summary().digest());
    assertEquals(javaLog, deviceLog, "the same synapses pruned and regrown, call by call");
    assertEquals(java.summary().structural(), device.summary().structural());
    assertTrue(java.summary().structural().get("ee").pruned().stream().mapToInt(i -> i).sum()
        > 0, "structural plasticity pruned something");
  }

  @Test
  void javaToOpenClAndBack_equalsAStraightJavaRun() {
    Model m = TestModels.seedEi(1500, 8, EE + "active", IE + "active",
        "projections.ee.structural.threshold=0.14");
    Plan plan = Plan.compile(m);
    Runs.Result straight = Runs.run(new JavaBackend(), m, new ArrayList<>());
    RunRecorder rec = new RunRecorder(plan);
    SimulationState a;
    try (Simulation s = new JavaBackend().open(plan)) {
      s.run(5000, rec);
      a = s.state();
    }
    SimulationState b;
    try (Simulation s = new OpenClBackend(NativeTestSupport.device()).restore(plan, a)) {
      s.run(5000, rec);
      b = s.state();
    }
    try (Simulation s = new JavaBackend().restore(plan, b)) {
      s.run(plan.steps() - 10000, rec);
      States.assertIdentical("java, opencl, java", straight.state(), s.state());
    }
  }

  @Test
  void residentEngine_refusesThem_autoTakesPerStep() {
    Plan plan = Plan.compile(TestModels.seedEi(100, 1, EE + "active"));
    ResourceException e = assertThrows(ResourceException.class, () -> new OpenClBackend(
        NativeTestSupport.device(), false, OpenClBackend.Engine.RESIDENT).open(plan).close());
    assertTrue(e.getMessage().contains("projections.ee keeps its active synapses only"),
        e.getMessage());
    OpenClBackend auto = new OpenClBackend(NativeTestSupport.device());
    assertEquals(0, auto.batchCapacity(plan), "no batches of active-only sets");
    try (Simulation s = auto.open(plan)) {
      s.run(plan.steps(), new RunRecorder(plan));
      assertEquals(plan.steps(), s.step());
    }
  }
}
