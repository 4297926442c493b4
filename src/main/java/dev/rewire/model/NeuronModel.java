package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewire.neuron.Init;
import dev.rewire.neuron.NeuronCode;
import dev.rewire.neuron.NeuronCompiler;
import dev.rewire.neuron.NeuronException;
import dev.rewire.neuron.NeuronSource;
import dev.rewire.rule.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A neuron model written as equations (README, "Neuron models"): params, state variables with their
 * initial values, differential equations, a spike threshold, a reset, a refractory period during
 * which the {@code clamped} variables are held, and optional bounds for the numerical guard. A
 * bundled model ({@code models/*.toml}) is such a table too. Checked when it is read: every name,
 * every expression's form, each equation against its method.
 *
 * @param params constants [the model's units], each settable with --set and sweepable
 * @param perNeuron params with a value per neuron: a list, or an expression drawn at set-up
 *     (values are {@code Double}, {@code List<Double>} or {@code String})
 * @param variables state variables and their initial values: numbers or expressions
 *     ({@code Double} or {@code String})
 * @param equations {@code dx/dt = ...} per line, each optionally with {@code : method}
 * @param method the method of an equation that names none (default euler)
 * @param threshold the spike condition, on the variables after the step's update
 * @param reset statements run at a spike (default none)
 * @param refractoryMs time after a spike during which the neuron cannot spike [ms] (default 0)
 * @param clamped variables held while refractory (default none)
 * @param bounds per variable, [low, high]: the numerical guard stops a run whose variable leaves
 *     them; every variable must stay finite in any case
 * @param units per variable, its unit for messages and recorded state ("mV"; the model's units
 *     are rewire's: ms, mV, nS, pF, pA, Hz)
 */
public record NeuronModel(
    Map<String, Double> params,
    @JsonProperty("per_neuron") Map<String, Object> perNeuron,
    @JsonProperty(required = true) Map<String, Object> variables,
    String equations,
    String method,
    @JsonProperty(required = true) String threshold,
    String reset,
    Double refractoryMs,
    List<String> clamped,
    Map<String, List<Double>> bounds,
    Map<String, String> units) {

  public NeuronModel {
    params = copy(params);
    for (Map.Entry<String, Double> e : params.entrySet()) {
      Check.present("params." + e.getKey(), e.getValue());
      Check.finite("params." + e.getKey(), e.getValue());
    }
    perNeuron = normalise("per_neuron", perNeuron, true);
    variables = normalise("variables", Check.present("variables", variables), false);
    equations = equations == null ? "" : equations;
    method = method == null ? "euler" : method;
    Check.present("threshold", threshold);
    reset = reset == null ? "" : reset;
    refractoryMs = refractoryMs == null ? 0.0 : refractoryMs;
    Check.nonNegative("refractory_ms", refractoryMs, "ms");
    clamped = clamped == null ? List.of() : List.copyOf(clamped);
    bounds = bounds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
    for (Map.Entry<String, List<Double>> b : bounds.entrySet()) {
      String where = "bounds." + b.getKey();
      if (!variables.containsKey(b.getKey())) {
        throw new ModelException(where + ": '" + b.getKey() + "' is not a variable of the model"
            + Suggest.didYouMean(b.getKey(), variables.keySet()));
      }
      List<Double> lh = b.getValue();
      if (lh == null || lh.size() != 2 || lh.get(0) == null || lh.get(1) == null
          || lh.get(0).isNaN() || lh.get(1).isNaN() || !(lh.get(0) <= lh.get(1))) {
        throw new ModelException(where + " must be [low, high] with low <= high, got " + lh);
      }
    }
    units = copy(units);
    for (String u : units.keySet()) {
      if (!variables.containsKey(u)) {
        throw new ModelException("units." + u + ": '" + u + "' is not a variable of the model"
            + Suggest.didYouMean(u, variables.keySet()));
      }
    }
    compile(params, perNeuron, variables, equations, method, threshold, reset, clamped);
  }

  /** The model compiled (see {@link NeuronCode}). */
  public NeuronCode code() {
    return compile(params, perNeuron, variables, equations, method, threshold, reset, clamped);
  }

  /** This model with some params, per-neuron params and initial values replaced. */
  public NeuronModel with(Map<String, Double> newParams, Map<String, Object> newPerNeuron,
      Map<String, Object> newVariables) {
    Map<String, Double> p = new LinkedHashMap<>(params);
    for (Map.Entry<String, Double> e : newParams.entrySet()) {
      if (!params.containsKey(e.getKey()) && !perNeuron.containsKey(e.getKey())) {
        throw new ModelException("params." + e.getKey() + ": the model has no param '"
            + e.getKey() + "'" + Suggest.didYouMean(e.getKey(), params.keySet()) + "; its params: "
            + String.join(", ", params.keySet()));
      }
      p.put(e.getKey(), e.getValue());
    }
    Map<String, Object> pn = new LinkedHashMap<>(perNeuron);
    for (Map.Entry<String, Object> e : newPerNeuron.entrySet()) {
      if (!params.containsKey(e.getKey()) && !perNeuron.containsKey(e.getKey())) {
        throw new ModelException("per_neuron." + e.getKey() + ": the model has no param '"
            + e.getKey() + "'" + Suggest.didYouMean(e.getKey(), params.keySet()) + "; its params: "
            + String.join(", ", params.keySet()));
      }
      pn.put(e.getKey(), e.getValue());
    }
    Map<String, Object> v = new LinkedHashMap<>(variables);
    for (Map.Entry<String, Object> e : newVariables.entrySet()) {
      if (!variables.containsKey(e.getKey())) {
        throw new ModelException("variables." + e.getKey() + ": the model has no variable '"
            + e.getKey() + "'" + Suggest.didYouMean(e.getKey(), variables.keySet())
            + "; its variables: " + String.join(", ", variables.keySet()));
      }
      v.put(e.getKey(), e.getValue());
    }
    return new NeuronModel(p, pn, v, equations, method, threshold, reset, refractoryMs, clamped,
        bounds, units);
  }

  /** Per-neuron params given as lists, and the list lengths ({@code size} expected). */
  void checkLists(int size) {
    for (Map.Entry<String, Object> e : perNeuron.entrySet()) {
      if (e.getValue() instanceof List<?> list && list.size() != size) {
        throw new ModelException("per_neuron." + e.getKey() + " has " + list.size() + " values "
            + "for a group of " + size + " neurons; expected " + size);
      }
    }
  }

  private static NeuronCode compile(Map<String, Double> params, Map<String, Object> perNeuron,
      Map<String, Object> variables, String equations, String method, String threshold,
      String reset, List<String> clamped) {
    try {
      return NeuronCompiler.compile(new NeuronSource(params, inits(perNeuron), inits(variables),
          equations, method, threshold, reset, clamped));
    } catch (NeuronException e) {
      if (e.rule() != null) {
        throw Rules.problem(e.field(), e.rule());
      }
      throw new ModelException(e.getMessage());
    }
  }

  private static Map<String, Init> inits(Map<String, Object> values) {
    Map<String, Init> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v instanceof Double d ? new Init.Value(d)
        : v instanceof String s ? new Init.Expression(s)
        : new Init.Values(((List<?>) v).stream().mapToDouble(x -> (Double) x).toArray())));
    return out;
  }

  /** Values as Double, String or (for per-neuron params) List of Double. */
  private static Map<String, Object> normalise(String table, Map<String, Object> values,
      boolean lists) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (values == null) {
      return Map.of();
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String where = table + "." + e.getKey();
      Object v = e.getValue();
      if (v instanceof Number n) {
        out.put(e.getKey(), n.doubleValue());
      } else if (v instanceof String s) {
        out.put(e.getKey(), s);
      } else if (lists && v instanceof List<?> list) {
        List<Double> numbers = new ArrayList<>();
        for (Object x : list) {
          if (!(x instanceof Number n)) {
            throw new ModelException(where + ": expected a list of numbers, got an element "
                + (x == null ? "null" : "'" + x + "'"));
          }
          numbers.add(n.doubleValue());
        }
        out.put(e.getKey(), List.copyOf(numbers));
      } else {
        throw new ModelException(where + ": expected a number" + (lists ? ", a list of numbers"
            : "") + " or an expression (a string), got " + (v == null ? "nothing" : v));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static <V> Map<String, V> copy(Map<String, V> m) {
    return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
