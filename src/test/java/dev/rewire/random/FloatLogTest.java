package dev.rewire.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatLogTest {
  @Test
  void log_isWithinOneUlpOfTheTrueValue() {
    double worst = 0;
    float worstAt = 0;
    // Every 2^24 / 2^k-th float from 2^-126 up to 2^64, and every uniform the sampler can give.
    for (int bits = 0x00800000; bits < 0x5F800000; bits += 997) {
      float x = Float.intBitsToFloat(bits);
      double err = ulpError(x);
      if (err > worst) {
        worst = err;
        worstAt = x;
      }
    }
    for (int m = 1; m <= (1 << 24); m += 13) {
      float u = m * 0x1p-24f;
      double err = ulpError(u);
      if (err > worst) {
        worst = err;
        worstAt = u;
      }
    }
    System.out.printf("FloatLog worst error %.3f ulp at x = %s%n", worst, worstAt);
    assertTrue(worst <= 1.0, "worst error " + worst + " ulp at " + worstAt);
  }

  @Test
  void log_ofOneIsZeroAndOfPowersOfTwoIsExactMultipleOfLn2() {
    assertEquals(0.0f, FloatLog.log(1.0f));
    assertEquals((float) Math.log(0.5), FloatLog.log(0.5f), Math.ulp((float) Math.log(0.5)));
  }

  private static double ulpError(float x) {
    double exact = Math.log(x);
    float got = FloatLog.log(x);
    return exact == 0 ? Math.abs(got) : Math.abs(got - exact) / Math.ulp((float) exact);
  }
}
