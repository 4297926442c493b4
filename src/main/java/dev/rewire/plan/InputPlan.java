package dev.rewire.plan;

import dev.rewire.random.Draws;
import dev.rewire.random.Philox;

/**
 * A Poisson input as the step sees it.
 *
 * @param spikeProbability rate * dt, the probability that a source spikes in a step
 * @param invLogQ 1 / ln(1 - spikeProbability) for geometric waiting times (0 when never, -0 when
 *     every step)
 * @param rngKey Philox key word 1 of its stream
 */
public record InputPlan(String name, int index, int size, float spikeProbability, float invLogQ,
    int rngKey) {

  /**
   * The step of source i's first spike after {@code step} (-1 for the first spike), or
   * Integer.MAX_VALUE for never: a geometric waiting time from Philox counter (step + 1, i, 0, 0).
   * The device's poisson_input kernel draws the same.
   */
  public int nextSpikeAfter(int step, int i, int seed) {
    if (spikeProbability == 0f) {
      return Integer.MAX_VALUE;
    }
    int gap = Draws.geometric(Philox.first(step + 1, i, 0, 0, seed, rngKey), invLogQ);
    long next = (long) step + gap;
    return next >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) next;
  }
}
