package dev.rewire.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Comparing rewire with Brian2 over seeds: a chaotic network's single runs differ, the means over
 * seeds must not. |mean_rewire - mean_brian2| must be below 3 standard errors of the difference,
 * sqrt(sd_r^2 / n_r + sd_b^2 / n_b); the seeds are fixed, so a test cannot flake, only fail when the
 * dynamics change.
 */
public final class SeedStatistics {
  private SeedStatistics() {}

  /** Asserts the two means agree within 3 standard errors; prints both. */
  public static <T> void compare(String what, List<T> ours, ToDoubleFunction<T> f,
      List<JsonNode> ref, ToDoubleFunction<JsonNode> g) {
    double[] a = ours.stream().mapToDouble(f).toArray();
    double[] b = ref.stream().mapToDouble(g).toArray();
    double se = Math.sqrt(var(a) / a.length + var(b) / b.length);
    double diff = mean(a) - mean(b);
    System.out.printf("%-45s rewire %.3f ± %.3f (n=%d)  brian2 %.3f ± %.3f (n=%d)  diff %.2f se%n",
        what, mean(a), Math.sqrt(var(a)), a.length, mean(b), Math.sqrt(var(b)), b.length,
        diff / se);
    assertTrue(Math.abs(diff) <= 3 * se, what + ": rewire " + mean(a) + " vs brian2 " + mean(b)
        + ", difference " + diff + " exceeds 3 standard errors (" + 3 * se + ")");
  }

  public static double mean(JsonNode array) {
    double s = 0;
    for (JsonNode x : array) {
      s += x.asDouble();
    }
    return s / array.size();
  }

  public static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  public static double var(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }
}
