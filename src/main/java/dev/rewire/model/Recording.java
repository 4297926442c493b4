package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a run with {@code --out} records. Every field is optional; a model without a
 * {@code [recording]} table records the spikes of every population, rates in 10 ms bins, the
 * active weights of every rewired projection each second, the structural-event log, and no state
 * variables.
 *
 * @param spikes populations whose spikes are stored (default: all)
 * @param rateBinMs width of the rate bins [ms] (default 10)
 * @param weights which projections' active weights to snapshot, and how often
 * @param state which neurons' state variables to sample, and how often (default: none)
 * @param structuralEvents keep the log of every pruned and regrown synapse (default true)
 */
public record Recording(List<String> spikes, Double rateBinMs, Weights weights, State state,
    Boolean structuralEvents) {

  /**
   * Active-weight snapshots of {@code projections} (default: every rewired one) every
   * {@code everyMs} (default 1000), at the start and at the end.
   */
  public record Weights(List<String> projections, Double everyMs) {
    public Weights {
      if (everyMs != null) {
        Check.positive("every_ms", everyMs, "ms");
      }
    }
  }

  /**
   * State variables ({@code variables}, default every variable that the selected neurons' models
   * share) of the selected neurons, every {@code everyMs} (default: every step).
   */
  public record State(@JsonProperty(required = true) NeuronSelection neurons,
      List<String> variables, Double everyMs) {
    public State {
      Check.present("neurons", neurons);
      variables = variables == null ? null : List.copyOf(variables);
      if (variables != null && variables.isEmpty()) {
        throw new ModelException("variables must name at least one variable, got none");
      }
      if (everyMs != null) {
        Check.positive("every_ms", everyMs, "ms");
      }
    }
  }

  public Recording {
    spikes = spikes == null ? null : List.copyOf(spikes);
    if (rateBinMs != null) {
      Check.positive("rate_bin_ms", rateBinMs, "ms");
    }
  }

  /** Recording with every default. */
  public static Recording defaults() {
    return new Recording(null, null, null, null, null);
  }

  public double rateBinOrDefault() {
    return rateBinMs == null ? 10.0 : rateBinMs;
  }

  public boolean structuralEventsOrDefault() {
    return structuralEvents == null || structuralEvents;
  }
}
