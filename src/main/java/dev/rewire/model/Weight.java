package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Initial weight of each synapse, uniform in [low, high]; a plain number in a model file means
 * low = high (a constant weight). An arriving spike adds the weight to the target neuron's receptor
 * variable, so its unit is that variable's (nS for a conductance, pA for a current). A static
 * projection may have negative weights; a projection with a potential set may not.
 */
public record Weight(
    @JsonProperty(required = true) double low,
    @JsonProperty(required = true) double high) {

  public Weight {
    Check.finite("low", low);
    Check.finite("high", high);
    if (high < low) {
      throw new ModelException("high must be >= low = " + low + ", got " + high);
    }
  }

  @JsonCreator
  public static Weight constant(double value) {
    if (!Double.isFinite(value)) {
      throw new ModelException(": must be a finite number (or {low, high}), got "
          + Check.plain(value));
    }
    return new Weight(value, value);
  }
}
