package dev.rewire.cli;

import dev.rewire.model.Durations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.output.SummaryWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_writesASummaryWithTheDocumentedKeys() throws IOException {
    Path summary = dir.resolve("s.json");
    assertEquals(0, main("run", "--duration", "0.3s", "--seed", "1", "--backend", "java",
        "--summary", summary.toString()));
    JsonNode s = SummaryWriter.read(summary);
    for (String key : List.of("model", "seed", "backend", "duration_s", "dt_ms", "wall_s",
        "spike_count", "rates_hz_per_second", "structural", "final", "digest")) {
      assertTrue(s.has(key), "summary has " + key);
    }
    assertEquals("seed-ei", s.get("model").asText());
    assertEquals("java", s.get("backend").asText());
    assertEquals(0.3, s.get("duration_s").asDouble(), 1e-12);
    assertTrue(s.at("/wall_s/setup").isNumber() && s.at("/wall_s/run").isNumber());
    assertEquals(1, s.at("/rates_hz_per_second/E").size());
    assertEquals(6, s.at("/structural/ee/t_s").size());
    assertEquals(5, s.at("/final/ie/quantiles_w_active_5_25_50_75_95").size());
    assertEquals(64, s.at("/digest/spikes").asText().length());
    assertEquals(64, s.at("/digest/weights").asText().length());
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("seed-ei seed=1 backend=java: "));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(summary), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void summary_describesHowTheRunWasMade() throws IOException {
    Path summary = dir.resolve("s.json");
    assertEquals(0, main("run", "--duration", "0.2s", "--seed", "5", "--backend", "java",
        "--set", "projections.ee.stdp.lr=0.02", "--summary", summary.toString()));
    JsonNode s = SummaryWriter.read(summary);
    assertEquals("rewire run --duration 0.2s --seed 5 --backend java --set "
        + "projections.ee.stdp.lr=0.02 --summary " + summary, s.get("command_line").asText());
    assertEquals("[\"projections.ee.stdp.lr=0.02\"]", s.get("overrides").toString());
    assertEquals(dev.rewire.testing.TestModels.seedEi(200, 5, "projections.ee.stdp.lr=0.02")
        .contentHash(), s.get("model_hash").asText());
    assertFalse(s.get("rewire_version").asText().isEmpty());
    assertEquals(400, s.at("/population_size/E").asInt());
    assertEquals(100, s.at("/population_size/I").asInt());
    assertEquals(s.at("/spike_count/E").asDouble() / (400 * 0.2), s.at("/rate_hz/E").asDouble(),
        1e-9);
    assertFalse(s.has("resumed_from_s"));
    assertFalse(s.has("run_id"));
  }

  @Test
  void duration_replacesTheModelsOwnBeforeValidation() {
    // The model's 5000 ms would be too many steps of 1e-6 ms; the 1 ms asked for is not.
    assertEquals(0, main("run", "--duration", "1ms", "--set", "simulation.dt_ms=0.000001",
        "--quiet"), err());
  }

  @Test
  void hugeTimeConstants_costNoMoreThanTheRun() {
    long t0 = System.nanoTime();
    assertEquals(0, main("run", "--duration", "10ms", "--set",
        "projections.ee.stdp.tau_minus_ms=1e9", "--quiet"), err());
    assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "it hung in the decay table before");
  }

  @Test
  void quiet_printsNothingOnStderr() {
    assertEquals(0, main("run", "--duration", "0.1s", "--quiet"));
    assertEquals("", err(), "not even which backend auto chose");
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("seed-ei seed=1 backend=java:"));
  }

  @Test
  void noArguments_printsTheUsageOnStderr_andExitsWith2() {
    assertEquals(2, main());
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertTrue(err().contains("rewire run [MODEL_FILE]"), err());
  }

  @Test
  void run_withAModelFileAndSet_usesThem() throws IOException {
    Path model = dir.resolve("m.toml");
    Files.writeString(model, Files.readString(Path.of("examples/seed-ei.toml"))
        .replace("name = \"seed-ei\"", "name = \"my-model\""));
    Path summary = dir.resolve("s.json");
    assertEquals(0, main("run", model.toString(), "--duration", "100ms", "--backend", "java",
        "--set", "simulation.seed=9", "--summary", summary.toString()));
    JsonNode s = SummaryWriter.read(summary);
    assertEquals("my-model", s.get("model").asText());
    assertEquals(9, s.get("seed").asInt());
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(List.of("run", "--duration", "40"), "--duration expects"),
        Arguments.of(List.of("run", "--duration", "-1s"), "--duration expects"),
        Arguments.of(List.of("run", "--seed", "x"), "--seed expects an integer"),
        Arguments.of(List.of("run", "--seed", "-3"), "--seed expects an integer"),
        Arguments.of(List.of("run", "--backend", "cuda"), "--backend must be one of [auto, java, opencl]"),
        Arguments.of(List.of("run", "--set", "projections.ee.stdp.lr=-1"),
            "projections.ee.stdp.lr must be >= 0"),
        Arguments.of(List.of("run", "--set", "nonsense"), "--set expects path=value"),
        Arguments.of(List.of("run", "no-such-model.toml"), "does not exist"),
        Arguments.of(List.of("run", "a.toml", "b.toml"), "at most one MODEL_FILE"),
        Arguments.of(List.of("run", "--frobnicate"), "Unrecognized option"),
        Arguments.of(List.of("run", "--backend", "java", "--device", "0"),
            "--device only applies to --backend opencl or auto"),
        Arguments.of(List.of("walk"), "unknown command 'walk'"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInput_exitsWithCode2AndOneClearLine(List<String> args, String expected) {
    assertEquals(2, main(args.toArray(new String[0])));
    String e = err();
    assertTrue(e.startsWith("rewire: ") && e.contains(expected), e);
    assertFalse(e.contains("\tat "), "no stack trace: " + e);
  }

  @Test
  void badSummaryPath_isRejectedBeforeRunning() throws IOException {
    assertEquals(2, main("run", "--duration", "10ms", "--backend", "java", "--summary",
        dir.resolve("missing/s.json").toString()));
    assertTrue(err().contains("does not exist"), err());
    assertEquals(2, main("run", "--duration", "10ms", "--backend", "java", "--summary", dir.toString()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "nothing written");
    }
  }

  @Test
  void run_withProfile_reportsEveryPhaseAndStoresItInTheSummary() throws IOException {
    Path summary = dir.resolve("s.json");
    assertEquals(0, main("run", "--duration", "50ms", "--backend", "java", "--profile",
        "--summary", summary.toString()));
    JsonNode profile = SummaryWriter.read(summary).get("profile");
    for (String phase : List.of("structural_plasticity", "neuron_update", "poisson_input",
        "synapse_pre", "synapse_post")) {
      assertEquals(500, profile.at("/" + phase + "/calls").asInt(), phase);
      assertTrue(err().contains(phase), err());
    }
    double shares = 0;
    for (JsonNode e : profile) {
      shares += e.get("share").asDouble();
    }
    assertEquals(1.0, shares, 1e-9);
  }

  @Test
  void run_auto_withoutDevice_runsJavaAndSaysWhy() throws IOException {
    Path summary = dir.resolve("s.json");
    assertEquals(0, main("run", "--duration", "10ms", "--summary", summary.toString()));
    assertTrue(err().contains("backend auto chose java: for one network it is as fast as OpenCL"),
        err());
    assertEquals("java", SummaryWriter.read(summary).get("backend").asText());
  }

  @Test
  void run_withoutProfile_leavesItOutOfTheSummary() throws IOException {
    Path summary = dir.resolve("s.json");
    assertEquals(0, main("run", "--duration", "10ms", "--backend", "java", "--summary",
        summary.toString()));
    assertFalse(SummaryWriter.read(summary).has("profile"));
    assertTrue(SummaryWriter.read(summary).get("complete").asBoolean());
    assertFalse(SummaryWriter.read(summary).has("error"));
  }

  @Test
  void run_thatBlowsUp_stopsWithThePlaceAndKeepsAnIncompleteSummary() throws IOException {
    Path summary = dir.resolve("s.json");
    // 0.01 pF makes dt/C = 10 ms/pF: forward Euler diverges within a few steps.
    Path h5 = dir.resolve("r.h5");
    Path report = dir.resolve("r.html");
    assertEquals(2, main("run", "--duration", "1s", "--backend", "java", "--set",
        "neurons.net.c_pf=0.01", "--summary", summary.toString(), "--out", h5.toString(),
        "--report", report.toString()));
    String e = err();
    assertTrue(e.contains("what ran is in " + summary.toAbsolutePath() + ", "
        + h5.toAbsolutePath() + ", " + report.toAbsolutePath() + ", marked incomplete"), e);
    try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
      assertEquals(0, ((Number) f.getAttribute("complete").getData()).intValue());
    }
    assertTrue(Files.readString(report).contains("<img"), "a report of what ran");
    assertTrue(e.matches("(?s)rewire: numerical guard: population [EI], neuron \\d+: v = "
        + "(-?Infinity|NaN|-?[0-9.E]+) mV at t = 0\\.\\d{4} s; expected .*"), e);
    JsonNode s = SummaryWriter.read(summary);
    assertFalse(s.get("complete").asBoolean());
    assertTrue(s.get("error").asText().startsWith("numerical guard: "));
    double ranS = s.get("duration_s").asDouble();
    assertTrue(ranS > 0 && ranS < 1, "what ran, up to the check that stopped it: " + ranS);
    assertTrue(e.contains(String.format(java.util.Locale.ROOT, "t = %.4f s", ranS)), e);
  }

  @Test
  void run_modelTooLargeForTheHeap_isRefusedWithEstimateAndLimit() {
    assertEquals(2, main("run", "--backend", "java", "--duration", "10ms", "--set",
        "neurons.net.size=40000", "--set",
        "neurons.net.populations={E=[0,32000],I=[32000,40000]}", "--set",
        "projections.ee.connectivity.storage=slots", "--set",
        "projections.ie.connectivity.storage=slots"));
    // After the note on the threads that auto chose for a network this large, if any.
    assertTrue(err().matches("(?s)(rewire: [0-9]+ threads for this network of 40000 neurons "
        + "[^\n]*\n)?rewire: the model needs about [0-9.]+ GiB of Java heap and "
        + "[0-9.]+ [GM]iB is free .*"), err());
  }

  @Test
  void run_potentialSetBeyondAnArray_isRefusedNamingTheProjection() {
    assertEquals(2, main("run", "--backend", "java", "--duration", "10ms", "--set",
        "neurons.net.size=100000", "--set",
        "neurons.net.populations={E=[0,80000],I=[80000,100000]}", "--set",
        "projections.ee.connectivity.storage=slots"));
    assertTrue(err().contains("projection ee has 6399920000 potential synapses; at most "
        + "2147483639 slots are supported (connectivity.storage = \"active\" keeps the active "
        + "synapses only)"), err());
  }

  @Test
  void help_explainsEveryOption() {
    assertEquals(0, main("run", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String opt : List.of("--duration", "--seed", "--backend", "--device", "--set", "--summary",
        "--profile", "--quiet")) {
      assertTrue(help.contains(opt), help);
    }
    out.reset();
    assertEquals(0, main("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("rewire run [MODEL_FILE]"));
  }

  @Test
  void durations_acceptUnitsOnly() {
    assertEquals(40_000.0, Durations.parseMs("d", "40s"));
    assertEquals(500.0, Durations.parseMs("d", "500ms"));
    assertEquals(90_000.0, Durations.parseMs("d", "1.5min"));
  }
}
