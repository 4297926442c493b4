package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.output.Summary;
import dev.rewire.testing.Runs;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end check of the determinism contract: seed-ei for 2 s, 3 seeds, both structural
 * plasticity modes, on both OpenCL engines and in Java: every state array equal bit for bit at the
 * end, the same spike and weight digests, the same structural counts and the same synapses pruned
 * and regrown at every call.
 */
class OpenClMatchesJavaIT {
  static Stream<Arguments> runs() {
    return Stream.of(OpenClBackend.Engine.RESIDENT, OpenClBackend.Engine.PER_STEP)
        .flatMap(engine -> Stream.of("global", "per-source")
        .flatMap(mode -> Stream.of(1, 2, 3).map(seed -> Arguments.of(engine, mode, seed))));
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("runs")
  void seedEi_twoSeconds_sameDigestsAndStructuralCounts(OpenClBackend.Engine engine, String mode,
      int seed) {
    Model m = TestModels.seedEi(2000, seed, "projections.ee.structural.mode=" + mode,
        "projections.ie.structural.mode=" + mode);
    List<String> javaLog = new ArrayList<>();
    List<String> deviceLog = new ArrayList<>();
    Runs.Result javaRun = Runs.run(new JavaBackend(), m, javaLog);
    Runs.Result deviceRun = Runs.run(new OpenClBackend(NativeTestSupport.device(), false, engine),
        m, deviceLog);
    States.assertIdentical(engine + " " + mode + " seed " + seed, javaRun.state(),
        deviceRun.state());
    Summary java = javaRun.summary();
    Summary device = deviceRun.summary();
    assertEquals(java.digest(), device.digest());
    assertEquals(javaLog, deviceLog, "the same synapses pruned and regrown, call by call");
    assertEquals(java.structural(), device.structural());
    assertEquals(java.spikeCount(), device.spikeCount());
    assertTrue(java.structural().get("ee").pruned().stream().mapToInt(i -> i).sum() > 0,
        "structural plasticity pruned something in 2 s");
  }

}
