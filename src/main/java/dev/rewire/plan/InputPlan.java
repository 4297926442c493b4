package dev.rewire.plan;

/**
 * A Poisson input as the step sees it.
 *
 * @param spikeProbability rate * dt, the probability that a source spikes in a step
 * @param invLogQ 1 / ln(1 - spikeProbability) for geometric waiting times (0 when never, -0 when
 *     every step)
 * @param rngKey Philox key word 1 of its stream
 */
public record InputPlan(String name, int index, int size, float spikeProbability, float invLogQ,
    int rngKey) {}
