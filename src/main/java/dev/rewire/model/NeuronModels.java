package dev.rewire.model;

import dev.rewire.rule.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The neuron models bundled with rewire: the files of {@code models/} in the repository, in the
 * jar under {@code dev/rewire/models/}, each a model table in the language ({@link NeuronModel}).
 */
public final class NeuronModels {
  /** The bundled models' names, for messages and the README. */
  public static final List<String> NAMES = List.of("lif_cond", "lif_curr", "adex", "izhikevich");

  private NeuronModels() {}

  /** The TOML text of bundled model {@code name}, or null when there is none. */
  public static String text(String name) {
    if (!NAMES.contains(name)) {
      return null;
    }
    try (InputStream in = NeuronModels.class.getResourceAsStream("/dev/rewire/models/" + name
        + ".toml")) {
      if (in == null) {
        throw new IllegalStateException("bundled model " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled model " + name, e);
    }
  }

  /** Bundled model {@code name}. */
  public static NeuronModel bundled(String name) {
    String text = text(name);
    if (text == null) {
      throw new ModelException("no bundled neuron model '" + name + "'"
          + Suggest.didYouMean(name, NAMES) + "; bundled: " + String.join(", ", NAMES));
    }
    return ModelFile.parseNeuronModel(text, "bundled neuron model " + name);
  }
}
