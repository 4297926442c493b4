package dev.rewire.plan;

/**
 * Philox key word 1 for each kind of random draw; key word 0 is the seed. One stream per purpose and
 * per model element, so that changing one part of a model does not shift the draws of another. The
 * counter layouts are written next to each use in the backends and must match the kernels'.
 */
public enum RngStream {
  /** Initial synapses of projection k: counter (source, target, 0, 0). */
  CONNECTIVITY,
  /** Poisson input k: counter (step + 1, source, 0, 0), the draw made when a source spikes. */
  POISSON,
  /** Regrowth choices of projection k: counter (step, row or -1 for global, draw, 0). */
  REGROWTH,
  /**
   * Set-up draws of group k (rand(), randn() in initial values and per-neuron params): counter
   * (neuron, call, 0 for per-neuron params or 1 for variables, item); see neuron.SetupRandom.
   */
  SETUP,
  /** White noise of group k: counter (step, neuron in the group, draw, attempt). */
  NOISE;

  /** Key word 1 for element {@code index} (projection or input index in model order). */
  public int key(int index) {
    return (ordinal() + 1) << 24 | index;
  }
}
