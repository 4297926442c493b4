package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end check of the determinism contract: seed-ei for 2 s, 3 seeds, both structural
 * plasticity modes, on the OpenCL device and in Java: the same spike and weight digests and the same
 * structural counts at every call.
 */
class OpenClMatchesJavaIT {
  static Stream<Arguments> runs() {
    return Stream.of("global", "per-source")
        .flatMap(mode -> Stream.of(1, 2, 3).map(seed -> Arguments.of(mode, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void seedEi_twoSeconds_sameDigestsAndStructuralCounts(String mode, int seed) {
    Model m = TestModels.seedEi(2000, seed, "projections.ee.structural.mode=" + mode,
        "projections.ie.structural.mode=" + mode);
    Summary java = run(new JavaBackend(), m);
    Summary device = run(new OpenClBackend(NativeTestSupport.device()), m);
    assertEquals(java.digest(), device.digest());
    assertEquals(java.structural(), device.structural());
    assertEquals(java.spikeCount(), device.spikeCount());
    assertTrue(java.structural().get("ee").pruned().stream().mapToInt(i -> i).sum() > 0,
        "structural plasticity pruned something in 2 s");
  }

  private static Summary run(Backend backend, Model model) {
    Plan plan = Plan.compile(model);
    RunRecorder recorder = new RunRecorder(plan);
    try (Simulation sim = backend.open(plan)) {
      sim.run(plan.steps(), recorder);
      return SummaryBuilder.build(sim, recorder, backend.name(), backend.description(), 0, 0);
    }
  }
}
