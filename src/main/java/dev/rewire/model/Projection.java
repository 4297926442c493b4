package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Synapses from a source (a neuron population or a Poisson input) onto a target neuron population.
 * A projection with {@code all_pairs} connectivity is stored as a potential set and may carry
 * {@code stdp} and {@code structural}; a {@code fixed_probability} one is static.
 *
 * @param source name of a population or Poisson input
 * @param target name of a neuron population
 * @param receptor the conductance it feeds (ampa or gaba)
 * @param connectivity which synapses exist
 * @param weight initial weights [nS]
 * @param stdp plasticity rule, or null for static weights
 * @param structural pruning and regrowth, or null for a fixed synapse set
 */
public record Projection(
    @JsonProperty(required = true) String source,
    @JsonProperty(required = true) String target,
    @JsonProperty(required = true) Receptor receptor,
    @JsonProperty(required = true) Connectivity connectivity,
    @JsonProperty(required = true) Weight weight,
    Stdp stdp,
    Structural structural) {

  public Projection {
    Check.name("source", source);
    Check.name("target", target);
    Check.present("receptor", receptor);
    Check.present("connectivity", connectivity);
    Check.present("weight", weight);
    if (structural != null && connectivity.rule() != Connectivity.Rule.ALL_PAIRS) {
      throw new ModelException("structural needs connectivity.rule = \"all_pairs\" (the potential "
          + "set to rewire within), got \"fixed_probability\"");
    }
    if (stdp != null && connectivity.rule() != Connectivity.Rule.ALL_PAIRS) {
      throw new ModelException("stdp needs connectivity.rule = \"all_pairs\" (plastic synapses are "
          + "stored as a potential set), got \"fixed_probability\"");
    }
    if (stdp != null && weight.high() > stdp.gmax()) {
      throw new ModelException("weight.high must be <= stdp.gmax = " + stdp.gmax() + " nS, got "
          + weight.high());
    }
    if (structural != null && stdp != null && structural.regrowthWeight() > stdp.gmax()) {
      throw new ModelException("structural.regrowth_weight must be in [0, stdp.gmax = "
          + stdp.gmax() + "] nS, got " + structural.regrowthWeight());
    }
  }

  /** True for all_pairs connectivity: stored as a potential set with an active flag per synapse. */
  public boolean hasPotentialSet() {
    return connectivity.rule() == Connectivity.Rule.ALL_PAIRS;
  }
}
