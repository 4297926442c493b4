package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A state taken on one backend continues on the other with the same results, bit for bit. */
class CrossBackendStateIT {
  @Test
  void javaToOpenClAndBack_equalsAStraightJavaRun() {
    Model m = TestModels.seedEi(1500, 8, "projections.ee.structural.threshold=0.14");
    Plan plan = Plan.compile(m);
    Backend java = new JavaBackend();
    Backend cl = new OpenClBackend(NativeTestSupport.device());
    RunRecorder straightRec = new RunRecorder(plan);
    Summary straight;
    try (Simulation s = java.open(plan)) {
      s.run(plan.steps(), straightRec);
      straight = SummaryBuilder.build(s, straightRec, "", "", 0, 0);
    }
    RunRecorder rec = new RunRecorder(plan);
    SimulationState a;
    try (Simulation s = java.open(plan)) {
      s.run(5000, rec);
      a = s.state();
    }
    SimulationState b;
    try (Simulation s = cl.restore(plan, a)) {
      s.run(5000, rec);
      b = s.state();
    }
    try (Simulation s = java.restore(plan, b)) {
      s.run(plan.steps() - 10000, rec);
      Summary hopped = SummaryBuilder.build(s, rec, "", "", 0, 0);
      assertEquals(straight.digest(), hopped.digest());
      assertEquals(straight.structural(), hopped.structural());
    }
  }

  /**
   * Every bundled neuron model in a network with delays (inputs in flight in the rings when the
   * state moves), on both engines: Java, then OpenCL, then Java again ends in the state of a
   * straight Java run, every array bit for bit.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("modelsAndEngines")
  void bundledModel_javaToOpenClAndBack_equalsAStraightJavaRun(String model,
      OpenClBackend.Engine engine) {
    Plan plan = Plan.compile(TestModels.twoGroups(model, "simulation.duration_ms=200"));
    Backend java = new JavaBackend();
    Backend cl = new OpenClBackend(NativeTestSupport.device(), false, engine);
    SimulationState straight;
    try (Simulation s = java.open(plan)) {
      s.run(plan.steps(), SimulationListener.NONE);
      straight = s.state();
    }
    SimulationState a;
    try (Simulation s = java.open(plan)) {
      s.run(617, SimulationListener.NONE);
      a = s.state();
    }
    SimulationState b;
    try (Simulation s = cl.restore(plan, a)) {
      s.run(733, SimulationListener.NONE);
      b = s.state();
    }
    try (Simulation s = java.restore(plan, b)) {
      s.run(plan.steps() - 617 - 733, SimulationListener.NONE);
      States.assertIdentical(model + " hopped", straight, s.state());
    }
  }

  static Stream<Arguments> modelsAndEngines() {
    return TestModels.NEURON_MODELS.stream().flatMap(m -> Stream.of(
        Arguments.of(m, OpenClBackend.Engine.RESIDENT),
        Arguments.of(m, OpenClBackend.Engine.PER_STEP)));
  }
}
