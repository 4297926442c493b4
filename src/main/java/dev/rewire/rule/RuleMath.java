package dev.rewire.rule;

import dev.rewire.random.FloatLog;

/**
 * The functions a rule may call, defined to the bit; kernels/rule_math.cl computes the same bits
 * with the same float operations in the same order (no contraction). Neither language's library
 * exp or log is specified to the last bit, so they are written out here: Cephes' expf (within 2
 * ulp of the true value over the normal range, see RuleMathTest) and {@link FloatLog} extended to
 * every float. sqrt and division are IEEE's, correctly rounded in Java and, with
 * {@code -cl-fp32-correctly-rounded-divide-sqrt}, in OpenCL. The bits of a NaN are not part of the
 * contract (hardware differs in the NaN it makes).
 */
public final class RuleMath {
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float LOG2E = 1.44269504088896341f;

  private RuleMath() {}

  public static float clip(float x, float lo, float hi) {
    return x < lo ? lo : (x > hi ? hi : x);
  }

  public static float min(float a, float b) {
    return b < a ? b : a;
  }

  public static float max(float a, float b) {
    return b > a ? b : a;
  }

  public static float abs(float x) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7FFFFFFF);
  }

  public static float sqrt(float x) {
    return (float) Math.sqrt(x); // a double's correct rounding, then a float's: still correct
  }

  /** e^x. */
  public static float exp(float x) {
    if (x != x) {
      return x;
    }
    if (x > 88.72283935546875f) {
      return Float.POSITIVE_INFINITY;
    }
    if (x < -103.97208404541015625f) {
      return 0.0f;
    }
    float fx = (float) Math.floor(x * LOG2E + 0.5f);
    float r = x - fx * LN2_HI;
    r = r - fx * LN2_LO;
    float z = r * r;
    float y = 1.9875691500e-4f;
    y = y * r + 1.3981999507e-3f;
    y = y * r + 8.3334519073e-3f;
    y = y * r + 4.1665795894e-2f;
    y = y * r + 1.6666665459e-1f;
    y = y * r + 5.0000001201e-1f;
    y = y * z + r + 1.0f;
    int n = (int) fx;
    if (n > 127) {          // 2^128 is not a float: one factor 2 first, exact
      y = y * 2.0f;
      n = n - 1;
    }
    if (n < -126) {         // 2^n would be subnormal: scale in two steps, the first exact
      y = y * 0x1p-24f;
      n = n + 24;
    }
    return y * Float.intBitsToFloat((n + 127) << 23);
  }

  /**
   * x to the power y, from float operations defined here: 1 when y is 0 or x is 1; NaN when either
   * is NaN; for a whole-number y with |y| <= 2^24, x multiplied by itself by binary powering (and
   * 1 divided by that for y < 0), so that pow(v, 2) is v * v exactly; otherwise exp(y log x) for
   * x > 0, 0 or infinity for x = 0, and for x < 0 exp(y log -x) when |y| > 2^24 (an even whole
   * number or infinite), else NaN.
   */
  public static float pow(float x, float y) {
    if (y == 0.0f || x == 1.0f) {
      return 1.0f;
    }
    if (x != x || y != y) {
      return Float.NaN;
    }
    float ay = abs(y);
    if (ay <= 0x1p24f && (float) Math.floor(y) == y) {
      int n = (int) ay;
      float r = 1.0f;
      float b = x;
      while (true) {
        if ((n & 1) != 0) {
          r = r * b;
        }
        n = n >> 1;
        if (n == 0) {
          break;
        }
        b = b * b;
      }
      return y < 0.0f ? 1.0f / r : r;
    }
    if (x > 0.0f) {
      return exp(y * log(x));
    }
    if (x == 0.0f) {
      return y > 0.0f ? 0.0f : Float.POSITIVE_INFINITY;
    }
    return ay > 0x1p24f ? exp(y * log(-x)) : Float.NaN;
  }

  /** ln(x): NaN below 0 (and for NaN), -infinity at 0, infinity at infinity. */
  public static float log(float x) {
    if (!(x > 0.0f)) {
      return x == 0.0f ? Float.NEGATIVE_INFINITY : Float.NaN;
    }
    if (x == Float.POSITIVE_INFINITY) {
      return x;
    }
    if (x < 0x1p-126f) {    // subnormal: scaled into the normal range, 23 ln 2 taken back
      return FloatLog.log(x * 0x1p23f) - 15.942385152878742f;
    }
    return FloatLog.log(x);
  }
}
