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
 * <p>{@code storage} says how an all_pairs projection keeps its synapses: {@code slots} (a slot per
 * possible pair, each active or not; regrowth ranks the inactive slots), {@code active} (the active
 * synapses only, memory in proportion to them; regrowth draws pairs uniformly and rejects those that
 * are connected) or, when absent, whichever suits the size: slots up to
 * {@link #AUTO_SLOTS_LIMIT} possible pairs, active beyond. The two draw different (equally
 * distributed) networks from one seed.
 *
 * @param rule fixed_probability or all_pairs
 * @param p connection probability, or initially active fraction for all_pairs
 * @param excludeSameIndex drop pairs with equal local indices (default false)
 * @param storage slots or active for all_pairs, null for the size's choice
 */
@com.fasterxml.jackson.annotation.JsonInclude(
    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Connectivity(
    @JsonProperty(required = true) Rule rule,
    @JsonProperty(required = true) double p,
    Boolean excludeSameIndex,
    Storage storage) {

  /**
   * Possible pairs up to which an all_pairs projection without a storage keeps a slot per pair
   * (4 Mi pairs, about 120 MB of slots): the seed-ei family up to 2000 neurons.
   */
  public static final long AUTO_SLOTS_LIMIT = 1L << 22;

  /** How an all_pairs projection stores its synapses; see {@link Connectivity}. */
  public enum Storage {
    @JsonProperty("slots")
    SLOTS,
    @JsonProperty("active")
    ACTIVE
  }

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
    if (storage != null && rule != Rule.ALL_PAIRS) {
      throw new ModelException("storage = \"" + storage.name().toLowerCase(java.util.Locale.ROOT)
          + "\" needs rule = \"all_pairs\" (a fixed_probability projection stores its synapses "
          + "once); remove it");
    }
  }

  public Connectivity(Rule rule, double p, boolean excludeSameIndex) {
    this(rule, p, Boolean.valueOf(excludeSameIndex), null);
  }

  /**
   * Whether an all_pairs projection of {@code pairs} possible pairs keeps its active synapses only
   * (else a slot per pair).
   */
  public boolean activeOnly(long pairs) {
    return storage == null ? pairs > AUTO_SLOTS_LIMIT : storage == Storage.ACTIVE;
  }

  /** Same as {@link #excludeSameIndex()}, unboxed. */
  public boolean excludesSameIndex() {
    return excludeSameIndex;
  }
}
