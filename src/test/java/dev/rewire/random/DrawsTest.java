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

  /**
   * Exactly uniform: each value keeps floor(2^32 / bound) words, so 2^32 mod bound words are
   * rejected (word 0 among them, unless bound is a power of two, which rejects none).
   */
  @Test
  void belowOrReject_rejectsExactlyTheSurplusWords() {
    assertEquals(-1, Draws.belowOrReject(0, 7));
    assertEquals(0, Draws.belowOrReject(0, 8));
    assertEquals(6, Draws.belowOrReject(-1, 7));
    java.util.Random r = new java.util.Random(3);
    int rejected = 0;
    int n = 200_000;
    for (int k = 0; k < n; k++) {
      int v = Draws.belowOrReject(r.nextInt(), 1 << 20);
      assertTrue(v >= 0 && v < 1 << 20, "a power of two never rejects: " + v);
      int b = 1_000_000_007;
      int w = Draws.belowOrReject(r.nextInt(), b);
      if (w < 0) {
        rejected++;
      } else {
        assertTrue(w < b);
      }
    }
    // 2^32 mod 1e9+7 = 294967268 of 2^32 words rejected: 6.87 %
    double expected = 294_967_268.0 / 4_294_967_296.0;
    assertEquals(expected, rejected / (double) n, 6 * Math.sqrt(expected / n));
  }

  @Test
  void bernoulli_visitsAscendingPositionsAtRateP() {
    long total = 0;
    int rows = 2000;
    int n = 1000;
    float p = 0.05f;
    for (int row = 0; row < rows; row++) {
      int[] last = {-1};
      int visited = Bernoulli.walk(n, p, row, 1, 0, 7, 9, (position, word) -> {
        assertTrue(position > last[0] && position < n, "ascending, in range: " + position);
        last[0] = position;
      });
      assertEquals(visited, Bernoulli.count(n, p, row, 1, 0, 7, 9));
      total += visited;
    }
    double mean = (double) rows * n * p;
    assertEquals(mean, total, 6 * Math.sqrt(mean * (1 - p)));
    assertEquals(n, Bernoulli.count(n, 1f, 0, 1, 0, 7, 9), "p = 1: every position");
    assertEquals(0, Bernoulli.count(n, 0f, 0, 1, 0, 7, 9), "p = 0: none");
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
