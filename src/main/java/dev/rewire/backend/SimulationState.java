package dev.rewire.backend;

import java.util.List;

/**
 * Everything a simulation needs to continue from a step, the same for every backend (both lay the
 * potential sets out as {@link PotentialSet}): a checkpoint. What can be derived is left out and
 * rebuilt on restore (refractory lists from lastSpike, pending-input lists from the inputs,
 * below-threshold lists from the weights, Poisson wheels from the next spikes, static synapses from
 * the seed).
 *
 * @param step the next step to run
 * @param inputNextSpike per Poisson input (model order), each source's next spike step
 * @param potential per projection (model order): its potential set, or null for a static one
 */
public record SimulationState(int step, float[] v, float[] gAmpa, float[] gGaba, int[] lastSpike,
    long[] inputAmpa, long[] inputGaba, List<int[]> inputNextSpike,
    List<PotentialState> potential) {

  /**
   * A potential set's lists and, with a plasticity rule, its traces: per pre trace (in the rule's
   * order) its value after each source neuron's last update, the step of that update; likewise per
   * target neuron for the post traces. Null traces: no rule.
   */
  public record PotentialState(int activeCount, boolean[] active, int[] slotPos, int[] rowCount,
      int[] rowSyn, int[] rowTarget, float[] rowWeight, int[] rowToCol, int[] colCount,
      int[] colSyn, int[] colSource, int[] colToRow, float[][] preTraces, int[] preLast,
      float[][] postTraces, int[] postLast) {}
}
