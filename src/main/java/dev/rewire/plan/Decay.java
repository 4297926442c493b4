package dev.rewire.plan;

import java.util.List;

/**
 * Exponential decay of plasticity traces, in float. Traces decay lazily: a trace last updated k
 * steps ago has decayed by {@code table[k]}, where table entry k is exp(-k·dt/tau) computed in
 * double with {@link StrictMath} and rounded to float once, so every backend multiplies by the same
 * bits. Past the end of a table the factor is 0: a table ends where the float value of
 * exp(-k·dt/tau) is 0, or after as many entries as the run has steps, since no trace that was ever
 * updated is read more steps after its update than the run has (a trace never updated is 0
 * anyway). So a huge tau costs no more than the run's length. Reading a trace is one multiply,
 * whenever it is read, and no step has to touch every trace.
 */
public final class Decay {
  private Decay() {}

  /**
   * exp(-k·dt/tau) for k = 0, 1, … up to the first k whose float value is 0 (excluded), and at most
   * {@code maxLength} entries.
   */
  public static float[] table(double dtMs, double tauMs, int maxLength) {
    // Tables never change once made, and a sweep compiles the same ones for every run.
    return TABLES.computeIfAbsent(List.of(dtMs, tauMs, (double) maxLength),
        k -> computeTable(dtMs, tauMs, maxLength));
  }

  private static final java.util.Map<List<Double>, float[]> TABLES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static float[] computeTable(double dtMs, double tauMs, int maxLength) {
    int n = 0;
    while (n < maxLength && (float) StrictMath.exp(-n * dtMs / tauMs) != 0f) {
      n++;
    }
    float[] table = new float[n];
    for (int k = 0; k < n; k++) {
      table[k] = (float) StrictMath.exp(-k * dtMs / tauMs);
    }
    return table;
  }

  /** {@code trace} decayed over {@code steps} steps with {@code table}. */
  public static float apply(float trace, int steps, float[] table) {
    return steps < table.length ? trace * table[steps] : 0.0f;
  }
}
