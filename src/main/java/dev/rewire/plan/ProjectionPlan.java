package dev.rewire.plan;

import dev.rewire.model.Connectivity;
import dev.rewire.model.Receptor;

/**
 * A projection as the step sees it. Sources are either neurons (global indices
 * [sourceStart, sourceStart + sourceSize)) or a Poisson input ({@code sourceInput} >= 0, sources
 * 0..sourceSize-1 of that input). Targets are always neurons.
 *
 * @param sourceInput index of the Poisson input that is the source, or -1 for neurons
 * @param plasticity the plasticity rule, or null for static weights
 * @param structural null for a fixed synapse set
 * @param connectivityKey Philox key word 1 for the initial synapses
 * @param regrowthKey Philox key word 1 for regrowth choices
 */
public record ProjectionPlan(
    String name, int index,
    String sourceName, int sourceInput, int sourceStart, int sourceSize,
    String targetName, int targetStart, int targetSize,
    Receptor receptor, Connectivity.Rule rule, double p, boolean excludeSameIndex,
    float weightLow, float weightHigh,
    RulePlan plasticity, StructuralPlan structural,
    int connectivityKey, int regrowthKey) {

  public boolean sourceIsInput() {
    return sourceInput >= 0;
  }

  public boolean hasPotentialSet() {
    return rule == Connectivity.Rule.ALL_PAIRS;
  }

  /**
   * Length of row {@code i} (local source index) of the potential set: every target, less the one
   * with the same local index when {@code excludeSameIndex} and that target exists.
   */
  public int potentialRowLength(int i) {
    return excludeSameIndex && i < targetSize ? targetSize - 1 : targetSize;
  }

  /** Local target of slot {@code k} of potential row {@code i}: computed, not stored. */
  public int potentialTarget(int i, int k) {
    return excludeSameIndex && k >= i ? k + 1 : k;
  }
}
