package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.model.Model;
import dev.rewire.plan.Plan;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

/**
 * The per-step engine's spike pathways launch a few work-items per compute unit, each taking every
 * global-size-th entry of the step's spike list (RW_FOR_SPIKES): a network driven into synchronous
 * bursts, with more spikes in a step than the launch has work-items, ends in Java's state.
 */
class SpikeStrideIT {
  @Test
  void burstsLargerThanTheLaunch_perStepEngine_matchesJava() {
    ClDevice device = NativeTestSupport.device();
    Model m = TestModels.seedEi(300, 2, "neurons.net.size=2000",
        "neurons.net.populations={E=[0,1600],I=[1600,2000]}", "projections.pe.weight=30",
        "projections.pi.weight=30", "inputs.P.rate_hz=300");
    Plan plan = Plan.compile(m);
    SimulationState java = run(new JavaBackend(), plan, null);
    int[] most = {0};
    SimulationState device0 = run(new OpenClBackend(device, false, OpenClBackend.Engine.PER_STEP),
        plan, most);
    long workItems = (device.cpu() ? 64L : 1024L) * device.computeUnits();
    assertTrue(most[0] > workItems, "a step had " + most[0] + " spikes, more than the "
        + workItems + " work-items of a launch on " + device.name());
    States.assertIdentical("bursts on the per-step engine", java, device0);
  }

  private static SimulationState run(Backend backend, Plan plan, int[] most) {
    try (Simulation s = backend.open(plan)) {
      s.run(plan.steps(), new SimulationListener() {
          @Override
          public void onSpikes(int step, int[] neurons, int count) {
            if (most != null) {
              most[0] = Math.max(most[0], count);
            }
          }

          @Override
          public void onStructural(StructuralEvent event) {}
        });
      assertEquals(plan.steps(), s.step());
      return s.state();
    }
  }
}
