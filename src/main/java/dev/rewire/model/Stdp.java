package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 4-trace STDP rule of seed-ei (docs/design.md, section 1). Each neuron carries a "plus" and a
 * "minus" trace per projection and side, which jump by 1 at its spikes and decay with tau_plus and
 * tau_minus:
 *
 * <pre>
 *   on pre spike:  w = clip(w + lr * (alpha_pre  + a_plus * post_plus + a_minus * post_minus), 0, gmax)
 *   on post spike: w = clip(w + lr * (alpha_post + a_plus * pre_plus  + a_minus * pre_minus),  0, gmax)
 * </pre>
 *
 * @param lr learning rate
 * @param gmax upper weight bound [nS]
 * @param alphaPre constant weight change at a pre spike (before lr)
 * @param alphaPost constant weight change at a post spike (before lr)
 * @param aPlus factor of the plus traces
 * @param aMinus factor of the minus traces
 * @param tauPlusMs time constant of the plus traces [ms]
 * @param tauMinusMs time constant of the minus traces [ms]
 */
public record Stdp(
    @JsonProperty(required = true) double lr,
    @JsonProperty(required = true) double gmax,
    @JsonProperty(required = true) double alphaPre,
    @JsonProperty(required = true) double alphaPost,
    @JsonProperty(required = true) double aPlus,
    @JsonProperty(required = true) double aMinus,
    @JsonProperty(required = true) double tauPlusMs,
    @JsonProperty(required = true) double tauMinusMs) {

  public Stdp {
    Check.nonNegative("lr", lr, "");
    Check.positive("gmax", gmax, "nS");
    Check.finite("alpha_pre", alphaPre);
    Check.finite("alpha_post", alphaPost);
    Check.finite("a_plus", aPlus);
    Check.finite("a_minus", aMinus);
    Check.positive("tau_plus_ms", tauPlusMs, "ms");
    Check.positive("tau_minus_ms", tauMinusMs, "ms");
  }
}
