package dev.rewire.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RuleMathTest {
  private static long ulps(float a, double exact) {
    float e = (float) exact;
    return Math.abs((long) Float.floatToIntBits(a) - Float.floatToIntBits(e));
  }

  @Test
  void exp_isWithinTwoUlpOfTheTrueValue_overTheNormalRange() {
    SplittableRandom r = new SplittableRandom(1);
    long worst = 0;
    for (int k = 0; k < 1_000_000; k++) {
      float x = (float) (r.nextDouble() * 175.0 - 87.0);
      worst = Math.max(worst, ulps(RuleMath.exp(x), StrictMath.exp(x)));
    }
    assertTrue(worst <= 2, "worst " + worst + " ulp");
  }

  @Test
  void exp_specialValues() {
    assertEquals(1.0f, RuleMath.exp(0.0f));
    assertEquals(Float.POSITIVE_INFINITY, RuleMath.exp(89.0f));
    assertEquals(Float.POSITIVE_INFINITY, RuleMath.exp(Float.POSITIVE_INFINITY));
    assertEquals(0.0f, RuleMath.exp(Float.NEGATIVE_INFINITY));
    assertEquals(0.0f, RuleMath.exp(-104.0f));
    assertTrue(Float.isNaN(RuleMath.exp(Float.NaN)));
    float sub = RuleMath.exp(-100.0f); // subnormal, about 3.7e-44
    assertTrue(sub > 0 && sub < Float.MIN_NORMAL && ulps(sub, StrictMath.exp(-100.0)) <= 1,
        "exp(-100) = " + sub);
  }

  @Test
  void log_coversEveryFloat() {
    SplittableRandom r = new SplittableRandom(2);
    long worst = 0;
    for (int k = 0; k < 1_000_000; k++) {
      float x = Float.intBitsToFloat(r.nextInt(0x00800000, 0x7F800000)); // positive normals
      worst = Math.max(worst, ulps(RuleMath.log(x), StrictMath.log(x)));
    }
    assertTrue(worst <= 1, "worst " + worst + " ulp");
    assertEquals(Float.NEGATIVE_INFINITY, RuleMath.log(0.0f));
    assertEquals(Float.POSITIVE_INFINITY, RuleMath.log(Float.POSITIVE_INFINITY));
    assertTrue(Float.isNaN(RuleMath.log(-1.0f)));
    assertTrue(Float.isNaN(RuleMath.log(Float.NaN)));
    float tiny = Float.MIN_VALUE * 12345;
    assertTrue(ulps(RuleMath.log(tiny), StrictMath.log(tiny)) <= 1, "log of a subnormal");
  }

  @Test
  void minMaxClipAbs_asDefined() {
    assertEquals(1f, RuleMath.min(1f, 2f));
    assertEquals(2f, RuleMath.max(1f, 2f));
    assertTrue(Float.isNaN(RuleMath.min(Float.NaN, 1f)), "a NaN first argument is kept");
    assertEquals(1f, RuleMath.min(1f, Float.NaN), "a NaN second argument is not");
    assertEquals(0f, RuleMath.clip(-3f, 0f, 5f));
    assertEquals(5f, RuleMath.clip(7f, 0f, 5f));
    assertEquals(Float.floatToRawIntBits(-0.0f),
        Float.floatToRawIntBits(RuleMath.clip(-0.0f, 0f, 5f)), "-0 is not below 0");
    assertEquals(0x7FC00000,
        Float.floatToRawIntBits(RuleMath.abs(Float.intBitsToFloat(0xFFC00000))));
    assertEquals(3f, RuleMath.abs(-3f));
    assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(RuleMath.abs(-0.0f)));
    assertEquals((float) Math.sqrt(2.0), RuleMath.sqrt(2f));
  }

  @Test
  void pow_wholeExponents_multiply_andOthersGoThroughExpLog() {
    assertEquals(2.5f * 2.5f, RuleMath.pow(2.5f, 2f));
    assertEquals((2.5f * 2.5f) * 2.5f, RuleMath.pow(2.5f, 3f));
    float x = 1.7f;
    float x2 = x * x;
    assertEquals(x2 * x2, RuleMath.pow(x, 4f), "binary powering: x^4 = (x^2)^2");
    assertEquals(1.0f / (x * x), RuleMath.pow(x, -2f));
    assertEquals(-8.0f, RuleMath.pow(-2f, 3f));
    assertTrue(Float.isNaN(RuleMath.pow(-2f, 0.5f)));
    assertEquals(1.0f, RuleMath.pow(Float.NaN, 0f));
    assertEquals(1.0f, RuleMath.pow(1f, Float.NaN));
    assertEquals(0.0f, RuleMath.pow(0f, 2.5f));
    assertEquals(Float.POSITIVE_INFINITY, RuleMath.pow(0f, -0.5f));
    SplittableRandom r = new SplittableRandom(3);
    long worst = 0;
    for (int k = 0; k < 100_000; k++) {
      float b = (float) (r.nextDouble() * 10.0);
      float e = (float) (r.nextDouble() * 6.0 - 3.0);
      worst = Math.max(worst, ulps(RuleMath.pow(b, e), StrictMath.pow(b, e)));
    }
    // exp(y log x) multiplies the rounding of y log x by up to |y log x| (about 7 here): 13 ulp
    // at worst on these points
    assertTrue(worst <= 16, "worst " + worst + " ulp");
  }
}
