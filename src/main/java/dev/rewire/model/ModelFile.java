package dev.rewire.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rewire.rule.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads models from TOML (comments allowed) through Jackson: lays {@code extends} out, resolves
 * neuron models, applies {@code --set path=value} overrides to the parsed tree, checks the tree
 * ({@link TreeChecks}) and binds it to records, turning every problem into a {@link ModelException}
 * that names the file, the dotted path of the field, the value and what was expected
 * ({@link ModelMessages}).
 */
public final class ModelFile {
  /** Name of the model bundled in the jar and run when no model file is given. */
  public static final String DEFAULT_MODEL = "seed-ei";

  private static final TomlMapper MAPPER = TomlMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // an enum is named, never given by its position ("storage = 1" is not "active") nor blank
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Enum, c -> c
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.EmptyString,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
          .setAcceptBlankAsEmpty(Boolean.TRUE))
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      // "200" is a string, not a number: refused, as a string weight is
      .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Float, c -> c.setCoercion(
          com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
          com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
      .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Integer, c -> c
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
      .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Boolean, c -> c
          .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
              com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
      .build();

  private ModelFile() {}

  /** Reads a model file and applies the overrides. */
  public static Model load(Path file, List<String> overrides) {
    return parse(readText(file), file.toString(), overrides);
  }

  /** The text of a model file, with a clear message when it cannot be read. */
  public static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ModelException("model file " + file + " does not exist");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ModelException("model file " + file + " is not UTF-8 text; expected a TOML file");
    } catch (IOException e) {
      throw new ModelException("cannot read model file " + file + ": " + e.getMessage());
    }
  }

  /** Reads a model bundled in the jar ({@value #DEFAULT_MODEL}) and applies the overrides. */
  public static Model loadBundled(String name, List<String> overrides) {
    return parse(bundledText(name), "bundled:" + name, overrides);
  }

  /** The TOML text of a bundled model. */
  public static String bundledText(String name) {
    String resource = name + ".toml";
    try (InputStream in = ModelFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelException("no bundled model named '" + name + "'");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled model " + resource, e);
    }
  }

  /** Parses TOML text; {@code origin} names it in error messages. */
  public static Model parse(String toml, String origin, List<String> overrides) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(toml);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ModelMessages.locationOf(e) + ": TOML syntax error: "
          + e.getOriginalMessage());
    }
    if (!(tree instanceof ObjectNode root) || root.isEmpty()) {
      throw new ModelException(origin + " is empty; expected a TOML model (see "
          + "examples/seed-ei.toml)");
    }
    root = extended(root, origin, new java.util.ArrayList<>());
    for (String override : overrides) {
      Overrides.apply(root, override);
    }
    resolveNeuronModels(root, origin); // a model an override names (--set neurons.E.model=adex)
    for (String override : overrides) {
      TreeChecks.refuseShadowedParam(root, override);
    }
    TreeChecks.refuseNonFinite(root, "", origin);
    TreeChecks.refuseUnknownKeys(root, MAPPER.constructType(Model.class), "", origin);
    try {
      return MAPPER.treeToValue(root, Model.class);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ": " + ModelMessages.describe(e, root), e);
    } catch (IllegalArgumentException e) {
      throw new ModelException(origin + ": " + ModelMessages.describe(
          e.getCause() instanceof JsonMappingException m ? m
              : new JsonMappingException(null, e.getMessage()), root), e);
    }
  }

  /**
   * A model that says {@code extends = "seed-ei"} (a bundled model) or {@code extends =
   * "base.toml"} (relative to its own folder) is that model with its own tables laid over it:
   * tables merge key by key, except a projection's rule ({@code stdp} or {@code plasticity}) and a
   * group's neuron {@code model}, which replace the base's whole (a rule given as {@code plasticity}
   * also removes the base's {@code stdp}, and the other way round, as a structural {@code prune}
   * does {@code threshold}). Neuron models are resolved in
   * each file against its own folder.
   */
  private static ObjectNode extended(ObjectNode root, String origin, List<String> chain) {
    JsonNode ext = root.remove("extends");
    resolveNeuronModels(root, origin);
    if (ext == null) {
      return root;
    }
    if (!ext.isTextual() || ext.asText().isBlank()) {
      throw new ModelException(origin + ": extends expects a bundled model (\"" + DEFAULT_MODEL
          + "\") or a model file (\"base.toml\"), got " + ext);
    }
    Reference ref;
    try {
      ref = reference(ext.asText(), origin.startsWith("bundled:") ? null
          : Path.of(origin).getParent());
    } catch (ModelException e) {
      throw new ModelException(origin + ": extends = \"" + ext.asText() + "\": " + e.getMessage());
    }
    String baseOrigin = ref.origin();
    String text = ref.text();
    chain.add(origin);
    if (chain.contains(baseOrigin)) {
      throw new ModelException(origin + ": extends " + baseOrigin + ", which extends it again ("
          + String.join(" -> ", chain) + " -> " + baseOrigin + ")");
    }
    if (!(tree(text, baseOrigin) instanceof ObjectNode base)) {
      throw new ModelException(baseOrigin + " is empty; expected a TOML model");
    }
    ObjectNode merged = extended(base, baseOrigin, chain);
    merge(merged, root, "");
    return merged;
  }

  /** A model named by a reference: its text and where it came from ("bundled:NAME", a path). */
  public record Reference(String text, String origin) {}

  /**
   * A bundled model ({@code "seed-ei"}) or a model file ({@code "base.toml"}, relative to
   * {@code dir}, or as given when that is null): a name that ends in .toml is a file.
   */
  public static Reference reference(String ref, Path dir) {
    if (!ref.endsWith(".toml")) {
      try {
        return new Reference(bundledText(ref), "bundled:" + ref);
      } catch (ModelException e) {
        throw new ModelException("no bundled model named '" + ref + "' (a model file's name ends "
            + "in .toml)");
      }
    }
    Path file = dir == null ? Path.of(ref) : dir.resolve(ref);
    return new Reference(readText(file), file.toString());
  }

  /** Lays {@code over} onto {@code base} (see {@link #extended}). */
  private static void merge(ObjectNode base, ObjectNode over, String path) {
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = over.fields();
        it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String at = path.isEmpty() ? key : path + "." + key;
      boolean whole = at.matches("projections\\.[^.]+\\.(stdp|plasticity)")
          || at.matches("neurons\\.[^.]+\\.model");
      if (at.matches("projections\\.[^.]+\\.(stdp|plasticity)")) {
        base.remove(key.equals("stdp") ? "plasticity" : "stdp");
      }
      if (at.matches("projections\\.[^.]+\\.structural\\.(threshold|prune)")) {
        base.remove(key.equals("threshold") ? "prune" : "threshold"); // one says the other
      }
      if (!whole && e.getValue() instanceof ObjectNode table
          && base.get(key) instanceof ObjectNode under) {
        merge(under, table, at);
      } else {
        base.set(key, e.getValue());
      }
    }
  }

  /**
   * The model's text with nothing outside it: as given when it names no other file; else the model
   * as read ({@code extends} laid out, neuron-model files put in place) as TOML, so a checkpoint
   * or an HDF5 file that holds it still holds the whole model after the files change.
   */
  public static String selfContained(String toml, String origin) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(toml);
    } catch (JsonProcessingException e) {
      return toml; // reported when it is parsed
    }
    if (!(tree instanceof ObjectNode root) || !namesFiles(root)) {
      return toml;
    }
    ObjectNode resolved = extended(root, origin, new java.util.ArrayList<>());
    try {
      return "# " + origin + " with the files it names, as rewire read it\n"
          + MAPPER.writeValueAsString(resolved);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a model read from TOML as TOML", e);
    }
  }

  private static boolean namesFiles(ObjectNode root) {
    if (root.has("extends")) {
      return true;
    }
    for (JsonNode group : root.path("neurons")) {
      if (group.path("model").has("file")) {
        return true;
      }
    }
    return false;
  }

  static TomlMapper mapper() {
    return MAPPER;
  }

  /** A neuron model table (a bundled model or a model file); {@code origin} names it. */
  static NeuronModel parseNeuronModel(String toml, String origin) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(toml);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ModelMessages.locationOf(e) + ": TOML syntax error: "
          + e.getOriginalMessage());
    }
    TreeChecks.refuseUnknownKeys(tree, MAPPER.constructType(NeuronModel.class), "", origin);
    try {
      return MAPPER.treeToValue(tree, NeuronModel.class);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ": " + ModelMessages.describe(e, tree), e);
    }
  }

  /**
   * Puts each group's model table in place of its reference: a bundled model's name
   * ({@code model = "adex"}) or a file ({@code model = { file = "my-neuron.toml" }}, relative to
   * the model file's folder), so that overrides reach into it ({@code --set
   * neurons.E.model.params.a=4}) and the model read holds the whole neuron model.
   */
  private static void resolveNeuronModels(ObjectNode root, String origin) {
    JsonNode groups = root.get("neurons");
    if (!(groups instanceof ObjectNode g)) {
      return;
    }
    for (java.util.Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!(g.get(name) instanceof ObjectNode group)) {
        continue;
      }
      JsonNode ref = group.get("model");
      String where = "neurons." + name + ".model";
      if (ref != null && ref.isTextual()) {
        String text = NeuronModels.text(ref.asText());
        if (text == null) {
          throw new ModelException(origin + ": " + where + " = '" + ref.asText() + "' is not a "
              + "bundled neuron model" + Suggest.didYouMean(ref.asText(), NeuronModels.NAMES)
              + "; bundled: " + String.join(", ", NeuronModels.NAMES) + " (or give a model "
              + "table, or { file = \"my-neuron.toml\" })");
        }
        group.set("model", tree(text, "bundled neuron model " + ref.asText()));
      } else if (ref instanceof ObjectNode table && table.has("file")) {
        if (table.size() != 1 || !table.get("file").isTextual()) {
          throw new ModelException(origin + ": " + where + ": a model file is given as "
              + "{ file = \"path\" } alone; its params go to neurons." + name + ".params");
        }
        String path = table.get("file").asText();
        if (origin.startsWith("bundled:")) { // a bundled model's files are in the jar beside it
          group.set("model", tree(bundledText(path.replaceAll("\\.toml$", "")),
              "bundled:" + path));
          continue;
        }
        Path dir = Path.of(origin).getParent();
        Path file = dir == null ? Path.of(path) : dir.resolve(path);
        String text;
        try {
          text = readText(file);
        } catch (ModelException e) {
          throw new ModelException(origin + ": " + where + ".file: " + e.getMessage());
        }
        JsonNode model = tree(text, file.toString());
        if (model.size() == 1 && model.has("model")) {
          throw new ModelException(file + ": a model file is the model table alone (equations, "
              + "params, variables, ...), not wrapped in [model]");
        }
        parseNeuronModel(text, file.toString()); // its own errors name it, not this file
        group.set("model", model);
      }
    }
  }

  private static JsonNode tree(String toml, String origin) {
    try {
      return MAPPER.readTree(toml);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ModelMessages.locationOf(e) + ": TOML syntax error: "
          + e.getOriginalMessage());
    }
  }

}
