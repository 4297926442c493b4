package dev.rewire.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewire.rule.Suggest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks of a model's tree, after overrides and before Jackson binds it to records, for what the
 * binding would report late or not at all: misspelt keys, numbers that are not finite, and an
 * override of a param that per-neuron values replace.
 */
final class TreeChecks {
  private TreeChecks() {}

  /** An override of a group's param, or of its model's: neurons.G[.model].params.x=... */
  private static final java.util.regex.Pattern SHADOWABLE = java.util.regex.Pattern.compile(
      "neurons\\.([^.=]+)\\.(?:model\\.)?params\\.([^.=]+)=.*");

  /**
   * Names a misspelt key before anything reads the tables: Jackson builds a record as soon as it has
   * its required keys, so a check of its meaning would otherwise speak first (a misspelt
   * {@code reset} read as "params.vr is read by no equation"). Walks the tables of records and
   * maps of records; the rest is Jackson's.
   */
  static void refuseUnknownKeys(JsonNode node, com.fasterxml.jackson.databind.JavaType type,
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
    java.util.Map<String, com.fasterxml.jackson.databind.JavaType> known =
        ModelMessages.knownKeys(type);
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
  static void refuseShadowedParam(ObjectNode root, String override) {
    java.util.regex.Matcher m = SHADOWABLE.matcher(override.strip());
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
  static void refuseNonFinite(JsonNode node, String path, String origin) {
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
}
