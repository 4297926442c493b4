package dev.rewire.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.model.ModelFile;
import dev.rewire.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seeds, grid values, sweep files and the expansion of a sweep into runs. */
class SweepInputTest {
  private static final String SEED_EI = ModelFile.bundledText("seed-ei");

  @TempDir
  Path dir;

  @Test
  void seeds_rangesAndListsInTheOrderWritten_eachOnce() {
    assertEquals(List.of(1L, 2L, 3L, 4L), Seeds.parse("s", "1-4"));
    assertEquals(List.of(1L, 5L, 9L), Seeds.parse("s", "1,5,9"));
    assertEquals(List.of(7L, 1L, 2L, 3L), Seeds.parse("s", "7, 1-3, 2"));
    assertEquals(List.of(4294967295L), Seeds.parse("s", "4294967295"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"5-1|runs backwards", "x|expects seeds such as",
      "4294967296|is not in [0, 4294967295]", "1,,2|expects seeds such as",
      "0-99999999|more than 1000000 seeds"})
  void seeds_badLists_nameTheProblem(String text, String expected) {
    SweepException e = assertThrows(SweepException.class, () -> Seeds.parse("--seeds", text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void gridValues_splitAtTopLevelCommas_andKeepTomlValues() {
    List<GridValue> v = GridValue.parseList("g", "0.01, per-source, \"a,b\", {low=0.1,high=0.2}, "
        + "[1,2]");
    assertEquals(List.of("0.01", "\"per-source\"", "\"a,b\"", "{low=0.1,high=0.2}", "[1,2]"),
        v.stream().map(GridValue::toml).toList());
    assertEquals(List.of("0.01", "per-source", "a,b", "{low=0.1,high=0.2}", "[1,2]"),
        v.stream().map(GridValue::shown).toList());
    // a rule's calls keep their commas
    assertEquals(List.of("w < min(a, b)", "w > 1"), GridValue.parseList("g",
        "w < min(a, b),w > 1").stream().map(GridValue::shown).toList());
  }

  @Test
  void sweep_isTheProductOfTheGridTimesTheSeeds_firstPathSlowest() {
    SweepDefinition d = definition(Map.of()).with(List.of("projections.ie.stdp.lr=0.02"),
        List.of(3L, 4L), 500.0, new java.util.LinkedHashMap<>(Map.of(
            "projections.ee.stdp.lr", GridValue.parseList("g", "0.01,0.02"))), false, false)
        .with(List.of(), null, null, Map.of("projections.ee.structural.mode",
            GridValue.parseList("g", "global,per-source")), false, false);
    Sweep s = Sweep.of(d);
    assertEquals(8, s.runs().size());
    SweepRun first = s.runs().get(0);
    assertEquals(3L, first.seed());
    assertEquals(Map.of("projections.ee.stdp.lr", "0.01", "projections.ee.structural.mode",
        "global"), first.parameters());
    assertEquals(List.of("projections.ie.stdp.lr=0.02", "projections.ee.stdp.lr=0.01",
        "projections.ee.structural.mode=\"global\""), first.spec().overrides());
    assertEquals(500.0, first.spec().durationMs());
    assertEquals("per-source", s.runs().get(3).parameters().get("projections.ee.structural.mode"));
    assertEquals("0.02", s.runs().get(4).parameters().get("projections.ee.stdp.lr"));
    assertEquals(8, s.runs().stream().map(SweepRun::id).distinct().count(), "distinct ids");
    assertEquals(List.of("E", "I"), s.populations());
    assertEquals(List.of("ee", "ie"), s.rewired());
  }

  @Test
  void runIds_dependOnWhatRuns_notOnWhereTheModelCameFromNorHowItIsWritten() {
    List<String> lr = List.of("projections.ee.stdp.lr=0.02");
    RunSpec a = new RunSpec(SEED_EI, "bundled:seed-ei", lr, 1, 5000);
    assertEquals(a.id(), new RunSpec(SEED_EI, "elsewhere.toml", lr, 1, 5000).id());
    assertNotEquals(a.id(), new RunSpec(SEED_EI, "o", lr, 2, 5000).id());
    assertNotEquals(a.id(), new RunSpec(SEED_EI, "o", List.of("projections.ee.stdp.lr=0.03"), 1,
        5000).id());
    assertNotEquals(a.id(), new RunSpec(SEED_EI, "o", lr, 1, 5001).id());
    // Comments, layout and a default spelt out are the same model: the same run.
    assertEquals(a.id(), new RunSpec(SEED_EI + "\n# a note\n\n", "o", lr, 1, 5000).id());
    assertEquals(a.id(), new RunSpec(SEED_EI.replaceFirst("lr = 0\\.01", "lr = 0.02"), "o", List.of(), 1,
        5000).id(), "the override written into the file");
    assertEquals(a.id(), new RunSpec(SEED_EI, "o", List.of("projections.ee.stdp.lr=0.02",
        "projections.pe.connectivity.exclude_same_index=false"), 1, 5000).id(),
        "a default spelt out");
    assertTrue(a.id().matches("[0-9a-f]{16}"), a.id());
  }

  @Test
  void aCombinationThatIsNoValidModel_isNamedWithItsField() {
    SweepDefinition d = definition(Map.of("projections.ee.stdp.lr",
        GridValue.parseList("g", "0.01,-1")));
    SweepException e = assertThrows(SweepException.class, () -> Sweep.of(d));
    assertTrue(e.getMessage().contains("the run with projections.ee.stdp.lr = -1 is not a valid "
        + "model: bundled:seed-ei: projections.ee.stdp.lr must be >= 0, got -1.0"), e.getMessage());
  }

  @Test
  void sweepFile_givesModelDurationSeedsSetsGridAndRecording() throws IOException {
    Path f = dir.resolve("s.toml");
    Files.writeString(f, String.join("\n",
        "model = \"seed-ei\"", "duration = \"2s\"", "seeds = [3, 1]",
        "set = [\"projections.ie.stdp.lr=0.02\"]",
        "[grid]", "\"projections.ee.stdp.lr\" = [0.01, 0.02]",
        "[grid.projections.ee.structural]", "mode = [\"global\", \"per-source\"]",
        "[record]", "hdf5 = true", ""));
    SweepDefinition d = SweepFile.read(f);
    assertEquals(2000.0, d.durationMs());
    assertEquals(List.of(3L, 1L), d.seeds());
    assertEquals(List.of("projections.ie.stdp.lr=0.02"), d.sets());
    assertEquals(List.of("projections.ee.stdp.lr", "projections.ee.structural.mode"),
        d.parameters());
    assertTrue(d.recordHdf5() && !d.recordReport());
    assertEquals(8, Sweep.of(d).runs().size());
    assertTrue(SweepFile.isSweepFile(Files.readString(f)));
    assertTrue(!SweepFile.isSweepFile(SEED_EI));
  }

  @Test
  void sweepFile_explicitRunsWithAModelFileBesideIt() throws IOException {
    Files.writeString(dir.resolve("m.toml"), SEED_EI.replace("name = \"seed-ei\"",
        "name = \"mine\""));
    Path f = dir.resolve("s.toml");
    Files.writeString(f, String.join("\n", "model = \"m.toml\"", "seeds = \"1-2\"",
        "[[runs]]", "\"projections.ee.stdp.lr\" = 0.01", "[[runs]]",
        "\"projections.ee.structural.mode\" = \"per-source\"", ""));
    Sweep s = Sweep.of(SweepFile.read(f));
    assertEquals(4, s.runs().size());
    assertEquals(List.of("projections.ee.stdp.lr", "projections.ee.structural.mode"),
        s.parameters());
    assertEquals(Map.of("projections.ee.structural.mode", "per-source"),
        s.runs().get(2).parameters());
    assertTrue(s.runs().get(0).spec().model().name().equals("mine"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "model = \"seed-ei\"\\nbogus = 1|unknown key 'bogus'",
      "model = 3|model must name a bundled model",
      "model = \"seed-ei\"\\nseeds = \"3-1\"|runs backwards",
      "model = \"seed-ei\"\\nduration = 5|duration expects a time with a unit",
      "model = \"seed-ei\"\\n[grid]\\n\"projections.ee.stdp.lr\" = 0.1|expects a list of values",
      "model = \"seed-ei\"\\n[grid]\\n\"a.b\" = [1]\\n[[runs]]\\n\"a.b\" = 1|either a grid or a list",
      "model = \"seed-ei\"\\n[record]\\nhdf6 = true|record.hdf6",
      "model = \"nope.toml\"|does not exist",
  })
  void badSweepFiles_nameTheProblem(String text, String expected) throws IOException {
    Path f = dir.resolve("s.toml");
    Files.writeString(f, text.replace("\\n", "\n"));
    RuntimeException e = assertThrows(RuntimeException.class, () -> Sweep.of(SweepFile.read(f)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void shards_takeEveryNthRun_andCoverTheSweepOnce() {
    Sweep s = Sweep.of(definition(Map.of()).with(List.of(), Seeds.parse("s", "1-10"), 100.0,
        Map.of(), false, false));
    List<String> all = new java.util.ArrayList<>();
    for (int k = 0; k < 3; k++) {
      List<SweepRun> share = new Shard(k, 3).select(s.runs());
      assertTrue(share.size() == 3 || share.size() == 4, "balanced: " + share.size());
      share.forEach(r -> all.add(r.id()));
    }
    assertEquals(s.runs().stream().map(SweepRun::id).sorted().toList(),
        all.stream().sorted().toList());
    assertThrows(SweepException.class, () -> Shard.parse("3/3"));
    assertThrows(SweepException.class, () -> Shard.parse("1-3"));
  }

  @Test
  void memoryBudget_admitsWhatFits_andAnOversizedRunOnlyAlone() throws Exception {
    MemoryBudget m = new MemoryBudget(100);
    m.acquire(60);
    Thread t = new Thread(() -> {
      try {
        m.acquire(60); // waits: 60 + 60 > 100
        m.release(60);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    t.join(200);
    assertTrue(t.isAlive(), "the second run waits for room");
    m.release(60);
    t.join(2000);
    assertTrue(!t.isAlive(), "and starts when the first is done");
    m.acquire(500); // alone: admitted (its backend refuses it if it really does not fit)
    assertEquals(500, m.reserved());
  }

  private static SweepDefinition definition(Map<String, List<GridValue>> grid) {
    return new SweepDefinition(List.of(new SweepModel("seed-ei", SEED_EI, "bundled:seed-ei")),
        List.of(), List.of(1L), 200.0, grid, List.of(), false, false, null);
  }
}
