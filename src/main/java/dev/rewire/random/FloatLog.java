package dev.rewire.random;

/**
 * Natural logarithm from plain float operations, so that Java and OpenCL C (with
 * {@code FP_CONTRACT OFF}) compute the same bits: neither language's library {@code log} is specified
 * to the last bit. There is no division either, because OpenCL allows single-precision division an
 * error of 2.5 ulp unless the device rounds it correctly. Accuracy: within 1 ulp of the true value over
 * the normal positive floats (see {@code FloatLogTest}), ample for geometric waiting times.
 *
 * <p>Method (Cephes' logf): x = m·2^e with m in [sqrt(1/2), sqrt(2)); with f = m - 1,
 * ln(m) = f - f²/2 + f³·P(f) for a degree-8 minimax polynomial P; e·ln 2 is added in two parts, the
 * first exact in 9 bits so that e·LN2_HI is exact.
 */
public final class FloatLog {
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float SQRT_HALF = 0.707106781186547524f;

  private FloatLog() {}

  /** ln(x) for normal positive x; other inputs are outside the contract (the samplers never pass them). */
  public static float log(float x) {
    int bits = Float.floatToRawIntBits(x);
    int e = ((bits >>> 23) & 0xFF) - 126;
    float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F000000); // m in [0.5, 1)
    if (m < SQRT_HALF) {
      e = e - 1;
      m = m + m - 1.0f;
    } else {
      m = m - 1.0f;
    }
    float z = m * m;
    float y = 7.0376836292e-2f;
    y = y * m - 1.1514610310e-1f;
    y = y * m + 1.1676998740e-1f;
    y = y * m - 1.2420140846e-1f;
    y = y * m + 1.4249322787e-1f;
    y = y * m - 1.6668057665e-1f;
    y = y * m + 2.0000714765e-1f;
    y = y * m - 2.4999993993e-1f;
    y = y * m + 3.3333331174e-1f;
    y = y * m * z;
    float fe = (float) e;
    y = y + LN2_LO * fe;
    y = y - 0.5f * z;
    float r = m + y;
    return r + LN2_HI * fe;
  }
}
