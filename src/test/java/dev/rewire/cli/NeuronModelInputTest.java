package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad neuron model is bad input: exit 2, one line naming the model file, the field (with the
 * line and column inside equations, threshold and reset, and a did-you-mean for names), what was
 * found and what was expected; no output file.
 */
class NeuronModelInputTest {
  @TempDir
  Path dir;

  /** A network of 10 neurons whose model table is {@code model} (lines), driven by an input. */
  private Path file(String model, String receptor) throws IOException {
    Path file = dir.resolve("model.toml");
    Files.writeString(file, """
        name = "bad"
        [simulation]
        dt_ms = 0.1
        duration_ms = 10.0
        seed = 1
        [neurons.cells]
        size = 10
        populations = { E = [0, 10] }
        %s
        [inputs.P]
        size = 10
        rate_hz = 10.0
        [projections.pe]
        source = "P"
        target = "E"
        receptor = "%s"
        connectivity = { rule = "fixed_probability", p = 0.5 }
        weight = 1.0
        """.formatted(model, receptor));
    return file;
  }

  private static final String LIF = "[neurons.cells.model]\\n"
      + "params = { el = -70.0, tau = 10.0, vt = -50.0, i_ext = 1.0 }\\n"
      + "variables = { v = -70.0, g = 0.0 }\\n"
      + "threshold = 'v > vt'\\nreset = 'v = el'\\n";

  private static final String LIF_ZZZ = "[neurons.cells.model]\\n"
      + "params = { el = -70.0, tau = 10.0, vt = -50.0, i_ext = 1.0, zzz = 2.0 }\\n"
      + "variables = { v = -70.0, g = 0.0 }\\n"
      + "threshold = 'v > vt'\\nreset = 'v = el'\\n";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // model table | receptor | expected after the file name
    LIF + "equations = '''\\ndv/dt = (el - v)/tau + g + i_extt\\ndg/dt = -g/tau'''|g"
        + "|neurons.cells.model.equations, line 1, column 28: unknown name 'i_extt' (did you "
        + "mean 'i_ext'?)",
    LIF + "equations = '''\\ndv/dt = (el - v)/tau + g\\ndg/dt = -g/tau\\ndu/dt = -u'''|g"
        + "|neurons.cells.model.equations, line 3, column 2: an equation for 'u', which is not "
        + "a declared variable",
    LIF + "equations = '''\\ndv/dt = (el - v)/tau + g\\ndtau/dt = -tau'''|g"
        + "|neurons.cells.model.equations, line 2, column 2: 'tau' is a param, a constant of the "
        + "model; equations are for variables",
    "[neurons.cells.model]\\nparams = { el = -70.0, tau = 10.0, vt = -50.0 }\\n"
        + "variables = { v = -70.0, g = 0.0 }\\nthreshold = 'v + vt'\\nreset = 'v = el'\\n"
        + "equations = '''\\ndv/dt = (el - v)/tau + g\\ndg/dt = -g/tau'''|g"
        + "|neurons.cells.model.threshold, line 1, column 1: the threshold must be a condition",
    "[neurons.cells.model]\\nparams = { el = -70.0, tau = 10.0, vt = -50.0 }\\n"
        + "variables = { v = -70.0, g = 0.0 }\\nthreshold = 'v > vt'\\nreset = 'el = v'\\n"
        + "equations = '''\\ndv/dt = (el - v)/tau + g\\ndg/dt = -g/tau'''|g"
        + "|neurons.cells.model.reset, line 1, column 1: 'el' is a param, a constant of the "
        + "model; the reset may assign variables: v, g",
    LIF + "equations = '''\\ndv/dt = (el - v*v)/tau + g : exact\\ndg/dt = -g/tau'''|g"
        + "|neurons.cells.model.equations, line 1, column 2: exact needs an equation linear in v",
    "model = 'lif_curr'\\nper_neuron = { vt = [-50.0, -51.0] }|i_e"
        + "|neurons.cells.per_neuron.vt has 2 values for a group of 10 neurons; expected 10",
    "model = 'lif_curr'|g_ampa"
        + "|projections.pe.receptor = 'g_ampa' is not a variable of the model of E; its "
        + "variables: v, i_e, i_i",
    LIF + "equations = '''\\ndv/dt = (el - v)/tau + g + i_ext\\ndg/dt = -g/tau'''\\n"
        + "[neurons.cells.variables]\\nv = 'el/0'|g"
        + "|neurons.cells.model.variables.v is -Infinity for neuron 0; expected a finite value",
    LIF + "equations = '''\\ndv/dt = (el - v)/tau + g + i_ext\\ndg/dt = -g/tau'''\\n"
        + "[neurons.cells.model.per_neuron]\\ntauu = '10 + rand()'|g"
        + "|neurons.cells.model.per_neuron.tauu is read by no equation, threshold, reset, "
        + "initial value or per-neuron expression (did you mean 'tau'?)",
    LIF_ZZZ
        + "equations = '''\\ndv/dt = (el - v)/tau + g + i_ext\\ndg/dt = -g/tau'''|g"
        + "|neurons.cells.model.params.zzz is read by no equation",
    LIF + "equations = '''\\ndv/dt = (el - v)/tau + g + i_ext\\ndg/dt = -g/tau'''\\n"
        + "[neurons.cells.model.per_neuron]\\nvt = [-50.0, -51.0]|g"
        + "|neurons.cells.model.per_neuron.vt has 2 values for a group of 10 neurons; "
        + "expected 10",
    "model = 'lif_cnd'|g_ampa"
        + "|neurons.cells.model = 'lif_cnd' is not a bundled neuron model (did you mean "
        + "'lif_cond'?)",
  })
  void badModel_exitsWith2_namingFileAndField(String model, String receptor, String expected)
      throws IOException {
    Path file = file(model.replace("\\n", "\n").replace('\'', '"'), receptor);
    Path summary = dir.resolve("s.json");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "10ms", "--summary", summary.toString(), "--backend", "java");
    assertEquals(2, o.code(), o.err());
    String err = o.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(file.toString() + ": " + expected), err);
    assertFalse(Files.exists(summary), "no output file");
  }

  /** An error inside a model file names that file, with the line and column inside it. */
  @Test
  void badModelFile_isNamedItself() throws IOException {
    Files.writeString(dir.resolve("neuron.toml"), """
        params = { el = -70.0, tau = 10.0, vt = -50.0 }
        variables = { v = -70.0 }
        equations = "dv/dt = (el - v)/tauu"
        threshold = "v > vt"
        reset = "v = el"
        """);
    Path net = file("model = { file = \"neuron.toml\" }", "v");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", net.toString(), "--backend",
        "java");
    assertEquals(2, o.code(), o.err());
    assertEquals("rewire: " + dir.resolve("neuron.toml") + ": equations, line 1, column 18: "
        + "unknown name 'tauu' (did you mean 'tau'?)", o.err().strip());
  }

  /**
   * A misspelt key of a model file, required or not, is named as such, before any check of what
   * the model means (which would blame a param that the misspelt statement was to read).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "threshold|treshold|unknown key 'treshold' (did you mean 'threshold'?)",
    "reset|rest|unknown key 'rest' (did you mean 'reset'?)",
    "equations|equation|unknown key 'equation' (did you mean 'equations'?)",
  })
  void misspeltKeyOfAModelFile_isNamed(String key, String typo, String expected)
      throws IOException {
    Files.writeString(dir.resolve("neuron.toml"), """
        params = { el = -70.0, tau = 10.0, vt = -50.0, vr = -60.0 }
        variables = { v = -70.0 }
        equations = "dv/dt = (el - v)/tau"
        threshold = "v > vt"
        reset = "v = vr"
        """.replace(key + " =", typo + " ="));
    Path net = file("model = { file = \"neuron.toml\" }", "v");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", net.toString(), "--backend",
        "java");
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains(dir.resolve("neuron.toml") + ": " + expected), o.err());
  }

  /** --set of a param that the group gives per neuron would change nothing: refused, pointing on. */
  @Test
  void setOfAParamGivenPerNeuron_namesThePerNeuronValues() {
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", "examples/adex-patterns.toml",
        "--duration", "10ms", "--set", "neurons.cells.params.c=100");
    assertEquals(2, o.code(), o.err());
    assertEquals("rewire: --set neurons.cells.params.c: c is given per neuron "
        + "(neurons.cells.per_neuron.c), which replaces this value; set that instead",
        o.err().strip());
  }

  /** A set-up value that is not finite is found before anything runs: one line, in auto too. */
  @Test
  void nonFiniteSetUp_isOneLineBeforeAnythingRuns() throws IOException {
    Path net = file("""
        [neurons.cells.model]
        params = { el = -70.0, tau = 10.0, vt = -50.0 }
        variables = { v = "log(0)", g = 0.0 }
        equations = \"""
        dv/dt = (el - v)/tau + g
        dg/dt = -g/tau
        \"""
        threshold = "v > vt"
        reset = "v = el"
        """, "g");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", net.toString());
    assertEquals(2, o.code(), o.err());
    assertEquals("rewire: " + net + ": neurons.cells.model.variables.v is -Infinity for neuron 0; "
        + "expected a finite value", o.err().strip());
  }

  @Test
  void delayTooLongToHold_namesTheField() throws IOException {
    Path net = file("model = \"lif_curr\"", "i_e");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", net.toString(), "--set",
        "projections.pe.delay_ms=1e12", "--backend", "java");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("projections.pe.delay_ms = 1000000000000 ms is 10000000000000 "
        + "steps of 0.1 ms; expected at most 2147483647 steps"), o.err());
  }
}
