package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Independent Poisson spike sources: each spikes in a step with probability {@code rate * dt}.
 *
 * @param size number of sources
 * @param rateHz rate of each source [Hz]
 */
public record PoissonInput(
    @JsonProperty(required = true) int size,
    @JsonProperty(required = true) double rateHz) {

  public PoissonInput {
    Check.positive("size", size);
    Check.nonNegative("rate_hz", rateHz, "Hz");
  }
}
