package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group of conductance-based LIF neurons sharing parameters (DESIGN.md §1):
 * {@code C dv/dt = -gl (v - el) - g_ampa (v - e_ampa) - g_gaba (v - e_gaba)}, exponential synaptic
 * conductances, threshold {@code vt}, reset to {@code el}, and a refractory period during which v is
 * frozen. Populations name sub-ranges of the group (E = [0, 400], I = [400, 500] in seed-ei);
 * projections refer to populations, not groups.
 *
 * @param size number of neurons
 * @param populations name to index range inside the group; the ranges may not overlap
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
    boolean[] used = new boolean[size];
    for (Map.Entry<String, IndexRange> p : populations.entrySet()) {
      Check.name("populations", p.getKey());
      IndexRange r = Check.present("populations." + p.getKey(), p.getValue());
      if (r.end() > size) {
        throw new ModelException("populations." + p.getKey() + " = [" + r.start() + ", " + r.end()
            + "] must lie inside the group of size " + size);
      }
      for (int i = r.start(); i < r.end(); i++) {
        if (used[i]) {
          throw new ModelException("populations." + p.getKey() + " = [" + r.start() + ", " + r.end()
              + "] overlaps another population at index " + i);
        }
        used[i] = true;
      }
    }
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
}
