package dev.rewire.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
import java.util.stream.Collectors;

/**
 * Reads models from TOML (comments allowed) through Jackson, applies {@code --set path=value}
 * overrides to the parsed tree, and turns every problem into a {@link ModelException} whose message
 * names the file, the dotted path of the field, the value and what was expected.
 */
public final class ModelFile {
  /** Name of the model bundled in the jar and run when no model file is given. */
  public static final String DEFAULT_MODEL = "seed-ei";

  private static final TomlMapper MAPPER = TomlMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
      throw new ModelException(origin + locationOf(e) + ": TOML syntax error: "
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
      refuseShadowedParam(root, override);
    }
    refuseNonFinite(root, "", origin);
    refuseUnknownKeys(root, MAPPER.constructType(Model.class), "", origin);
    try {
      return MAPPER.treeToValue(root, Model.class);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ": " + describe(e, root), e);
    } catch (IllegalArgumentException e) {
      throw new ModelException(origin + ": " + describe(e.getCause() instanceof JsonMappingException m
          ? m : new JsonMappingException(null, e.getMessage()), root), e);
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
   * Names a misspelt key before anything reads the tables: Jackson builds a record as soon as it has
   * its required keys, so a check of its meaning would otherwise speak first (a misspelt
   * {@code reset} read as "params.vr is read by no equation"). Walks the tables of records and
   * maps of records; the rest is Jackson's.
   */
  private static void refuseUnknownKeys(JsonNode node, com.fasterxml.jackson.databind.JavaType type,
      String path, String origin) {
    if (!(node instanceof ObjectNode table) || type == null) {
      return;
    }
    if (type.isMapLikeType()) {
      com.fasterxml.jackson.databind.JavaType content = type.getContentType();
      table.fields().forEachRemaining(e -> refuseUnknownKeys(e.getValue(), content,
          path.isEmpty() ? e.getKey() : path + "." + e.getKey(), origin));
      return;
    }
    if (!type.getRawClass().isRecord() || readsItself(type.getRawClass())) {
      return;
    }
    java.util.Map<String, com.fasterxml.jackson.databind.JavaType> known = knownKeys(type);
    for (java.util.Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String at = path.isEmpty() ? key : path + "." + key;
      if (!known.containsKey(key)) {
        throw new ModelException(origin + ": unknown key '" + at + "'"
            + Suggest.didYouMean(key, known.keySet()) + "; known keys"
            + (path.isEmpty() ? "" : " in " + path) + ": "
            + known.keySet().stream().sorted().collect(Collectors.joining(", ")));
      }
      refuseUnknownKeys(table.get(key), known.get(key), at, origin);
    }
  }

  /**
   * {@code --set neurons.G.params.x=...} (or {@code .model.params.x}) where the group or its model
   * gives x per neuron: the per-neuron values replace the param, so the override would change
   * nothing (and a sweep over it would run one model many times).
   */
  private static void refuseShadowedParam(ObjectNode root, String override) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("neurons\\.([^.=]+)\\.(?:model\\.)?params\\.([^.=]+)=.*").matcher(override.strip());
    if (!m.matches()) {
      return;
    }
    JsonNode group = root.path("neurons").path(m.group(1));
    for (String table : List.of("per_neuron", "model.per_neuron")) {
      JsonNode perNeuron = table.equals("per_neuron") ? group.path("per_neuron")
          : group.path("model").path("per_neuron");
      if (perNeuron.has(m.group(2))) {
        String path = override.substring(0, override.indexOf('=')).strip();
        throw new ModelException("--set " + path + ": " + m.group(2) + " is given per neuron ("
            + "neurons." + m.group(1) + "." + table + "." + m.group(2) + "), which replaces this "
            + "value; set that instead");
      }
    }
  }

  /** A type with a creator of its own (a number or a table, say) checks its keys itself. */
  private static boolean readsItself(Class<?> type) {
    java.util.List<java.lang.reflect.Executable> all = new java.util.ArrayList<>(
        java.util.List.of(type.getDeclaredConstructors()));
    all.addAll(java.util.List.of(type.getDeclaredMethods()));
    return all.stream().anyMatch(m -> m.isAnnotationPresent(
        com.fasterxml.jackson.annotation.JsonCreator.class));
  }

  /** TOML has inf and nan; no value of a model may be either. */
  private static void refuseNonFinite(JsonNode node, String path, String origin) {
    if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
      double v = node.doubleValue();
      throw new ModelException(origin + ": " + path + ": must be finite, got "
          + (Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf"));
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> refuseNonFinite(e.getValue(),
          path.isEmpty() ? e.getKey() : path + "." + e.getKey(), origin));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseNonFinite(node.get(i), path + "[" + i + "]", origin);
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
      throw new ModelException(origin + locationOf(e) + ": TOML syntax error: "
          + e.getOriginalMessage());
    }
    refuseUnknownKeys(tree, MAPPER.constructType(NeuronModel.class), "", origin);
    try {
      return MAPPER.treeToValue(tree, NeuronModel.class);
    } catch (JsonProcessingException e) {
      throw new ModelException(origin + ": " + describe(e, tree), e);
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
      throw new ModelException(origin + locationOf(e) + ": TOML syntax error: "
          + e.getOriginalMessage());
    }
  }

  private static String describe(JsonProcessingException e, JsonNode root) {
    String path = e instanceof JsonMappingException m ? pathOf(m) : "";
    if (e instanceof ValueInstantiationException && e.getCause() instanceof ModelException cause) {
      return prefixed(path, cause.getMessage());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
      return "unknown key '" + path + "'" + Suggest.didYouMean(u.getPropertyName(),
          u.getKnownPropertyIds()) + "; known keys" + (parent.isEmpty() ? "" : " in " + parent)
          + ": " + known;
    }
    if (e instanceof InvalidFormatException f) {
      return path + ": expected " + typeName(f.getTargetType()) + ", got " + quote(f.getValue());
    }
    if (e instanceof MismatchedInputException m) {
      String msg = m.getOriginalMessage();
      if (msg.startsWith("Missing required creator property")) {
        String field = msg.replaceAll(".*'([^']*)'.*", "$1");
        String parent = path.equals(field) ? ""
            : path.endsWith("." + field) ? path.substring(0, path.length() - field.length() - 1)
            : path;
        return prefixed(parent, field + " is required") + unknownKeys(root, parent);
      }
      if (m.getTargetType() != null) {
        return path + ": expected " + typeName(m.getTargetType()) + ", got " + given(msg);
      }
      return path + ": " + firstLine(msg);
    }
    if (e.getCause() instanceof ModelException cause) {
      return prefixed(path, cause.getMessage());
    }
    return prefixed(path, firstLine(e.getOriginalMessage()));
  }

  /**
   * A required key is missing: often it was misspelt, and Jackson reports the missing key before
   * the unknown one. Names the unknown keys of that table, with the closest known key.
   */
  private static String unknownKeys(JsonNode root, String path) {
    JsonNode table = root;
    com.fasterxml.jackson.databind.JavaType type = MAPPER.constructType(Model.class);
    for (String key : path.isEmpty() ? new String[0] : path.split("\\.")) {
      table = table == null ? null : table.get(key);
      type = type == null ? null : type.isMapLikeType() ? type.getContentType()
          : knownKeys(type).getOrDefault(key, null);
    }
    if (type == null || type.isMapLikeType() || table == null || !table.isObject()) {
      return "";
    }
    java.util.Set<String> known = knownKeys(type).keySet();
    StringBuilder sb = new StringBuilder();
    for (java.util.Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        sb.append(sb.length() == 0 ? "; the table has an unknown key '" : ", and '").append(key)
            .append("'").append(Suggest.didYouMean(key, known));
      }
    }
    return sb.toString();
  }

  /** The keys a model-file table of {@code type} may have, with the type of each value. */
  private static java.util.Map<String, com.fasterxml.jackson.databind.JavaType> knownKeys(
      com.fasterxml.jackson.databind.JavaType type) {
    PropertyNamingStrategies.NamingBase snake =
        (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    java.util.Map<String, com.fasterxml.jackson.databind.JavaType> out =
        new java.util.LinkedHashMap<>();
    for (var p : MAPPER.getDeserializationConfig().introspect(type).findProperties()) {
      out.put(p.isExplicitlyNamed() ? p.getName() : snake.translate(p.getName()),
          p.getPrimaryType());
    }
    return out;
  }

  /** What Jackson says it found ("from Boolean value"), in the words of a model file. */
  private static String given(String jacksonMessage) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:from|coerce) (\\w+) value")
        .matcher(jacksonMessage);
    if (!m.find()) {
      return "something else (" + firstLine(jacksonMessage) + ")";
    }
    return switch (m.group(1)) {
      case "Boolean" -> "true or false";
      case "Array" -> "an array";
      case "Object" -> "a table";
      case "String" -> "a string";
      case "Integer", "Floating-point" -> "a number";
      default -> m.group(1).toLowerCase(java.util.Locale.ROOT) + " value";
    };
  }

  /** path.message, or path: message where the message is about the value itself (": ..."). */
  private static String prefixed(String path, String message) {
    if (message.startsWith(":") || message.startsWith(".")) {
      return path + message;
    }
    return path.isEmpty() ? message : path + "." + message;
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String locationOf(JacksonException e) {
    JsonLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 0) {
      return "";
    }
    return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a value";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Weight.class) {
      return "a number or a table { low = ..., high = ... }";
    }
    if (type.isEnum()) {
      return "one of " + enumNames(type);
    }
    if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      return "a table";
    }
    return "a " + type.getSimpleName();
  }

  private static String enumNames(Class<?> type) {
    return java.util.Arrays.stream(type.getFields())
        .filter(java.lang.reflect.Field::isEnumConstant)
        .map(f -> {
          com.fasterxml.jackson.annotation.JsonProperty p =
              f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
          return "\"" + (p != null ? p.value() : f.getName()) + "\"";
        })
        .collect(Collectors.joining(", "));
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
