package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.model.ModelFile;
import dev.rewire.testing.Runs;
import dev.rewire.testing.States;
import dev.rewire.testing.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled neuron model (in a two-group network with delays, STDP and rewiring), a model
 * defined only in a file and every example network, on both OpenCL engines and in Java: every state array equal bit for bit at the
 * end, the same spike and weight digests and the same synapses pruned and regrown.
 */
class NeuronModelsIT {
  static Stream<Arguments> bundled() {
    return engines().flatMap(e -> TestModels.NEURON_MODELS.stream().map(m -> Arguments.of(e, m)));
  }

  static Stream<Arguments> examples() {
    return engines().flatMap(e -> Stream.of("coba.toml", "cuba.toml", "adex-patterns.toml",
        "izhikevich.toml", "seed-ei-adex.toml").map(m -> Arguments.of(e, m)));
  }

  static Stream<OpenClBackend.Engine> engines() {
    return Stream.of(OpenClBackend.Engine.RESIDENT, OpenClBackend.Engine.PER_STEP);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("bundled")
  void bundledModel_sameStateOnEveryBackend(OpenClBackend.Engine engine, String model) {
    Runs.Result java = same(engine, TestModels.twoGroups(model));
    assertTrue(java.summary().spikeCount().get("E") > 0 && java.summary().spikeCount().get("I") > 0,
        "both groups spiked: " + java.summary().spikeCount());
    assertTrue(java.summary().structural().get("ee").pruned().stream().mapToInt(i -> i).sum() > 0,
        "E→E was rewired");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examples")
  void example_sameStateOnEveryBackend(OpenClBackend.Engine engine, String file) {
    Runs.Result java = same(engine, ModelFile.load(Path.of("examples/" + file),
        List.of("simulation.duration_ms=150")));
    assertTrue(java.summary().spikeCount().values().stream().mapToLong(i -> i).sum() > 0,
        "the network spiked");
  }

  /**
   * Adding a neuron model needs no Java: native-tests/resources/models/qif.toml, a model that
   * exists only in that file (rk4, exact and Euler-Maruyama equations, v clamped), in a network
   * with delays and negative weights.
   */
  @ParameterizedTest
  @MethodSource("engines")
  void modelOnlyInAFile_sameStateOnEveryBackend(OpenClBackend.Engine engine) {
    Runs.Result java = same(engine, ModelFile.load(
        Path.of("native-tests/resources/models/qif-network.toml"), List.of()));
    assertTrue(java.summary().spikeCount().get("E") > 0 && java.summary().spikeCount().get("I") > 0,
        "both populations spiked: " + java.summary().spikeCount());
  }

  /** Runs {@code m} in Java and on {@code engine}, asserts they agree, returns the Java run. */
  private static Runs.Result same(OpenClBackend.Engine engine, Model m) {
    List<String> javaLog = new ArrayList<>();
    List<String> deviceLog = new ArrayList<>();
    Runs.Result java = Runs.run(new JavaBackend(), m, javaLog);
    Runs.Result device = Runs.run(new OpenClBackend(NativeTestSupport.device(), false, engine), m,
        deviceLog);
    States.assertIdentical(engine + " " + m.name(), java.state(), device.state());
    assertEquals(java.summary().digest(), device.summary().digest());
    assertEquals(javaLog, deviceLog, "the same synapses pruned and regrown, call by call");
    return java;
  }
}
