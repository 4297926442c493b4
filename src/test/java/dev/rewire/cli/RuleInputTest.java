package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad plasticity rule is bad input: exit 2, one line naming the model file, the field, the line
 * and column inside the rule, what was found and what was expected (with a did-you-mean for
 * names), no output file.
 */
class RuleInputTest {
  @TempDir
  Path dir;

  /** examples/rules/song-pair.toml with E→E's on_pre replaced by {@code onPre}. */
  private Path model(String onPre) throws IOException {
    String text = Files.readString(Path.of("examples/rules/song-pair.toml"));
    int at = text.indexOf("on_pre = \"\"\"");
    int end = text.indexOf("\"\"\"", at + 12) + 3;
    Path file = dir.resolve("model.toml");
    Files.writeString(file, text.substring(0, at) + "on_pre = \"\"\"\n" + onPre + "\n\"\"\""
        + text.substring(end));
    return file;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // on_pre | expected in the message
    "apre += 1\\nw = clip(w - a_minus * apots, 0, gmax)"
        + "| on_pre, line 2, column 24: unknown name 'apots' (did you mean 'apost'?)",
    "apre += 1\\nw = clip(w - a_minus * apost, 0, gmaxx"
        + "| on_pre, line 2, column 39: expected ')' to close the arguments of clip",
    "apre += 1\\na_minus = 0"
        + "| on_pre, line 2, column 1: 'a_minus' is a param, a constant of the rule",
    "apost += 1"
        + "| on_pre, line 1, column 1: 'apost' is a post trace; on_pre may assign w and the pre",
    "apre = apre + w"
        + "| on_pre, line 1, column 15: a trace statement may read only pre traces and params",
    "w = clip(w, 0, gmax) +"
        + "| on_pre, line 1, column 23: expected an expression, found the end of the line",
    "w = clip(w - a_minus * apost, 0)"
        + "| on_pre, line 1, column 5: clip takes 3 arguments, found 2",
    "w = clp(w - a_minus * apost, 0, gmax)"
        + "| on_pre, line 1, column 5: unknown function 'clp'; the functions are clip",
    "w = w < 1"
        + "| on_pre, line 1, column 5: the value of w must be a number, found a condition",
  })
  void badRule_exitsWith2_namingFileFieldLineAndColumn(String onPre, String expected)
      throws IOException {
    Path file = model(onPre.replace("\\n", "\n"));
    Path summary = dir.resolve("s.json");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "10ms", "--summary", summary.toString());
    assertEquals(2, o.code(), o.err());
    String err = o.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(file.toString() + ": projections.ee.plasticity." + expected), err);
    assertFalse(Files.exists(summary), "no output file");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // --set | expected
    "projections.ee.plasticity.params.a_plsu=0.1"
        + "| plasticity.params.a_plsu is used by no statement of on_pre or on_post nor by "
        + "structural.prune (did you mean 'a_plus'?)",
    "projections.ee.plasticity.pre_traces.w=5"
        + "| pre_traces: 'w' is reserved",
    "projections.ee.plasticity.post_traces.apre=5"
        + "| 'apre' is named twice among params, pre_traces and post_traces",
    "projections.ee.plasticity.pre_traces.apre=-5"
        + "| pre_traces.apre must be > 0",
    "projections.ee.structural.prune=\"w < 0.01 and\""
        + "| structural.prune, line 1, column 13: expected an expression",
    "projections.ee.plasticity.params.a_plus=1e300"
        + "| params.a_plus = 1.0E300 is beyond the float range",
    "projections.ee.structural.prune=\"1 < 2\""
        + "| this one does not read w, so it would prune all or nothing",
    "projections.ee.plasticity.on_post=\"w = w + a_plus * apre * (w + w + w + w + w + w + w + w + w + w + w + w + w + w + w + "
        + "w + w + w + w + w + w + w + w + w + w + w + w + w + w + w + "
        + "w + w + w + w + w + w + w + w + w + w + w + w + w + w + w + "
        + "w + w + w + w + w + w + w + w + w + w + w + w + w + w + w + "
        + "w + w + w + w + w + w + w + w + w + w + "
        + "1)\"| the expression nests deeper than 64 operations",
  })
  void badTables_exitWith2(String set, String expected) throws IOException {
    Path file = model("apre += 1\nw = clip(w - a_minus * apost, 0, gmax)");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "10ms", "--set", set);
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(expected), o.err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "w < thresh | structural.prune, line 1, column 5: unknown name 'thresh'",
    "w * 2 | structural.prune, line 1, column 1: prune must be a condition on w",
    "w < | structural.prune, line 1, column 4: expected an expression, found the end of the rule",
  })
  void badPrune_exitsWith2(String prune, String expected) throws IOException {
    Path file = model("apre += 1\nw = clip(w - a_minus * apost, 0, gmax)");
    // song-pair extends seed-ei: a prune condition of its own replaces seed-ei's threshold
    Files.writeString(file, Files.readString(file) + "\n[projections.ee.structural]\nprune = \""
        + prune + "\"\n");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "10ms");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("projections.ee." + expected), o.err());
  }

  @org.junit.jupiter.api.Test
  void ruleThatMakesNegativeWeights_isStoppedByTheNumericalGuard() throws IOException {
    Path file = model("apre += 1\nw = w - a_minus * 100");
    Path summary = dir.resolve("s.json");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "1s", "--summary", summary.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("numerical guard: projection ee: the plasticity rule made a "
        + "weight that is not a finite number >= 0 by t = "), o.err());
    assertTrue(o.err().contains("ee: weights are conductances, keep them >= 0 (w = clip(..., 0, "
        + "gmax) in the rule)"), o.err());
    assertEquals(false, dev.rewire.output.SummaryWriter.read(summary).get("complete")
        .asBoolean(), "the summary says the run stopped early");
  }

  @org.junit.jupiter.api.Test
  void ruleThatClipsButTakesTheLogOfANegativeNumber_isNotToldToClip() throws IOException {
    Path file = model("apre += 1\nw = clip(w + a_minus * log(apost - 1), 0, gmax)");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "1s");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("ee: the rule clips w, so an operand was not a number (the rule "
        + "uses log: look for log, sqrt or pow of a negative number"), o.err());
    assertFalse(o.err().contains("w = clip(..."), o.err());
  }

  @org.junit.jupiter.api.Test
  void pruneSetOnTheCommandLine_replacesTheModelsThreshold() throws IOException {
    Path file = model("apre += 1\nw = clip(w - a_minus * apost, 0, gmax)");
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", file.toString(), "--duration",
        "20ms", "--set", "projections.ee.structural.prune=\"w < 0.01 or w > gmax\"");
    assertEquals(0, o.code(), o.err());
  }

  @org.junit.jupiter.api.Test
  void ruleValuesAddressedInTheTableTheProjectionDoesNotHave_areNamedWhereTheyAre() {
    CheckpointResumeTest.Out o = CheckpointResumeTest.main("run", "--duration", "20ms", "--set",
        "projections.ee.plasticity.params.lr=0.02");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("projections.ee has its rule in [projections.ee.stdp] (the seed "
        + "rule's shorthand; its values are projections.ee.stdp.lr and so on)"), o.err());
    o = CheckpointResumeTest.main("run", "examples/rules/song-pair.toml", "--duration", "20ms",
        "--set", "projections.ee.stdp.lr=0.02");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("has its rule in [projections.ee.plasticity] (its params are "
        + "projections.ee.plasticity.params.NAME)"), o.err());
  }
}
