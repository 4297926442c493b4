package dev.rewire.random;

/**
 * Natural logarithm from plain float operations, so that Java and OpenCL C (with
 * {@code FP_CONTRACT OFF}) compute the same bits; neither language's library {@code log} is specified
 * to the last bit. Accuracy: within 2 ulp of the true value over the normal positive floats (see
 * {@code FloatLogTest}), which is ample for drawing geometric waiting times.
 *
 * <p>Method: x = m * 2^e with m in [sqrt(1/2), sqrt(2)); ln(m) = 2 atanh(s) with s = (m - 1) / (m + 1),
 * |s| < 0.1716, summed as an odd series in s up to s^11 (truncation error below 2^-27).
 */
public final class FloatLog {
  private static final float LN2_HI = 0.693359375f; // exact in 9 bits, so e * LN2_HI is exact
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float SQRT_HALF = 0.70710678f;

  private FloatLog() {}

  /** ln(x) for normal positive x; other inputs are outside the contract (the samplers never pass them). */
  public static float log(float x) {
    int bits = Float.floatToRawIntBits(x);
    int e = ((bits >>> 23) & 0xFF) - 127;
    float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000);
    if (m > 2.0f * SQRT_HALF) {
      m = m * 0.5f;
      e = e + 1;
    }
    float s = (m - 1.0f) / (m + 1.0f);
    float z = s * s;
    float poly = 1.0f / 11.0f;
    poly = poly * z + 1.0f / 9.0f;
    poly = poly * z + 1.0f / 7.0f;
    poly = poly * z + 1.0f / 5.0f;
    poly = poly * z + 1.0f / 3.0f;
    float r = (2.0f * s) * (z * poly);
    float fe = (float) e;
    return fe * LN2_HI + ((2.0f * s + (r + fe * LN2_LO)));
  }
}
