package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Structural;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One structural-plasticity call on the device, at step 0 of a network of 80 neurons (6320
 * potential synapses, about 1260 active) whose initial weights are uniform in [0, 0.2], on both
 * engines and in both modes. The thresholds prune a few synapses (0.005: Floyd's draws sorted),
 * a quarter (0.05: in global mode more draws than the square root of the inactive count, so read
 * off the marks) and all (0.25: per row too).
 */
class StructuralPlasticityIT {
  static Stream<Arguments> calls() {
    return Stream.of(OpenClBackend.Engine.RESIDENT, OpenClBackend.Engine.PER_STEP)
        .flatMap(engine -> Stream.of(Structural.Mode.values())
        .flatMap(mode -> Stream.of(0.005f, 0.05f, 0.25f)
        .map(threshold -> Arguments.of(engine, mode, threshold))));
  }

  @ParameterizedTest(name = "{0} {1} threshold {2}")
  @MethodSource("calls")
  void call_prunesOnlyLowActiveAndRegrowsOnlyPreviouslyInactive(OpenClBackend.Engine engine,
      Structural.Mode mode, float threshold) {
    Plan plan = Plan.compile(TestModels.rewired(80, 0.2,
        new Structural(5.0, threshold, mode, 0.15), 10, 11));
    try (Simulation device = new OpenClBackend(NativeTestSupport.device(), false, engine)
            .open(plan);
        Simulation java = new JavaBackend().open(plan)) {
      Map<Long, Float> before = weights(device.activeSynapses("nn"));
      device.run(1, SimulationListener.NONE);
      java.run(1, SimulationListener.NONE);
      ActiveSynapses after = device.activeSynapses("nn");
      Map<Long, Float> now = weights(after);
      Set<Long> pruned = new HashSet<>(before.keySet());
      pruned.removeAll(now.keySet());
      Set<Long> regrown = new HashSet<>(now.keySet());
      regrown.removeAll(before.keySet());
      int least = threshold > 0.2f ? before.size() : threshold > 0.01f ? 200 : 10;
      assertTrue(pruned.size() >= least, "the call pruned " + pruned.size());
      assertEquals(pruned.size(), regrown.size(), "as many regrown as pruned");
      for (long p : pruned) {
        assertTrue(before.get(p) < threshold, "pruned synapse was below threshold");
      }
      for (long r : regrown) {
        assertFalse(before.containsKey(r), "regrown synapse was inactive before the call");
        assertEquals(0.15f, now.get(r));
        assertTrue((r >>> 32) != (r & 0xFFFFFFFFL), "no self pair");
      }
      ActiveSynapses javaAfter = java.activeSynapses("nn");
      assertEquals(weights(javaAfter), now, "the device made the Java backend's choice");
    }
  }

  private static Map<Long, Float> weights(ActiveSynapses a) {
    Map<Long, Float> m = new HashMap<>();
    for (int k = 0; k < a.size(); k++) {
      m.put((long) a.source()[k] << 32 | a.target()[k], a.weight()[k]);
    }
    return m;
  }
}
