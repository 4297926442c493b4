package dev.rewire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFileTest {
  private static final String SEED = ModelFile.bundledText("seed-ei");

  @Test
  void loadBundled_readsSeedEi() {
    Model m = ModelFile.loadBundled("seed-ei", List.of());
    assertEquals("seed-ei", m.name());
    assertEquals(0.1, m.simulation().dtMs());
    assertEquals(List.of("net"), List.copyOf(m.neurons().keySet()));
    assertEquals(new IndexRange(0, 400), m.neurons().get("net").populations().get("E"));
    assertEquals(List.of("pe", "pi", "ei", "ii", "ee", "ie"), List.copyOf(m.projections().keySet()));
    Projection ee = m.projections().get("ee");
    assertEquals(Connectivity.Rule.ALL_PAIRS, ee.connectivity().rule());
    assertTrue(ee.connectivity().excludesSameIndex());
    assertEquals(Weight.constant(0.4), m.projections().get("pe").weight());
    assertEquals(Structural.Mode.GLOBAL, ee.structural().mode());
    assertEquals(-1.0, m.projections().get("ie").stdp().aMinus());
  }

  @Test
  void parse_appliesOverridesByDottedPath() {
    Model m = ModelFile.parse(SEED, "seed", List.of("projections.ee.stdp.lr=0.02",
        "projections.ie.structural.mode=per-source", "simulation.seed = 7",
        "inputs.P.rate_hz=10"));
    assertEquals(0.02, m.projections().get("ee").stdp().lr());
    assertEquals(Structural.Mode.PER_SOURCE, m.projections().get("ie").structural().mode());
    assertEquals(7, m.simulation().seed());
    assertEquals(10.0, m.inputs().get("P").rateHz());
  }

  @Test
  void parse_unknownKey_namesItAndSuggestsTheClosest() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "seed", List.of("projections.ee.stdp.tau_plsu_ms=5")));
    assertTrue(e.getMessage().contains("projections.ee.stdp.tau_plsu_ms"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'tau_plus_ms'"), e.getMessage());
  }

  @Test
  void parse_outOfRangeValue_namesPathValueAndRange() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "seed", List.of("projections.ee.stdp.tau_plus_ms=-5")));
    assertEquals("seed: projections.ee.stdp.tau_plus_ms must be > 0 ms, got -5.0", e.getMessage());
  }

  @Test
  void parse_probabilityAboveOne_isRejected() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "seed", List.of("projections.pe.connectivity.p=1.5")));
    assertEquals("seed: projections.pe.connectivity.p must be a probability in [0, 1], got 1.5",
        e.getMessage());
  }

  @Test
  void parse_wrongType_saysWhatWasExpected() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "seed", List.of("neurons.net.gl_ns=\"ten\"")));
    assertTrue(e.getMessage().contains("neurons.net.gl_ns: expected a number"), e.getMessage());
  }

  @Test
  void parse_badEnum_listsTheChoices() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "seed", List.of("projections.ee.structural.mode=sideways")));
    assertTrue(e.getMessage().contains("\"global\", \"per-source\""), e.getMessage());
  }

  @Test
  void parse_missingField_saysItIsRequired() {
    String text = SEED.replace("tau_ampa_ms = 5.0\n", "");
    ModelException e = assertThrows(ModelException.class, () -> ModelFile.parse(text, "f", List.of()));
    assertEquals("f: neurons.net.tau_ampa_ms is required", e.getMessage());
  }

  @Test
  void parse_syntaxError_givesLineAndColumn() {
    String text = SEED.replace("gl_ns = 10.0", "gl_ns = = 10.0");
    ModelException e = assertThrows(ModelException.class, () -> ModelFile.parse(text, "f", List.of()));
    assertTrue(e.getMessage().matches("f:\\d+:\\d+: TOML syntax error: .*"), e.getMessage());
  }

  @Test
  void parse_unknownSource_listsKnownNames() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "seed", List.of("projections.ee.source=X")));
    assertTrue(e.getMessage().startsWith("seed: projections.ee.source = 'X' names no population"),
        e.getMessage());
  }

  @Test
  void parse_regrowthWeightAboveGmax_isRejected() {
    ModelException e = assertThrows(ModelException.class, () -> ModelFile.parse(SEED, "seed",
        List.of("projections.ee.structural.regrowth_weight=25")));
    assertTrue(e.getMessage().contains("regrowth_weight must be in [0, stdp.gmax = 20.0]"),
        e.getMessage());
  }

  @Test
  void set_withoutEquals_orUnknownTable_isRejected() {
    assertThrows(ModelException.class, () -> ModelFile.parse(SEED, "s", List.of("simulation.seed")));
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.parse(SEED, "s", List.of("projection.ee.stdp.lr=1")));
    assertTrue(e.getMessage().contains("did you mean 'projections'"), e.getMessage());
  }

  @Test
  void parse_withoutProjections_isANetworkOfUnconnectedNeurons() {
    Model m = ModelFile.parse(SEED.substring(0, SEED.indexOf("[inputs.P]")), "f", List.of());
    assertEquals(0, m.projections().size());
    assertEquals(0, m.inputs().size());
  }

  @Test
  void extends_laysTheFileOverItsBase_aRuleReplacesTheBasesRule(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path f = dir.resolve("rule.toml");
    java.nio.file.Files.writeString(f, "name = \"mine\"\nextends = \"seed-ei\"\n"
        + "[simulation]\nseed = 7\n"
        + "[projections.ee.plasticity]\nparams = { lr = 0.01, gmax = 20.0 }\n"
        + "pre_traces = { x = 10.0 }\non_pre = \"x += 1\\nw = clip(w + lr * x, 0, gmax)\"\n");
    Model m = ModelFile.load(f, List.of());
    assertEquals("mine", m.name());
    assertEquals(7, m.simulation().seed());
    assertEquals(0.1, m.simulation().dtMs(), "the base's, where the file says nothing");
    assertEquals(null, m.projections().get("ee").stdp(), "the rule replaced, not merged");
    assertTrue(m.projections().get("ie").stdp() != null, "the base's other rule kept");
    // Comments and layout aside, a file that says what its base says is its base.
    java.nio.file.Path same = dir.resolve("same.toml");
    java.nio.file.Files.writeString(same, "# nothing new\nextends = \"seed-ei\"\n");
    assertEquals(ModelFile.loadBundled("seed-ei", List.of()).contentHash(),
        ModelFile.load(same, List.of()).contentHash());
  }

  @Test
  void extends_ofACycle_orOfNothing_isBadInput(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("a.toml"), "extends = \"b.toml\"\n");
    java.nio.file.Files.writeString(dir.resolve("b.toml"), "extends = \"a.toml\"\n");
    ModelException e = assertThrows(ModelException.class,
        () -> ModelFile.load(dir.resolve("a.toml"), List.of()));
    assertTrue(e.getMessage().contains("which extends it again"), e.getMessage());
    java.nio.file.Files.writeString(dir.resolve("c.toml"), "extends = \"seed-eii\"\n");
    e = assertThrows(ModelException.class, () -> ModelFile.load(dir.resolve("c.toml"), List.of()));
    assertTrue(e.getMessage().contains("extends = \"seed-eii\": no bundled model named 'seed-eii'"),
        e.getMessage());
  }

  @Test
  void set_choosesANeuronModelByName() {
    String cells = "name = \"cells\"\n[simulation]\ndt_ms = 0.1\nduration_ms = 10.0\nseed = 1\n"
        + "[neurons.c]\nsize = 2\npopulations = { C = [0, 2] }\nmodel = \"lif_curr\"\n";
    Model m = ModelFile.parse(cells, "s", List.of("neurons.c.model=adex"));
    assertTrue(m.neurons().get("c").model().params().containsKey("tau_w"),
        m.neurons().get("c").model().params().toString());
  }
}
