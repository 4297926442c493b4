package dev.rewire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One value of a grid dimension: as TOML for the {@code --set} override it becomes, and as shown in
 * tables (a string without its quotes).
 *
 * @param toml the value in TOML syntax ({@code 0.02}, {@code "per-source"}, {@code {low = 1}})
 * @param shown the value in a table column
 */
public record GridValue(String toml, String shown) {
  private static final TomlMapper TOML = new TomlMapper();

  /** Whether the value is a whole table (a rule, a neuron model): named by a variant, not shown. */
  public boolean table() {
    return toml.startsWith("{");
  }

  /** A value read from a sweep file. */
  static GridValue of(JsonNode node) {
    if (node.isTextual()) {
      return new GridValue(quoted(node.asText()), node.asText());
    }
    if (node.isContainerNode()) {
      String inline = inlineToml(node);
      return new GridValue(inline, inline);
    }
    return new GridValue(node.asText(), node.asText());
  }

  /**
   * The values of {@code --grid path=V1,V2,...}: split at commas outside quotes, brackets, braces
   * and parentheses (a rule's function calls); each is a TOML value, or a bare word taken as a
   * string (as --set takes them).
   */
  public static List<GridValue> parseList(String what, String text) {
    List<GridValue> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '[' || c == '{' || c == '(')) {
        depth++;
      } else if (!quoted && (c == ']' || c == '}' || c == ')')) {
        depth--;
      }
      if (c == ',' && depth == 0 && !quoted) {
        out.add(parse(what, cur.toString()));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(parse(what, cur.toString()));
    return out;
  }

  private static GridValue parse(String what, String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      throw new SweepException(what + ": an empty value in the list; expected V1,V2,...");
    }
    try {
      JsonNode doc = TOML.readTree("v = " + v);
      if (doc != null && doc.size() == 1 && doc.get("v") != null) {
        JsonNode node = doc.get("v");
        return node.isTextual() ? new GridValue(v, node.asText()) : new GridValue(v, v);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException notToml) {
      // a bare word such as per-source
    }
    return new GridValue(quoted(v), v);
  }

  /** A TOML basic string: one line, so newlines (a rule's statements) are escaped too. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        .replace("\r", "\\r").replace("\t", "\\t") + "\"";
  }

  private static String inlineToml(JsonNode node) {
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{ ");
      node.fields().forEachRemaining(e -> sb.append(sb.length() > 2 ? ", " : "")
          .append(e.getKey()).append(" = ").append(inlineToml(e.getValue())));
      return sb.append(" }").toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      node.forEach(n -> sb.append(sb.length() > 1 ? ", " : "").append(inlineToml(n)));
      return sb.append("]").toString();
    }
    return node.isTextual() ? quoted(node.asText()) : node.asText();
  }
}
