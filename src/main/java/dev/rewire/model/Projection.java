package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewire.rule.Suggest;

/**
 * Synapses from a source (a neuron population or a Poisson input) onto a target neuron population.
 * A projection with {@code all_pairs} connectivity is stored as a potential set and may carry a
 * plasticity rule ({@code plasticity}, or {@code stdp}, the seed rule's shorthand) and
 * {@code structural}; a {@code fixed_probability} one is static.
 *
 * @param source name of a population or Poisson input
 * @param target name of a neuron population
 * @param receptor the variable of the target neurons' model that a spike adds its weight to
 *     ("g_ampa"; "ampa" and "gaba" are short for "g_ampa" and "g_gaba")
 * @param connectivity which synapses exist
 * @param weight initial weights [nS]
 * @param stdp the seed rule with these values (a shorthand for its plasticity table), or null
 * @param structural pruning and regrowth, or null for a fixed synapse set
 * @param plasticity a rule as equations, or null (static weights, or stdp)
 * @param delayMs time from a spike to the arrival of its weight [ms], a whole number of steps
 *     (default 0: the weight arrives in the spike's step, as Brian2 without a delay)
 */
public record Projection(
    @JsonProperty(required = true) String source,
    @JsonProperty(required = true) String target,
    @JsonProperty(required = true) String receptor,
    @JsonProperty(required = true) Connectivity connectivity,
    @JsonProperty(required = true) Weight weight,
    Stdp stdp,
    Structural structural,
    Plasticity plasticity,
    Double delayMs) {

  public Projection {
    Check.name("source", source);
    Check.name("target", target);
    Check.present("receptor", receptor);
    receptor = receptor.equals("ampa") ? "g_ampa" : receptor.equals("gaba") ? "g_gaba" : receptor;
    if (!receptor.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ModelException("receptor = '" + receptor + "' must name a variable of the target "
          + "neurons' model (e.g. \"g_ampa\")");
    }
    delayMs = delayMs == null ? 0.0 : delayMs;
    Check.nonNegative("delay_ms", delayMs, "ms");
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
    if (plasticity != null && connectivity.rule() != Connectivity.Rule.ALL_PAIRS) {
      throw new ModelException("plasticity needs connectivity.rule = \"all_pairs\" (plastic "
          + "synapses are stored as a potential set), got \"fixed_probability\"");
    }
    if (connectivity.rule() == Connectivity.Rule.ALL_PAIRS && weight.low() < 0) {
      throw new ModelException("weight must be >= 0 nS for all_pairs connectivity (its weights "
          + "may be plastic and pruned, and stay >= 0), got " + describe(weight) + "; a static "
          + "projection (fixed_probability) may have negative weights");
    }
    if (delayMs > 0 && (stdp != null || plasticity != null)) {
      throw new ModelException("delay_ms = " + Check.plain(delayMs) + ": a projection with a "
          + "plasticity rule has no delay (its rule runs when the spike arrives, which is when it "
          + "is emitted); give the delay to a static projection");
    }
    if (stdp != null && plasticity != null) {
      throw new ModelException(": give stdp (the seed rule's shorthand) or plasticity, not both");
    }
    if (stdp != null && weight.high() > stdp.gmax()) {
      throw new ModelException("weight.high must be <= stdp.gmax = " + stdp.gmax() + " nS, got "
          + weight.high());
    }
    if (structural != null && stdp != null && structural.regrowthWeight().high() > stdp.gmax()) {
      throw new ModelException("structural.regrowth_weight must be in [0, stdp.gmax = "
          + stdp.gmax() + "] nS, got " + describe(structural.regrowthWeight()));
    }
    Plasticity rule = plasticity != null ? plasticity : stdp != null ? Plasticity.of(stdp) : null;
    java.util.List<String> params = rule == null ? java.util.List.of() : rule.paramNames();
    java.util.Set<String> used = rule == null ? new java.util.HashSet<>() : rule.namesUsed();
    if (structural != null && structural.prune() != null) {
      try {
        dev.rewire.rule.Expr condition = dev.rewire.rule.Parser.expression(structural.prune());
        dev.rewire.rule.Checker.prune(condition, params);
        Rules.names(condition, used);
      } catch (dev.rewire.rule.RuleException e) {
        throw Rules.problem("structural.prune", e);
      }
    }
    if (plasticity != null) {
      for (String p : params) {
        if (!used.contains(p)) {
          throw new ModelException("plasticity.params." + p + " is used by no statement of "
              + "on_pre or on_post nor by structural.prune" + Suggest.didYouMean(p, used));
        }
      }
    }
  }

  /** A projection without a plasticity table (static weights, or the stdp shorthand). */
  public Projection(String source, String target, String receptor, Connectivity connectivity,
      Weight weight, Stdp stdp, Structural structural) {
    this(source, target, receptor, connectivity, weight, stdp, structural, null, null);
  }

  /** A projection without a delay. */
  public Projection(String source, String target, String receptor, Connectivity connectivity,
      Weight weight, Stdp stdp, Structural structural, Plasticity plasticity) {
    this(source, target, receptor, connectivity, weight, stdp, structural, plasticity, null);
  }

  /** The plasticity rule: the plasticity table, the rule stdp stands for, or null. */
  public Plasticity rule() {
    return plasticity != null ? plasticity : stdp != null ? Plasticity.of(stdp) : null;
  }

  private static String describe(Weight w) {
    return w.low() == w.high() ? Check.plain(w.low())
        : "{low = " + Check.plain(w.low()) + ", high = " + Check.plain(w.high()) + "}";
  }

  /** True for all_pairs connectivity: stored as a potential set with an active flag per synapse. */
  public boolean hasPotentialSet() {
    return connectivity.rule() == Connectivity.Rule.ALL_PAIRS;
  }
}
