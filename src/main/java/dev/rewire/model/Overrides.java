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
    node.set(leaf, parseValue(raw));
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
