package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of conductance-based LIF neurons sharing parameters (docs/design.md, section 1):
 * {@code C dv/dt = -gl (v - el) - g_ampa (v - e_ampa) - g_gaba (v - e_gaba)}, exponential synaptic
 * conductances, threshold {@code vt}, reset to {@code el}, and a refractory period during which v is
 * frozen. Populations name sub-ranges of the group (E = [0, 400], I = [400, 500] in seed-ei);
 * projections refer to populations, not groups.
 *
 * @param size number of neurons
 * @param populations name to index range inside the group; together they cover the group exactly,
 *     without gaps or overlaps (a neuron that belongs to no population would be simulated and
 *     never reported)
 * @param glNs leak conductance [nS]
 * @param elMv leak reversal, initial and reset potential [mV]
 * @param eAmpaMv AMPA reversal potential [mV] (0 in seed-ei)
 * @param eGabaMv GABA reversal potential [mV]
 * @param vtMv spike threshold [mV]
 * @param cPf membrane capacitance [pF]
 * @param tauAmpaMs AMPA conductance time constant [ms]
 * @param tauGabaMs GABA conductance time constant [ms]
 * @param refractoryMs refractory period [ms]; must be a whole number of steps
 */
public record NeuronGroup(
    @JsonProperty(required = true) int size,
    @JsonProperty(required = true) Map<String, IndexRange> populations,
    @JsonProperty(required = true) double glNs,
    @JsonProperty(required = true) double elMv,
    @JsonProperty(required = true) double eAmpaMv,
    @JsonProperty(required = true) double eGabaMv,
    @JsonProperty(required = true) double vtMv,
    @JsonProperty(required = true) double cPf,
    @JsonProperty(required = true) double tauAmpaMs,
    @JsonProperty(required = true) double tauGabaMs,
    @JsonProperty(required = true) double refractoryMs) {

  public NeuronGroup {
    Check.positive("size", size);
    Check.present("populations", populations);
    if (populations.isEmpty()) {
      throw new ModelException("populations must name at least one range, got none");
    }
    populations = Collections.unmodifiableMap(new LinkedHashMap<>(populations));
    checkTiling(size, populations);
    Check.positive("gl_ns", glNs, "nS");
    Check.finite("el_mv", elMv);
    Check.finite("e_ampa_mv", eAmpaMv);
    Check.finite("e_gaba_mv", eGabaMv);
    Check.finite("vt_mv", vtMv);
    if (!(vtMv > elMv)) {
      throw new ModelException("vt_mv must be above el_mv = " + elMv + " mV, got " + vtMv);
    }
    Check.positive("c_pf", cPf, "pF");
    Check.positive("tau_ampa_ms", tauAmpaMs, "ms");
    Check.positive("tau_gaba_ms", tauGabaMs, "ms");
    Check.nonNegative("refractory_ms", refractoryMs, "ms");
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
