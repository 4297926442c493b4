package dev.rewire.backend;

/**
 * What one structural-plasticity call of one projection changed, synapse by synapse: the pruned
 * ones with the weight they had, and the regrown ones with the weight they got, each list in
 * ascending (source, target) order, with local source and target indices. Replaying these from the
 * initial synapses gives the active set at any later step.
 */
public record Rewiring(int step, String projection, int[] prunedSource, int[] prunedTarget,
    float[] prunedWeight, int[] regrownSource, int[] regrownTarget, float[] regrownWeight) {}
