package dev.rewire.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rewire.rule.Suggest;
import java.util.stream.Collectors;

/**
 * Jackson's exceptions about a model file in the words of a model file: the dotted path of the
 * field, the value given and what was expected, the closest known key for a misspelt one.
 */
final class ModelMessages {
  private ModelMessages() {}

  static String describe(JsonProcessingException e, JsonNode root) {
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
        return path + ": expected " + typeName(m.getTargetType()) + ", got "
            + given(msg, valueAt(root, path));
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
    com.fasterxml.jackson.databind.JavaType type = ModelFile.mapper().constructType(Model.class);
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
  static java.util.Map<String, com.fasterxml.jackson.databind.JavaType> knownKeys(
      com.fasterxml.jackson.databind.JavaType type) {
    PropertyNamingStrategies.NamingBase snake =
        (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    java.util.Map<String, com.fasterxml.jackson.databind.JavaType> out =
        new java.util.LinkedHashMap<>();
    for (var p : ModelFile.mapper().getDeserializationConfig().introspect(type).findProperties()) {
      out.put(p.isExplicitlyNamed() ? p.getName() : snake.translate(p.getName()),
          p.getPrimaryType());
    }
    return out;
  }

  /** The scalar at {@code path} (dotted keys) of the model's tree, or null. */
  private static JsonNode valueAt(JsonNode root, String path) {
    JsonNode node = root;
    for (String key : path.isEmpty() ? new String[0] : path.split("\\.")) {
      node = node == null ? null : node.get(key);
    }
    return node != null && node.isValueNode() ? node : null;
  }

  /**
   * What was found, in the words of a model file: the value itself when it is a number or a
   * boolean, else its kind from Jackson's message ("from Boolean value"), a string with its text.
   */
  private static String given(String jacksonMessage, JsonNode value) {
    if (value != null && (value.isNumber() || value.isBoolean())) {
      return value.toString();
    }
    String kind = given(jacksonMessage);
    return value != null && value.isTextual() && kind.equals("a string")
        ? "a string, " + quote(value.asText()) : kind;
  }

  /** What Jackson says it found ("from Boolean value"), in the words of a model file. */
  private static String given(String jacksonMessage) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:from|coerce) ([\\w-]+) value")
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

  static String locationOf(JacksonException e) {
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
