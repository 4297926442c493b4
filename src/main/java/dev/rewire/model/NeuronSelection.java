package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.rule.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which neurons a recording samples. In a model file:
 *
 * <ul>
 *   <li>{@code "E"}: every neuron of population E;
 *   <li>{@code { population = "E", from = 0, to = 10 }}: neurons [from, to) counted inside
 *       population E ({@code from} and {@code to} optional: its start and end);
 *   <li>{@code { from = 0, to = 400 }}: the neurons with global indices [from, to) (a group's
 *       neurons are numbered from 0 in model order, groups one after another);
 *   <li>{@code [0, 17, 450]}: exactly these global indices.
 * </ul>
 *
 * Exactly one of {@code population} (with its range), {@code from}/{@code to} without a
 * population, and {@code indices} is given; ranges are half-open, like population ranges. Messages
 * start with ":" or ".", to follow the path of the field ("recording.state.neurons: ...").
 */
public record NeuronSelection(String population, Integer from, Integer to,
    List<Integer> indices) {

  private static final String EXPECTED = "a population name, a table { population = \"E\", "
      + "from = 0, to = 10 } or { from = 0, to = 400 } (global indices, to excluded), or a list "
      + "of global neuron indices";

  public NeuronSelection {
    indices = indices == null ? null : List.copyOf(indices);
    if (indices != null && (population != null || from != null || to != null)) {
      throw new ModelException(": a list of indices takes no population, from or to");
    }
    if (indices == null && population == null && (from == null || to == null)) {
      throw new ModelException(": a global range needs both from and to, got from = "
          + from + ", to = " + to);
    }
    if (from != null && from < 0 || from != null && to != null && to <= from) {
      throw new ModelException(": expected 0 <= from < to, got from = " + from + ", to = "
          + to);
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static NeuronSelection of(JsonNode node) {
    if (node.isTextual()) {
      return new NeuronSelection(node.asText(), null, null, null);
    }
    if (node.isArray()) {
      List<Integer> list = new ArrayList<>();
      for (JsonNode n : node) {
        if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
          throw new ModelException(": expected " + EXPECTED + ", got a list holding " + n);
        }
        list.add(n.asInt());
      }
      if (list.isEmpty()) {
        throw new ModelException(": an empty list selects no neuron; expected " + EXPECTED);
      }
      return new NeuronSelection(null, null, null, list);
    }
    if (node.isObject()) {
      for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!Set.of("population", "from", "to").contains(key)) {
          throw new ModelException(": unknown key '" + key + "'" + Suggest.didYouMean(key,
              List.of("population", "from", "to")) + "; expected " + EXPECTED);
        }
      }
      JsonNode pop = node.get("population");
      if (pop != null && !pop.isTextual()) {
        throw new ModelException(".population: expected a population name, got " + pop);
      }
      return new NeuronSelection(pop == null ? null : pop.asText(), integer(node, "from"),
          integer(node, "to"), null);
    }
    throw new ModelException(": expected " + EXPECTED + ", got " + node);
  }

  private static Integer integer(JsonNode table, String key) {
    JsonNode n = table.get(key);
    if (n == null) {
      return null;
    }
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
      throw new ModelException("." + key + ": expected an integer, got " + n);
    }
    return n.asInt();
  }

  /**
   * The global indices selected, in order. {@code start} and {@code size} give the global range of
   * the named population (unused otherwise); {@code neurons} is the size of the whole index space.
   * Throws a ModelException for indices outside it.
   */
  public int[] resolve(int start, int size, int neurons) {
    if (indices != null) {
      for (int n : indices) {
        if (n < 0 || n >= neurons) {
          throw new ModelException(": " + n + " is not a neuron index in [0, " + neurons
              + ")");
        }
      }
      return indices.stream().mapToInt(Integer::intValue).toArray();
    }
    int lo = from == null ? 0 : from;
    int hi = to == null ? size : to;
    int base = population == null ? 0 : start;
    int limit = population == null ? neurons : size;
    if (hi > limit) {
      throw new ModelException(": to = " + hi + " lies beyond the "
          + (population == null ? neurons + " neurons of the model"
              : size + " neurons of population " + population));
    }
    int[] out = new int[hi - lo];
    for (int k = 0; k < out.length; k++) {
      out[k] = base + lo + k;
    }
    return out;
  }
}
