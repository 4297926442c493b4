package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewire.rule.Parser;
import dev.rewire.rule.RuleException;

/**
 * Structural plasticity (docs/design.md, section 1): every period, at t = 0, period, 2·period, …
 * and before anything else in that step, the active synapses that meet the prune condition
 * ({@code threshold}: weight below it; or {@code prune}: a condition on w and the plasticity
 * rule's params) are pruned and as many inactive ones are activated with the regrowth weight, drawn
 * uniformly without replacement among those that were inactive before the call (so a synapse
 * pruned in a call is never regrown in it).
 *
 * @param periodMs time between calls [ms]; a whole number of steps
 * @param threshold prune active synapses with weight below this [nS]; or null, with prune
 * @param prune the prune condition, e.g. {@code "w < 0.005"}; or null, with threshold
 * @param mode global: regrow anywhere in the projection; per-source: each source neuron regrows as
 *     many as it lost, among its own inactive synapses
 * @param regrowthWeight weight of a regrown synapse [nS]: a number, or {low, high} for a uniform
 *     draw per regrown synapse
 */
public record Structural(
    @JsonProperty(required = true) double periodMs,
    Double threshold,
    String prune,
    @JsonProperty(required = true) Mode mode,
    @JsonProperty(required = true) Weight regrowthWeight) {

  /** Where regrown synapses may be placed. */
  public enum Mode {
    @JsonProperty("global")
    GLOBAL,
    @JsonProperty("per-source")
    PER_SOURCE
  }

  public Structural {
    Check.positive("period_ms", periodMs, "ms");
    if (threshold == null && prune == null) {
      throw new ModelException("threshold is required (prune below it, nS), or prune (a "
          + "condition on w, e.g. \"w < 0.005\")");
    }
    if (threshold != null && prune != null) {
      throw new ModelException(": give threshold or prune, not both (threshold = x is prune = "
          + "\"w < x\")");
    }
    if (threshold != null) {
      Check.nonNegative("threshold", threshold, "nS");
    } else {
      try {
        Parser.expression(prune);
      } catch (RuleException e) {
        throw Rules.problem("prune", e);
      }
    }
    Check.present("mode", mode);
    Check.present("regrowth_weight", regrowthWeight);
    if (regrowthWeight.low() < 0) {
      throw new ModelException("regrowth_weight must be >= 0 nS, got low = "
          + Check.plain(regrowthWeight.low()));
    }
  }

  /** A threshold rule with a constant regrowth weight. */
  public Structural(double periodMs, double threshold, Mode mode, double regrowthWeight) {
    this(periodMs, threshold, null, mode, Weight.constant(regrowthWeight));
  }
}
