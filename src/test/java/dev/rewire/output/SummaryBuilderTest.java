package dev.rewire.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryBuilderTest {
  @Test
  void quantile_interpolatesLinearlyLikeNumpy() {
    double[] x = {1, 2, 3, 4, 10};
    assertEquals(1.0, SummaryBuilder.quantile(x, 0));
    assertEquals(3.0, SummaryBuilder.quantile(x, 0.5));
    assertEquals(2.0, SummaryBuilder.quantile(x, 0.25));
    assertEquals(8.8, SummaryBuilder.quantile(x, 0.95), 1e-12); // numpy.quantile([1,2,3,4,10], .95)
    assertEquals(7.0, SummaryBuilder.quantile(new double[] {7}, 0.3));
  }
}
