package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which synapses a projection has.
 *
 * <ul>
 *   <li>{@code fixed_probability}: each (source, target) pair is connected with probability p, once,
 *       at the start; the set never changes (static projections).
 *   <li>{@code all_pairs}: every pair is a <em>potential</em> synapse; each is active at the start with
 *       probability p, and structural plasticity moves synapses between active and inactive.
 * </ul>
 *
 * <p>{@code exclude_same_index} drops the pairs whose indices <em>inside their own populations</em>
 * are equal. seed-ei sets it on E→E, I→I, E→I and I→E because its Brian2 code wrote
 * {@code condition='i != j'} on them: for E→E and I→I that excludes autapses, and for E→I and I→E
 * it also drops I-neuron k ↔ E-neuron k for k &lt; 100, which is what the user ran.
 *
 * @param rule fixed_probability or all_pairs
 * @param p connection probability, or initially active fraction for all_pairs
 * @param excludeSameIndex drop pairs with equal local indices (default false)
 */
public record Connectivity(
    @JsonProperty(required = true) Rule rule,
    @JsonProperty(required = true) double p,
    Boolean excludeSameIndex) {

  /** How the synapse set is drawn; see {@link Connectivity}. */
  public enum Rule {
    @JsonProperty("fixed_probability")
    FIXED_PROBABILITY,
    @JsonProperty("all_pairs")
    ALL_PAIRS
  }

  public Connectivity {
    Check.present("rule", rule);
    Check.probability("p", p);
    excludeSameIndex = excludeSameIndex != null && excludeSameIndex;
  }

  public Connectivity(Rule rule, double p, boolean excludeSameIndex) {
    this(rule, p, Boolean.valueOf(excludeSameIndex));
  }

  /** Same as {@link #excludeSameIndex()}, unboxed. */
  public boolean excludesSameIndex() {
    return excludeSameIndex;
  }
}
