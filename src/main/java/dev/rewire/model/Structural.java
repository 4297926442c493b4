package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Structural plasticity (docs/design.md, section 1): every period, at t = 0, period, 2·period, …
 * and before anything else in that step, the active synapses with weight below the threshold are
 * pruned and as many inactive ones are activated with the regrowth weight, drawn uniformly without
 * replacement among those that were inactive before the call (so a synapse pruned in a call is
 * never regrown in it).
 *
 * @param periodMs time between calls [ms]; a whole number of steps
 * @param threshold prune active synapses with weight below this [nS]
 * @param mode global: regrow anywhere in the projection; per-source: each source neuron regrows as
 *     many as it lost, among its own inactive synapses
 * @param regrowthWeight weight of a regrown synapse [nS]
 */
public record Structural(
    @JsonProperty(required = true) double periodMs,
    @JsonProperty(required = true) double threshold,
    @JsonProperty(required = true) Mode mode,
    @JsonProperty(required = true) double regrowthWeight) {

  /** Where regrown synapses may be placed. */
  public enum Mode {
    @JsonProperty("global")
    GLOBAL,
    @JsonProperty("per-source")
    PER_SOURCE
  }

  public Structural {
    Check.positive("period_ms", periodMs, "ms");
    Check.nonNegative("threshold", threshold, "nS");
    Check.present("mode", mode);
    Check.nonNegative("regrowth_weight", regrowthWeight, "nS");
  }
}
