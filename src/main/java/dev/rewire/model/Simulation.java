package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Time step, duration and seed of a run.
 *
 * @param dtMs integration time step [ms]
 * @param durationMs simulated time [ms]; rounded to a whole number of steps
 * @param seed the seed of every random draw (connectivity, inputs, regrowth)
 */
public record Simulation(
    @JsonProperty(required = true) double dtMs,
    @JsonProperty(required = true) double durationMs,
    @JsonProperty(required = true) long seed) {

  /** The most steps a run may have (step numbers stay far from int overflow). */
  public static final int MAX_STEPS = Integer.MAX_VALUE / 2;

  public Simulation {
    Check.positive("dt_ms", dtMs, "ms");
    Check.nonNegative("duration_ms", durationMs, "ms");
    if (durationMs / dtMs > MAX_STEPS) {
      throw new ModelException("duration_ms is too long for dt_ms = " + Check.plain(dtMs)
          + ": at most " + Check.plain(Math.floor(MAX_STEPS * dtMs)) + " ms (" + MAX_STEPS
          + " steps), got " + Check.plain(durationMs));
    }
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new ModelException("seed must be in [0, 4294967295], got " + seed);
    }
  }

  public Simulation withDurationMs(double newDurationMs) {
    return new Simulation(dtMs, newDurationMs, seed);
  }

  public Simulation withSeed(long newSeed) {
    return new Simulation(dtMs, durationMs, newSeed);
  }
}
