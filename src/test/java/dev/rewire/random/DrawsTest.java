package dev.rewire.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawsTest {
  @Test
  void uniform_coversZeroToOneExclusive() {
    assertEquals(0.0f, Draws.uniform(0));
    assertEquals(1.0f - 0x1p-24f, Draws.uniform(-1));
    assertEquals(0x1p-24f, Draws.uniformOpenZero(0));
    assertEquals(1.0f, Draws.uniformOpenZero(-1));
  }

  @Test
  void below_staysInRange() {
    assertEquals(0, Draws.below(0, 7));
    assertEquals(6, Draws.below(-1, 7));
    assertEquals(0, Draws.below(-1, 1));
  }

  @Test
  void geometric_hasMeanAndVarianceOfTheWaitingTime() {
    // Poisson source at 30 Hz, dt = 0.1 ms: p = 0.003, mean 1/p = 333.3, variance (1-p)/p^2.
    double p = 0.003;
    float invLogQ = (float) (1.0 / Math.log1p(-p));
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    int ones = 0;
    for (int i = 0; i < n; i++) {
      int g = Draws.geometric(Philox.first(i, 0, 0, 0, 42, 7), invLogQ);
      assertTrue(g >= 1);
      sum += g;
      sumSq += (double) g * g;
      if (g == 1) {
        ones++;
      }
    }
    double mean = sum / n;
    double var = sumSq / n - mean * mean;
    double expectedMean = 1 / p;
    double expectedVar = (1 - p) / (p * p);
    double se = Math.sqrt(expectedVar / n);
    System.out.printf("geometric p=%.3f: mean %.2f (expected %.2f, se %.2f), P(1) %.5f (expected %.5f)%n",
        p, mean, expectedMean, se, ones / (double) n, p);
    assertEquals(expectedMean, mean, 4 * se, "mean within 4 standard errors");
    assertEquals(expectedVar, var, 0.03 * expectedVar, "variance within 3%");
    assertEquals(p, ones / (double) n, 4 * Math.sqrt(p * (1 - p) / n), "P(gap = 1) = p");
  }

  @Test
  void geometric_withProbabilityOneFiresEveryStep() {
    assertEquals(1, Draws.geometric(12345, -0.0f));
    assertEquals(1, Draws.geometric(-1, -0.0f));
  }
}
