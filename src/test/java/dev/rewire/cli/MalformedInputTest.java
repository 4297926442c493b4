package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rewire.model.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed inputs, most generated from the seed model: every numeric field given a
 * string, a boolean, an array and a table; every required field removed; an unknown key in every
 * table; range and reference violations; syntax errors; bad command-line arguments. Each must exit
 * with code 2 and one line naming the problem, print no stack trace and leave no file behind.
 */
class MalformedInputTest {
  private static final String SEED = ModelFile.bundledText("seed-ei");

  @TempDir
  Path dir;

  /** A case: a description, the model text (null: the bundled model) and the arguments. */
  record Case(String what, String model, List<String> args, String expected) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Arguments> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    JsonNode tree = new TomlMapper().readTree(SEED);
    List<String> numeric = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    leaves(tree, "", numeric, tables);
    for (String path : numeric) {
      for (String bad : List.of("\"abc\"", "true", "[1, 2]", "{ x = 1 }")) {
        cases.add(new Case(path + " = " + bad, null, List.of("--set", path + "=" + bad), path));
      }
    }
    for (String table : tables) {
      String path = table.isEmpty() ? "bogus_key" : table + ".bogus_key";
      cases.add(new Case("unknown " + path, null, List.of("--set", path + "=1"), "bogus_key"));
    }
    for (String path : required()) {
      String key = path.substring(path.lastIndexOf('.') + 1);
      cases.add(new Case("missing " + path, withoutLine(path), List.of(), key + " is required"));
    }
    String[][] ranges = {
      {"simulation.dt_ms=-0.1", "dt_ms must be > 0"},
      {"simulation.dt_ms=0", "dt_ms must be > 0"},
      {"simulation.duration_ms=-5", "duration_ms must be >= 0"},
      {"simulation.seed=-1", "seed must be in"},
      {"simulation.seed=99999999999", "seed must be in"},
      {"neurons.net.size=0", "size must be > 0"},
      {"neurons.net.size=300", "must lie inside the group"},
      {"neurons.net.gl_ns=-10", "gl_ns must be > 0"},
      {"neurons.net.c_pf=0", "c_pf must be > 0"},
      {"neurons.net.tau_ampa_ms=-5", "tau_ampa_ms must be > 0"},
      {"neurons.net.tau_gaba_ms=0.05", "decays g_gaba by the factor (1 - (dt / tau_gaba)) = -1 "
          + "per step; it must be > 0: make dt smaller than the time constant"},
      {"neurons.net.refractory_ms=-1", "refractory_ms must be >= 0"},
      {"neurons.net.refractory_ms=0.25", "whole number of steps"},
      {"neurons.net.vt_mv=-70", "vt_mv must be above el_mv"},
      {"neurons.net.populations={E=[0,400],I=[300,500]}", "overlaps another population"},
      {"neurons.net.populations={E=[0,300],I=[400,500]}",
          "neurons [300, 400) belong to no population"},
      {"neurons.net.size=5000000", "neurons [500, 5000000) belong to no population"},
      {"neurons.net.populations={E=[0,400],I=[500,400]}", "population range"},
      {"neurons.net.populations={E=[0,400,3],I=[400,500]}", "two integers"},
      {"inputs.P.size=0", "size must be > 0"},
      {"inputs.P.rate_hz=-30", "rate_hz must be >= 0"},
      {"inputs.P.rate_hz=20000", "more than one spike per step"},
      {"projections.pe.connectivity.p=1.5", "probability in [0, 1]"},
      {"projections.pe.connectivity.p=-0.1", "probability in [0, 1]"},
      {"projections.pe.connectivity.rule=\"random\"", "\"fixed_probability\", \"all_pairs\""},
      {"projections.pe.receptor=\"nmda\"", "projections.pe.receptor = 'nmda' is not a variable "
          + "of the model of E; its variables: v, g_ampa, g_gaba"},
      {"projections.pe.weight=-0.4", "projections.pe.weight = -0.4 can make g_ampa negative, "
          + "which the model of E bounds to [0, 1000000]"},
      {"projections.ee.weight=-0.4", "weight must be >= 0 nS for all_pairs connectivity"},
      {"projections.ei.weight={low=0.8,high=0.4}", "high must be >= low"},
      {"projections.pe.source=\"Q\"", "names no population or input"},
      {"projections.pe.target=\"P2\"", "must name a neuron population"},
      {"projections.pe.target=\"X\"", "must name a neuron population"},
      {"projections.ee.source=\"P\"", "must be a neuron population for all_pairs"},
      {"projections.ee.stdp.lr=-0.01", "lr must be >= 0"},
      {"projections.ee.stdp.gmax=0", "gmax must be > 0"},
      {"projections.ee.stdp.gmax=0.1", "weight.high must be <= stdp.gmax"},
      {"projections.ee.stdp.tau_plus_ms=0", "tau_plus_ms must be > 0"},
      {"projections.ee.stdp.tau_minus_ms=-20", "tau_minus_ms must be > 0"},
      {"projections.ee.structural.period_ms=0", "period_ms must be > 0"},
      {"projections.ee.structural.period_ms=50.05", "whole number of steps"},
      {"projections.ee.structural.threshold=-1", "threshold must be >= 0"},
      {"projections.ee.structural.mode=\"sideways\"", "\"global\", \"per-source\""},
      {"projections.ee.structural.regrowth_weight=25", "regrowth_weight must be in"},
      {"projections.ee.structural.regrowth_weight=-1", "regrowth_weight must be >= 0 nS, got "
          + "low = -1"},
      {"projections.pe.structural={period_ms=50,threshold=0.1,mode=\"global\",regrowth_weight=0.1}",
          "structural needs connectivity.rule"},
      {"name=\"with space\"", "must be a name"},
      {"recording.spikes=[\"E\",\"X\"]", "recording.spikes: 'X' is not a neuron population"},
      {"recording.weights={projections=[\"pe\"],every_ms=1000}", "all_pairs"},
      {"recording.weights={every_ms=0.05}", "whole number of steps"},
      {"recording.state={neurons=[500],every_ms=1}", "not a neuron index in [0, 500)"},
      {"recording.state={neurons=\"X\",every_ms=1}",
          "recording.state.neurons.population: 'X' is not a neuron population"},
      {"recording.state={neurons={form=0,to=3},every_ms=1}",
          "recording.state.neurons: unknown key 'form' (did you mean 'from'?)"},
      {"recording.state={neurons={from=0},every_ms=1}", "a global range needs both from and to"},
      {"recording.state={neurons={population=\"I\",to=200},every_ms=1}",
          "to = 200 lies beyond the 100 neurons of population I"},
      {"recording.state={neurons=true,every_ms=1}", "expected a population name, a table"},
      {"recording.state={neurons=[],every_ms=1}",
          "recording.state.neurons: an empty list selects no neuron"},
      {"recording.state={neurons=[1],variables=[\"w\"],every_ms=1}", "recording.state.variables: "
          + "'w' is not a variable of the model of group net"},
      {"recording.rate_bin_ms=-10", "rate_bin_ms must be > 0"},
      {"projections.xx.stdp.lr=0.1", "--set projections.xx.stdp.lr: unknown projection 'xx'"},
      {"projections.xx.stdp.lr=0.1", "(known: pe, pi, ei, ii, ee, ie)"},
      {"neurons.nett.size=3", "unknown neuron group 'nett' (did you mean 'net'?) (known: net)"},
      {"inputs.PP.rate_hz=3", "unknown input 'PP' (did you mean 'P'?) (known: P, P2)"},
      {"inputs.P.rate_hz=inf", "inputs.P.rate_hz: must be finite, got inf"},
      {"projections.ee.stdp.gmax=-inf", "projections.ee.stdp.gmax: must be finite, got -inf"},
      {"neurons.net.gl_ns=nan", "neurons.net.gl_ns: must be finite, got nan"},
      {"projections.ee.connectivity.storage=\"dense\"",
          "projections.ee.connectivity.storage: expected one of \"slots\", \"active\", got \"dense\""},
      {"projections.ei.connectivity.storage=\"active\"", "projections.ei.connectivity.storage "
          + "= \"active\" needs rule = \"all_pairs\""},
      {"projections.ee.connectivity.storage=1", "projections.ee.connectivity.storage: expected one "
          + "of \"slots\", \"active\", got 1"},
      {"projections.ee.structural.mode=0", "projections.ee.structural.mode: expected one of "
          + "\"global\", \"per-source\", got 0"},
      {"projections.ee.connectivity.storage=1.5", "projections.ee.connectivity.storage: expected "
          + "one of \"slots\", \"active\", got 1.5"},
      {"projections.ee.connectivity.storage=true", "projections.ee.connectivity.storage: "
          + "expected one of \"slots\", \"active\", got true"},
    };
    for (String[] r : ranges) {
      cases.add(new Case(r[0], null, List.of("--set", r[0]), r[1]));
    }
    String[][] files = {
      {"gl_ns = = 10.0", "TOML syntax error"},
      {"[neurons.net", "TOML syntax error"},
      {"size = 500\nsize = 400", "TOML syntax error"},
      {"dt_ms = 0.1\"", "TOML syntax error"},
    };
    for (String[] f : files) {
      String text = SEED.replace("size = 500\n", f[0] + "\n").replace("dt_ms = 0.1\n", f[0] + "\n");
      cases.add(new Case("syntax: " + f[0].replace('\n', ' '), text, List.of(), f[1]));
    }
    cases.add(new Case("names clash", SEED.replace("[inputs.P2]", "[inputs.E]")
        .replace("\"P2\"", "\"E\""), List.of(), "already used"));
    cases.add(new Case("empty file", "", List.of(), "is empty; expected a TOML model"));
    cases.add(new Case("misspelt required key (duration)", SEED.replace("duration_ms = 5000.0",
        "duration_s = 5"), List.of(), "unknown key 'simulation.duration_s' (did you mean "
        + "'duration_ms'?)"));
    cases.add(new Case("number given as a string", SEED.replace("gl_ns = 10.0", "gl_ns = \"10\""),
        List.of(), "neurons.net.gl_ns: expected a number, got a string"));
    String[][] args = {
      {"--duration", "40"}, {"--duration", "40 s s"}, {"--duration", "-2s"}, {"--duration", "s"},
      {"--duration", "1h"}, {"--duration", "4e999s"}, {"--duration", ""}, {"--seed", "x"},
      {"--seed", "1.5"}, {"--seed", "-1"}, {"--seed", "4294967296"}, {"--backend", "cuda"},
      {"--backend", ""}, {"--set", "nonsense"}, {"--set", "=3"}, {"--set", "a..b=3"},
      {"--set", "simulation.dt_ms="}, {"--set", "simulation.dt_ms.x=1"}, {"--frobnicate"},
      {"--seed", "1", "--seed", "2"}, {"--device", "0"},
      {"--duration"}, {"a.toml", "b.toml"}, {"no-such-model.toml"},
    };
    for (String[] a : args) {
      cases.add(new Case("args " + String.join(" ", a), null, List.of(a), ""));
    }
    cases.add(new Case("summary into a missing folder", null,
        List.of("--summary", "missing/s.json"), "does not exist"));
    cases.add(new Case("summary is a folder", null, List.of("--summary", "."), "is a directory"));
    cases.add(new Case("out into a missing folder", null, List.of("--out", "missing/r.h5"),
        "does not exist"));
    cases.add(new Case("out into a folder that takes no files", null,
        List.of("--out", "/proc/r.h5"), "--out /proc/r.h5: folder /proc does not take new files"));
    cases.add(new Case("out and summary the same file", null,
        List.of("--summary", "here/x", "--out", "here/x"), "--summary and --out name the same"));
    cases.add(new Case("duration not whole steps", null, List.of("--duration", "0.25ms"),
        "--duration 0.25ms is not a whole number of steps of dt_ms = 0.1 (2.5 steps)"));
    cases.add(new Case("an abbreviated option", null, List.of("--dur", "10ms"),
        "Unrecognized option: --dur"));
    cases.add(new Case("checkpoint-every of no steps", null, List.of("--checkpoint", "here/c",
        "--checkpoint-every", "0s"), "--checkpoint-every must be at least one step"));
    cases.add(new Case("duration beyond the most steps", null, List.of("--duration", "1e9s"),
        "--duration 1e9s is too long for dt_ms = 0.1: at most 107374.1 s"));
    cases.add(new Case("duration_ms beyond the most steps", null,
        List.of("--set", "simulation.duration_ms=1e12"), "simulation.duration_ms is too long for "
            + "dt_ms = 0.1: at most 107374182 ms (1073741823 steps), got 1000000000000"));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void malformed_exitsWith2_oneClearLine_noFileLeft(Case c) throws IOException {
    List<String> argv = new ArrayList<>(List.of("run"));
    if (c.model() != null) {
      Path model = dir.resolve("model.toml");
      Files.writeString(model, c.model());
      argv.add(model.toString());
    }
    if (!c.args().contains("--backend")) {
      argv.addAll(List.of("--backend", "java"));
    }
    if (!c.args().contains("--duration") && !c.what().contains("duration")) {
      argv.addAll(List.of("--duration", "1ms")); // (it replaces the model's own duration_ms)
    }
    for (String a : c.args()) {
      argv.add(a.equals(".") ? dir.toString() : a.startsWith("missing/") ? dir.resolve(a).toString()
          : a.startsWith("here/") ? dir.resolve(a.substring(5)).toString() : a);
    }
    if (!c.args().contains("--summary")) {
      argv.addAll(List.of("--summary", dir.resolve("s.json").toString()));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv.toArray(new String[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, "exit code for " + c + "; stderr: " + e);
    assertTrue(e.startsWith("rewire: ") && e.strip().lines().count() == 1, "one line: " + e);
    assertTrue(e.contains(c.expected()), "message for " + c + " names " + c.expected() + ": " + e);
    assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(p -> !p.getFileName().toString().equals("model.toml"))
          .toList(), "no output file");
    }
  }

  @org.junit.jupiter.api.Test
  void corpus_hasAtLeast100Cases() throws IOException {
    long n = corpus().count();
    System.out.println("malformed-input corpus: " + n + " cases");
    assertTrue(n >= 100, "cases: " + n);
  }

  /** Dotted paths of the numeric leaves, and of every table, of the seed model. */
  private static void leaves(JsonNode node, String path, List<String> numeric,
      List<String> tables) {
    if (node.isObject()) {
      if (!path.contains("populations")) {
        tables.add(path);
      }
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), numeric,
            tables);
      }
    } else if (node.isNumber() && !path.contains("populations")) {
      numeric.add(path);
    }
  }

  /** Required keys written as "key = value" lines in the seed file, by dotted path. */
  private static List<String> required() {
    return List.of("simulation.dt_ms", "simulation.duration_ms", "simulation.seed",
        "neurons.net.size", "neurons.net.populations", "neurons.net.gl_ns", "neurons.net.el_mv",
        "neurons.net.e_ampa_mv", "neurons.net.e_gaba_mv", "neurons.net.vt_mv", "neurons.net.c_pf",
        "neurons.net.tau_ampa_ms", "neurons.net.tau_gaba_ms", "neurons.net.refractory_ms",
        "inputs.P.size", "inputs.P.rate_hz", "projections.pe.source", "projections.pe.target",
        "projections.pe.receptor", "projections.pe.connectivity", "projections.pe.weight",
        "projections.ee.stdp.lr", "projections.ee.stdp.gmax", "projections.ee.stdp.alpha_pre",
        "projections.ee.stdp.tau_plus_ms", "projections.ee.structural.period_ms",
        "projections.ee.structural.threshold", "projections.ee.structural.mode",
        "projections.ee.structural.regrowth_weight", "name");
  }

  /** The seed file without the line that sets {@code path} (in its own table). */
  private static String withoutLine(String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    String table = path.contains(".") ? "[" + path.substring(0, path.lastIndexOf('.')) + "]" : "";
    int from = table.isEmpty() ? 0 : SEED.indexOf(table);
    int at = SEED.indexOf("\n" + key + " = ", from);
    int end = SEED.indexOf('\n', at + 1);
    return SEED.substring(0, at) + SEED.substring(end);
  }
}
