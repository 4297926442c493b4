package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Initial weight of each synapse, uniform in [low, high] nS; a plain number in a model file means
 * low = high (a constant weight). An arriving spike adds weight × 1 nS to the target's conductance.
 */
public record Weight(
    @JsonProperty(required = true) double low,
    @JsonProperty(required = true) double high) {

  public Weight {
    Check.nonNegative("low", low, "nS");
    Check.nonNegative("high", high, "nS");
    if (high < low) {
      throw new ModelException("high must be >= low = " + low + " nS, got " + high);
    }
  }

  @JsonCreator
  public static Weight constant(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ModelException(": must be a number >= 0 nS (or {low, high}), got "
          + Check.plain(value));
    }
    return new Weight(value, value);
  }
}
