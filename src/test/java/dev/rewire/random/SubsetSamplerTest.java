package dev.rewire.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubsetSamplerTest {
  @Test
  void sample_returnsDistinctSortedRanksInRange() {
    for (int n = 0; n < 60; n += 3) {
      for (int k = 0; k < 70; k += 5) {
        int[] s = SubsetSampler.sample(n, k, 1, 2, n, k);
        assertEquals(Math.min(n, k), s.length);
        for (int i = 0; i < s.length; i++) {
          assertTrue(s[i] >= 0 && s[i] < n);
          assertTrue(i == 0 || s[i] > s[i - 1], "sorted and distinct");
        }
      }
    }
  }

  @Test
  void sample_isAPureFunctionOfKeyAndCounter() {
    assertArrayEquals(SubsetSampler.sample(1000, 20, 5, 6, 7, 8),
        SubsetSampler.sample(1000, 20, 5, 6, 7, 8));
  }

  @Test
  void sample_choosesEveryElementWithProbabilityKOverN() {
    int n = 10;
    int k = 3;
    int trials = 30_000;
    int[] hits = new int[n];
    for (int t = 0; t < trials; t++) {
      for (int r : SubsetSampler.sample(n, k, 99, 1, t, 0)) {
        hits[r]++;
      }
    }
    double expected = trials * (double) k / n;
    double sd = Math.sqrt(trials * 0.3 * 0.7);
    double chi2 = 0;
    for (int h : hits) {
      chi2 += (h - expected) * (h - expected) / expected;
      assertEquals(expected, h, 5 * sd, "each element within 5 sd of " + expected);
    }
    // 9 degrees of freedom: P(chi2 > 27.9) = 0.001.
    System.out.printf("SubsetSampler n=%d k=%d: chi2 = %.2f (9 dof, 0.1%% critical value 27.9)%n",
        n, k, chi2);
    assertTrue(chi2 < 27.9, "chi2 " + chi2);
  }
}
