package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The conductance a projection feeds in its target neurons. */
public enum Receptor {
  @JsonProperty("ampa")
  AMPA,
  @JsonProperty("gaba")
  GABA
}
