package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

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
}
