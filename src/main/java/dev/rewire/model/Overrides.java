package dev.rewire.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code --set path=value}: replaces one value of the parsed model tree before it becomes a
 * {@link Model}, so overrides go through exactly the same validation as the file; missing tables on
 * the way are made (and validated like everything else). The value is read
 * as a TOML value (number, boolean, quoted string, array, inline table); anything else is taken as a
 * bare string, so {@code --set projections.ee.structural.mode=per-source} works unquoted.
 */
final class Overrides {
  private Overrides() {}

  static void apply(ObjectNode root, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new ModelException("--set expects path=value (e.g. projections.ee.stdp.lr=0.02), got '"
          + assignment + "'");
    }
    String path = assignment.substring(0, eq).trim();
    String raw = assignment.substring(eq + 1).trim();
    String[] keys = path.split("\\.", -1);
    checkRuleTable(root, path);
    checkNamedTable(root, keys, path);
    ObjectNode node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      String key = keys[i];
      checkKey(path, key);
      JsonNode child = node.get(key);
      if (child == null) {
        // A table the model does not have yet (recording.state, say): made here. A misspelt one
        // is an unknown key when the model is read, reported with the closest known key.
        child = node.putObject(key);
      }
      if (!(child instanceof ObjectNode obj)) {
        throw new ModelException("--set " + path + ": '" + String.join(".",
            java.util.Arrays.copyOf(keys, i + 1)) + "' is a value, not a table");
      }
      node = obj;
    }
    String leaf = keys[keys.length - 1];
    checkKey(path, leaf);
    JsonNode value = parseValue(raw);
    if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
      throw new ModelException("--set " + path + ": must be finite, got " + raw);
    }
    node.set(leaf, value);
    // Two keys that exclude each other: setting one replaces the other, since --set cannot
    // remove a key (a sweep over prune conditions of a model that has a threshold, say).
    if (keys.length == 3 && keys[0].equals("projections")
        && (leaf.equals("stdp") || leaf.equals("plasticity"))) {
      node.remove(leaf.equals("stdp") ? "plasticity" : "stdp"); // a rule replaces the rule
    }
    String other = ALTERNATIVES.get(leaf);
    if (other != null && keys.length >= 2 && keys[keys.length - 2].equals("structural")) {
      node.remove(other);
    }
  }

  /** In a structural table, threshold and prune say the same thing two ways. */
  private static final java.util.Map<String, String> ALTERNATIVES =
      java.util.Map.of("threshold", "prune", "prune", "threshold");

  /**
   * Refuses a path into a projection's {@code plasticity} table when the projection has
   * {@code stdp}, and the other way round: the rule's values live in the table it has.
   */
  static void checkRuleTable(ObjectNode root, String path) {
    String[] keys = path.split("\\.", -1);
    if (keys.length < 4 || !keys[0].equals("projections")) {
      return;
    }
    JsonNode projection = root.path("projections").path(keys[1]);
    String table = keys[2];
    String other = table.equals("plasticity") ? "stdp" : table.equals("stdp") ? "plasticity"
        : null;
    if (other != null && projection.has(other) && !projection.has(table)) {
      throw new ModelException("--set " + path + ": projections." + keys[1] + " has its rule in ["
          + "projections." + keys[1] + "." + other + "]" + (other.equals("stdp")
              ? " (the seed rule's shorthand; its values are projections." + keys[1]
                  + ".stdp.lr and so on)"
              : " (its params are projections." + keys[1] + ".plasticity.params.NAME)"));
    }
  }

  /** The tables whose keys are names the model gives: what one entry is called in messages. */
  private static final java.util.Map<String, String> NAMED = java.util.Map.of(
      "neurons", "neuron group", "projections", "projection", "inputs", "input");

  /**
   * A path into a group, projection or input the model does not have is a misspelt name (a new
   * one needs its required keys, which one --set path cannot give): say so, with the names known.
   */
  private static void checkNamedTable(ObjectNode root, String[] keys, String path) {
    String what = NAMED.get(keys[0]);
    if (what == null || keys.length < 3 || root.path(keys[0]).has(keys[1])) {
      return;
    }
    java.util.List<String> known = iterable(root.path(keys[0]).fieldNames());
    throw new ModelException("--set " + path + ": unknown " + what + " '" + keys[1] + "'"
        + dev.rewire.rule.Suggest.didYouMean(keys[1], known) + " (known: "
        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
  }

  private static void checkKey(String path, String key) {
    if (key.isEmpty()) {
      throw new ModelException("--set: '" + path + "' has an empty key; expected a.b.c=value");
    }
  }

  private static JsonNode parseValue(String raw) {
    if (raw.isEmpty()) {
      throw new ModelException("--set: missing value after '='");
    }
    try {
      JsonNode doc = ModelFile.mapper().readTree("v = " + raw);
      JsonNode v = doc == null ? null : doc.get("v");
      if (v != null && doc.size() == 1) {
        return v;
      }
    } catch (JsonProcessingException notToml) {
      // fall through: a bare word such as per-source
    }
    return TextNode.valueOf(raw);
  }

  private static java.util.List<String> iterable(java.util.Iterator<String> it) {
    java.util.List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
