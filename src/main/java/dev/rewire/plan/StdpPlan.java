package dev.rewire.plan;

/**
 * STDP constants in float. Traces decay lazily: a trace last updated k steps ago has decayed by
 * {@code decayPlus[k]} (or {@code decayMinus[k]}), where table entry k is exp(-k·dt/tau) computed in
 * double with {@link StrictMath} and rounded to float once, so every backend multiplies by the same
 * bits. Past the end of a table the factor is 0 (the float value of exp(-k·dt/tau) is 0 there).
 * Reading a trace is one multiply, whenever it is read, and no step has to touch every trace.
 */
public record StdpPlan(float lr, float gmax, float alphaPre, float alphaPost, float aPlus,
    float aMinus, float[] decayPlus, float[] decayMinus) {

  /** exp(-k·dt/tau) for k = 0, 1, … up to the first k whose float value is 0 (excluded). */
  static float[] decayTable(double dtMs, double tauMs) {
    int n = 0;
    while ((float) StrictMath.exp(-n * dtMs / tauMs) != 0f) {
      n++;
    }
    float[] table = new float[n];
    for (int k = 0; k < n; k++) {
      table[k] = (float) StrictMath.exp(-k * dtMs / tauMs);
    }
    return table;
  }

  /** {@code trace} decayed over {@code steps} steps with {@code table}. */
  public static float decay(float trace, int steps, float[] table) {
    return steps < table.length ? trace * table[steps] : 0.0f;
  }
}
