package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of neurons of one model. Populations name sub-ranges of the group (E = [0, 400],
 * I = [400, 500] in seed-ei); projections refer to populations, not groups. The model is a
 * bundled one by name ({@code model = "adex"}), a table in the language, or a file
 * ({@code model = { file = "my-neuron.toml" }}; both resolved when the model file is read), and
 * the group may replace some of its params, per-neuron params and initial values. seed-ei's keys
 * ({@code gl_ns}, {@code el_mv}, ...) are the shorthand of the bundled {@code lif_cond}.
 *
 * @param size number of neurons
 * @param populations name to index range inside the group; together they cover the group exactly,
 *     without gaps or overlaps (a neuron that belongs to no population would be simulated and
 *     never reported)
 * @param model the neuron model, with the group's params, per-neuron params and initial values
 *     applied (after construction, the whole model; the fields below are then empty)
 * @param params the group's values for some of the model's params
 * @param perNeuron the group's per-neuron values for some of the model's params
 * @param variables the group's initial values for some of the model's variables
 * @param glNs lif_cond shorthand: leak conductance [nS] (gl)
 * @param elMv leak reversal, initial and reset potential [mV] (el)
 * @param eAmpaMv AMPA reversal potential [mV] (e_ampa)
 * @param eGabaMv GABA reversal potential [mV] (e_gaba)
 * @param vtMv spike threshold [mV] (vt)
 * @param cPf membrane capacitance [pF] (c)
 * @param tauAmpaMs AMPA conductance time constant [ms] (tau_ampa)
 * @param tauGabaMs GABA conductance time constant [ms] (tau_gaba)
 * @param refractoryMs refractory period [ms]; must be a whole number of steps
 */
@com.fasterxml.jackson.annotation.JsonInclude(
    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
public record NeuronGroup(
    @JsonProperty(required = true) int size,
    @JsonProperty(required = true) Map<String, IndexRange> populations,
    NeuronModel model,
    Map<String, Double> params,
    @JsonProperty("per_neuron") Map<String, Object> perNeuron,
    Map<String, Object> variables,
    Double glNs,
    Double elMv,
    Double eAmpaMv,
    Double eGabaMv,
    Double vtMv,
    Double cPf,
    Double tauAmpaMs,
    Double tauGabaMs,
    Double refractoryMs) {

  /** The lif_cond shorthand's keys, in the order they are checked. */
  private static final List<String> SHORTHAND = List.of("gl_ns", "el_mv", "e_ampa_mv",
      "e_gaba_mv", "vt_mv", "c_pf", "tau_ampa_ms", "tau_gaba_ms", "refractory_ms");

  public NeuronGroup {
    Check.positive("size", size);
    Check.present("populations", populations);
    if (populations.isEmpty()) {
      throw new ModelException("populations must name at least one range, got none");
    }
    populations = Collections.unmodifiableMap(new LinkedHashMap<>(populations));
    checkTiling(size, populations);
    Double[] shorthand = {glNs, elMv, eAmpaMv, eGabaMv, vtMv, cPf, tauAmpaMs, tauGabaMs,
        refractoryMs};
    boolean anyShorthand = java.util.Arrays.stream(shorthand).anyMatch(x -> x != null);
    if (anyShorthand) {
      if (model != null) {
        throw new ModelException(": give model or lif_cond's shorthand keys (" + String.join(", ",
            SHORTHAND) + "), not both");
      }
      for (int k = 0; k < shorthand.length; k++) {
        Check.present(SHORTHAND.get(k), shorthand[k]);
      }
      model = lifCond(glNs, elMv, eAmpaMv, eGabaMv, vtMv, cPf, tauAmpaMs, tauGabaMs,
          refractoryMs);
    } else if (model == null) {
      throw new ModelException("model is required: a bundled model's name (" + String.join(", ",
          NeuronModels.NAMES) + "), a model table, or { file = \"my-neuron.toml\" }; or "
          + "lif_cond's shorthand keys " + String.join(", ", SHORTHAND));
    }
    Map<String, Object> groupPerNeuron = perNeuron == null ? Map.of() : perNeuron;
    model = model.with(params == null ? Map.of() : params, groupPerNeuron,
        variables == null ? Map.of() : variables);
    try {
      model.checkLists(size);
    } catch (ModelException e) { // name the table the list is in: the group's or its model's
      throw groupPerNeuron.keySet().stream().anyMatch(k -> e.getMessage().startsWith(
          "per_neuron." + k + " ")) ? e : new ModelException("model." + e.getMessage());
    }
    params = Map.of();
    perNeuron = Map.of();
    variables = Map.of();
    glNs = elMv = eAmpaMv = eGabaMv = vtMv = cPf = tauAmpaMs = tauGabaMs = refractoryMs = null;
  }

  /** A group of {@code model} neurons. */
  public NeuronGroup(int size, Map<String, IndexRange> populations, NeuronModel model) {
    this(size, populations, model, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /** A lif_cond group with seed-ei's parameters written out (the shorthand). */
  public static NeuronGroup lifCond(int size, Map<String, IndexRange> populations, double glNs,
      double elMv, double eAmpaMv, double eGabaMv, double vtMv, double cPf, double tauAmpaMs,
      double tauGabaMs, double refractoryMs) {
    return new NeuronGroup(size, populations, null, null, null, null, glNs, elMv, eAmpaMv,
        eGabaMv, vtMv, cPf, tauAmpaMs, tauGabaMs, refractoryMs);
  }

  /**
   * The bundled lif_cond with the shorthand's values; the checks of the shorthand's fields (and
   * their messages) are those it always had.
   */
  private static NeuronModel lifCond(double gl, double el, double eAmpa, double eGaba, double vt,
      double c, double tauAmpa, double tauGaba, double refractory) {
    Check.positive("gl_ns", gl, "nS");
    Check.finite("el_mv", el);
    Check.finite("e_ampa_mv", eAmpa);
    Check.finite("e_gaba_mv", eGaba);
    Check.finite("vt_mv", vt);
    if (!(vt > el)) {
      throw new ModelException("vt_mv must be above el_mv = " + el + " mV, got " + vt);
    }
    Check.positive("c_pf", c, "pF");
    Check.positive("tau_ampa_ms", tauAmpa, "ms");
    Check.positive("tau_gaba_ms", tauGaba, "ms");
    Check.nonNegative("refractory_ms", refractory, "ms");
    NeuronModel m = NeuronModels.bundled("lif_cond");
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("c", c);
    p.put("gl", gl);
    p.put("el", el);
    p.put("e_ampa", eAmpa);
    p.put("e_gaba", eGaba);
    p.put("vt", vt);
    p.put("tau_ampa", tauAmpa);
    p.put("tau_gaba", tauGaba);
    NeuronModel withParams = m.with(p, Map.of(), Map.of());
    return new NeuronModel(withParams.params(), withParams.perNeuron(), withParams.variables(),
        withParams.equations(), withParams.method(), withParams.threshold(), withParams.reset(),
        refractory, withParams.clamped(), withParams.bounds(), withParams.units());
  }

  /** The ranges, sorted by start, must follow each other from 0 to size. */
  private static void checkTiling(int size, Map<String, IndexRange> populations) {
    List<Map.Entry<String, IndexRange>> sorted = new ArrayList<>();
    for (Map.Entry<String, IndexRange> p : populations.entrySet()) {
      Check.name("populations", p.getKey());
      IndexRange r = Check.present("populations." + p.getKey(), p.getValue());
      if (r.end() > size) {
        throw new ModelException("populations." + p.getKey() + " = " + show(r)
            + " must lie inside the group of size " + size);
      }
      sorted.add(p);
    }
    sorted.sort(Comparator.comparingInt(e -> e.getValue().start()));
    int covered = 0;
    Map.Entry<String, IndexRange> previous = null;
    for (Map.Entry<String, IndexRange> p : sorted) {
      IndexRange r = p.getValue();
      if (r.start() < covered) {
        throw new ModelException("populations." + p.getKey() + " = " + show(r)
            + " overlaps another population (" + previous.getKey() + " = "
            + show(previous.getValue()) + ") at [" + r.start() + ", "
            + Math.min(covered, r.end()) + ")");
      }
      if (r.start() > covered) {
        throw gap(size, covered, r.start(), populations);
      }
      covered = r.end();
      previous = p;
    }
    if (covered < size) {
      throw gap(size, covered, size, populations);
    }
  }

  private static ModelException gap(int size, int from, int to, Map<String, IndexRange> pops) {
    StringBuilder given = new StringBuilder();
    pops.forEach((name, r) -> given.append(given.length() == 0 ? "" : ", ").append(name)
        .append(" = ").append(show(r)));
    return new ModelException("populations must cover the group of size " + size + " without "
        + "gaps or overlaps; neurons [" + from + ", " + to + ") belong to no population (given: "
        + given + ")");
  }

  private static String show(IndexRange r) {
    return "[" + r.start() + ", " + r.end() + "]";
  }
}
