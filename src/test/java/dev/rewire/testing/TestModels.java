package dev.rewire.testing;

import dev.rewire.model.Connectivity;
import dev.rewire.model.IndexRange;
import dev.rewire.model.Model;
import dev.rewire.model.ModelFile;
import dev.rewire.model.NeuronGroup;
import dev.rewire.model.PoissonInput;
import dev.rewire.model.Projection;
import dev.rewire.model.Simulation;
import dev.rewire.model.Stdp;
import dev.rewire.model.Structural;
import dev.rewire.model.Weight;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Models for tests: the bundled seed-ei and small hand-built ones. */
public final class TestModels {
  private TestModels() {}

  public static Model seedEi(double durationMs, long seed, String... overrides) {
    Model m = ModelFile.loadBundled(ModelFile.DEFAULT_MODEL, List.of(overrides));
    return m.withSimulation(m.simulation().withDurationMs(durationMs).withSeed(seed));
  }

  /** The seed-ei neuron parameters for a group of {@code size} neurons, all in population "N". */
  public static NeuronGroup lifGroup(int size) {
    return NeuronGroup.lifCond(size, Map.of("N", new IndexRange(0, size)), 10.0, -60.0, 0.0,
        -80.0, -50.0, 200.0, 5.0, 10.0, 5.0);
  }

  /** One group of {@code size} neurons, nothing else. */
  public static Model isolated(int size, double durationMs) {
    return new Model("isolated", new Simulation(0.1, durationMs, 1),
        Map.of("net", lifGroup(size)), Map.of(), Map.of());
  }

  /**
   * One group of {@code size} lif_cond neurons whose g_ampa and g_gaba receive input (from a
   * silent Poisson input), for tests of the neuron update with inputs added by hand.
   */
  public static Model receiving(int size, double durationMs) {
    Map<String, Projection> projections = new LinkedHashMap<>();
    for (String r : List.of("g_ampa", "g_gaba")) {
      projections.put(r, new Projection("P", "N", r,
          new Connectivity(Connectivity.Rule.FIXED_PROBABILITY, 0.0, false), Weight.constant(1.0),
          null, null));
    }
    return new Model("receiving", new Simulation(0.1, durationMs, 1),
        Map.of("net", lifGroup(size)), Map.of("P", new PoissonInput(1, 0.0)), projections);
  }

  public static Stdp seedEeStdp() {
    return new Stdp(0.01, 20.0, 0.6, -0.5, 3.0, -1.0, 5.0, 20.0);
  }

  /**
   * N neurons driven by a Poisson input, with one plastic, rewired all_pairs projection N → N
   * (with the given structural settings) and nothing else.
   */
  public static Model rewired(int size, double p, Structural structural, double durationMs,
      long seed) {
    return rewired(size, p, structural, durationMs, seed, null);
  }

  /** {@link #rewired} with the potential set's storage given (null: the size's choice). */
  public static Model rewired(int size, double p, Structural structural, double durationMs,
      long seed, Connectivity.Storage storage) {
    Map<String, Projection> projections = new LinkedHashMap<>();
    projections.put("drive", new Projection("P", "N", "g_ampa",
        new Connectivity(Connectivity.Rule.FIXED_PROBABILITY, 0.2, false), Weight.constant(2.0),
        null, null));
    projections.put("nn", new Projection("N", "N", "g_ampa",
        new Connectivity(Connectivity.Rule.ALL_PAIRS, p, true, storage), new Weight(0.0, 0.2),
        seedEeStdp(), structural));
    return new Model("rewired", new Simulation(0.1, durationMs, seed),
        Map.of("net", lifGroup(size)), Map.of("P", new PoissonInput(100, 50.0)), projections);
  }

  /** The bundled neuron models, by name. */
  public static final List<String> NEURON_MODELS =
      List.of("lif_cond", "lif_curr", "adex", "izhikevich");

  /**
   * src/test/resources/networks/two-groups.toml with bundled neuron model {@code model}: its
   * receptors and weights chosen so that both groups spike and E→E is rewired.
   */
  public static Model twoGroups(String model, String... overrides) {
    String[] fill = switch (model) {
      case "lif_cond" -> new String[] {"g_ampa", "g_gaba", "3.0", "1.0", "5.0", "0.05", "2.0"};
      case "lif_curr" -> new String[] {"i_e", "i_i", "400.0", "150.0", "500.0", "10.0",
          "-300.0"};
      case "adex" -> new String[] {"g_ampa", "g_gaba", "4.0", "1.0", "5.0", "0.05", "2.0"};
      case "izhikevich" -> new String[] {"v", "v", "8.0", "1.0", "10.0", "0.05", "-2.0"};
      default -> throw new IllegalArgumentException("no test network for " + model);
    };
    String text;
    try (var in = TestModels.class.getResourceAsStream("/networks/two-groups.toml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String[] keys = {"EXC", "INH", "W_INPUT", "W_EXC", "W_GMAX", "W_PRUNE", "W_INH"};
    text = text.replace("${MODEL}", "\"" + model + "\"");
    for (int k = 0; k < keys.length; k++) {
      text = text.replace("${" + keys[k] + "}", k < 2 ? "\"" + fill[k] + "\"" : fill[k]);
    }
    return ModelFile.parse(text, "two-groups (" + model + ")", List.of(overrides));
  }
}
