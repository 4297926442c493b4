package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewire.rule.Suggest;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole network and how to run it. Names are unique across populations and inputs, and every
 * projection refers to names that exist; the maps keep the order of the model file, which fixes the
 * order of everything derived from them (RNG streams, digests).
 *
 * @param name model name, reported in outputs
 * @param simulation dt, duration, seed
 * @param neurons neuron groups by name
 * @param inputs Poisson inputs by name (may be empty)
 * @param projections projections by name (none when absent)
 * @param recording what --out records (null: the defaults of {@link Recording})
 */
public record Model(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) Simulation simulation,
    @JsonProperty(required = true) Map<String, NeuronGroup> neurons,
    Map<String, PoissonInput> inputs,
    Map<String, Projection> projections,
    Recording recording) {

  private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL_JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder().build();

  public Model {
    Check.name("name", name);
    Check.present("simulation", simulation);
    Check.present("neurons", neurons);
    if (neurons.isEmpty()) {
      throw new ModelException("neurons must define at least one group, got none");
    }
    neurons = ordered(neurons);
    inputs = inputs == null ? Map.of() : ordered(inputs);
    projections = projections == null ? Map.of() : ordered(projections);
    recording = recording == null ? Recording.defaults() : recording;

    Map<String, String> owner = new HashMap<>();
    for (Map.Entry<String, NeuronGroup> g : neurons.entrySet()) {
      Check.name("neurons", g.getKey());
      Check.present("neurons." + g.getKey(), g.getValue());
      for (String pop : g.getValue().populations().keySet()) {
        claim(owner, pop, "neurons." + g.getKey() + ".populations." + pop);
      }
    }
    for (Map.Entry<String, PoissonInput> in : inputs.entrySet()) {
      Check.name("inputs", in.getKey());
      Check.present("inputs." + in.getKey(), in.getValue());
      claim(owner, in.getKey(), "inputs." + in.getKey());
    }
    for (Map.Entry<String, Projection> p : projections.entrySet()) {
      Check.name("projections", p.getKey());
      Projection proj = Check.present("projections." + p.getKey(), p.getValue());
      String where = "projections." + p.getKey();
      String src = owner.get(proj.source());
      if (src == null) {
        throw new ModelException(where + ".source = '" + proj.source()
            + "' names no population or input; known: " + owner.keySet());
      }
      String tgt = owner.get(proj.target());
      if (tgt == null || !tgt.startsWith("neurons.")) {
        throw new ModelException(where + ".target = '" + proj.target()
            + "' must name a neuron population; known: " + populationNames(owner));
      }
      NeuronModel targetModel = neurons.get(groupOf(neurons, proj.target())).model();
      if (!targetModel.variables().containsKey(proj.receptor())) {
        throw new ModelException(where + ".receptor = '" + proj.receptor() + "' is not a variable "
            + "of the model of " + proj.target() + Suggest.didYouMean(proj.receptor(),
                targetModel.variables().keySet()) + "; its variables: "
            + String.join(", ", targetModel.variables().keySet()));
      }
      java.util.List<Double> bounds = targetModel.bounds().get(proj.receptor());
      if (proj.weight().low() < 0 && bounds != null && bounds.get(0) >= 0) {
        throw new ModelException(where + ".weight = " + Check.plain(proj.weight().low())
            + " can make " + proj.receptor() + " negative, which the model of " + proj.target()
            + " bounds to [" + Check.plain(bounds.get(0)) + ", " + Check.plain(bounds.get(1))
            + "]; give weights >= 0, or a receptor that may be negative");
      }
      if (proj.hasPotentialSet() && !src.startsWith("neurons.")) {
        throw new ModelException(where + ".source = '" + proj.source()
            + "' must be a neuron population for all_pairs connectivity (STDP needs its spikes "
            + "and traces); known: " + populationNames(owner));
      }
    }
    checkRecording(recording, owner, projections, neurons,
        neurons.values().stream().mapToInt(NeuronGroup::size).sum());
  }

  private static void checkRecording(Recording r, Map<String, String> owner,
      Map<String, Projection> projections, Map<String, NeuronGroup> groups, int neurons) {
    if (r.spikes() != null) {
      for (String pop : r.spikes()) {
        String where = owner.get(pop);
        if (where == null || !where.startsWith("neurons.")) {
          throw new ModelException("recording.spikes: '" + pop + "' is not a neuron population; "
              + "known: " + populationNames(owner));
        }
      }
    }
    if (r.weights() != null && r.weights().projections() != null) {
      for (String proj : r.weights().projections()) {
        Projection p = projections.get(proj);
        if (p == null || !p.hasPotentialSet()) {
          throw new ModelException("recording.weights.projections: '" + proj + "' is not a "
              + "projection with all_pairs connectivity");
        }
      }
    }
    if (r.state() != null) {
      NeuronSelection sel = r.state().neurons();
      int[] range = {0, 0};
      if (sel.population() != null) {
        String group = owner.get(sel.population());
        if (group == null || !group.startsWith("neurons.")) {
          throw new ModelException("recording.state.neurons.population: '" + sel.population()
              + "' is not a neuron population; known: " + populationNames(owner));
        }
        range = populationRange(groups, sel.population());
      }
      int[] chosen;
      try {
        chosen = sel.resolve(range[0], range[1], neurons);
      } catch (ModelException e) {
        throw new ModelException("recording.state.neurons" + e.getMessage());
      }
      if (r.state().variables() != null) {
        java.util.List<String> chosenGroups = groupsOf(groups, chosen);
        for (String v : r.state().variables()) {
          for (String g : chosenGroups) {
            java.util.Set<String> known = groups.get(g).model().variables().keySet();
            if (known.contains(v)) {
              continue;
            }
            java.util.Optional<String> other = chosenGroups.stream()
                .filter(o -> groups.get(o).model().variables().containsKey(v)).findFirst();
            throw new ModelException("recording.state.variables: '" + v + "' is not a "
                + "variable of the model of group " + g + ", which holds some of the chosen "
                + "neurons" + (other.isPresent() ? " (it is one of group " + other.get()
                    + "'s; choose neurons of one model, or variables every chosen group has)"
                    : Suggest.didYouMean(v, known)) + "; its variables: "
                + String.join(", ", known));
          }
        }
      }
    }
  }

  /** The groups (in model order) that hold some of the global neuron indices {@code chosen}. */
  static java.util.List<String> groupsOf(Map<String, NeuronGroup> groups, int[] chosen) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int offset = 0;
    for (Map.Entry<String, NeuronGroup> g : groups.entrySet()) {
      int end = offset + g.getValue().size();
      for (int i : chosen) {
        if (i >= offset && i < end) {
          out.add(g.getKey());
          break;
        }
      }
      offset = end;
    }
    return out;
  }

  /** Global [start, size] of a population: groups are numbered one after another, in order. */
  private static int[] populationRange(Map<String, NeuronGroup> groups, String population) {
    int offset = 0;
    for (NeuronGroup g : groups.values()) {
      IndexRange r = g.populations().get(population);
      if (r != null) {
        return new int[] {offset + r.start(), r.size()};
      }
      offset += g.size();
    }
    throw new IllegalArgumentException("no population " + population);
  }

  /** The model without a recording table (tests and programmatic models). */
  public Model(String name, Simulation simulation, Map<String, NeuronGroup> neurons,
      Map<String, PoissonInput> inputs, Map<String, Projection> projections) {
    this(name, simulation, neurons, inputs, projections, null);
  }

  /** The neuron group that holds population {@code population}, or null. */
  public String groupOf(String population) {
    return groupOf(neurons, population);
  }

  private static String groupOf(Map<String, NeuronGroup> groups, String population) {
    for (Map.Entry<String, NeuronGroup> g : groups.entrySet()) {
      if (g.getValue().populations().containsKey(population)) {
        return g.getKey();
      }
    }
    return null;
  }

  /**
   * SHA-256 (hex) of the model as read: its canonical JSON, after overrides, seed and duration. Two
   * models with the same hash run the same network.
   */
  public String contentHash() {
    try {
      byte[] json = CANONICAL_JSON.writeValueAsBytes(this);
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(json));
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the model", e);
    }
  }

  public Model withSimulation(Simulation newSimulation) {
    return new Model(name, newSimulation, neurons, inputs, projections, recording);
  }

  private static void claim(Map<String, String> owner, String name, String where) {
    String before = owner.putIfAbsent(name, where);
    if (before != null) {
      throw new ModelException(where + ": the name '" + name + "' is already used by " + before);
    }
  }

  private static java.util.List<String> populationNames(Map<String, String> owner) {
    return owner.entrySet().stream()
        .filter(e -> e.getValue().startsWith("neurons."))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
