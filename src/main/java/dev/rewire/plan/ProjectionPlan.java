package dev.rewire.plan;

/**
 * A projection as the step sees it. Sources are either neurons (global indices
 * [sourceStart, sourceStart + sourceSize)) or a Poisson input ({@code sourceInput} >= 0, sources
 * 0..sourceSize-1 of that input). Targets are always neurons.
 *
 * @param sourceInput index of the Poisson input that is the source, or -1 for neurons
 * @param targetInGroup where the target population starts inside its group
 * @param receptor index of the {@link ReceptorPlan} the weights go to
 * @param potentialSet all_pairs connectivity: a slot per potential synapse, each active or not
 * @param delaySteps steps from a spike to the arrival of its weight
 * @param plasticity the plasticity rule, or null for static weights
 * @param structural null for a fixed synapse set
 * @param connectivityKey Philox key word 1 for the initial synapses
 * @param regrowthKey Philox key word 1 for regrowth choices
 */
public record ProjectionPlan(
    String name, int index,
    String sourceName, int sourceInput, int sourceStart, int sourceSize,
    String targetName, int targetStart, int targetSize, int targetInGroup,
    int receptor, boolean potentialSet, double p, boolean excludeSameIndex, int delaySteps,
    float weightLow, float weightHigh,
    RulePlan plasticity, StructuralPlan structural,
    int connectivityKey, int regrowthKey) {

  public boolean sourceIsInput() {
    return sourceInput >= 0;
  }

  public boolean hasPotentialSet() {
    return potentialSet;
  }

  /** The layout name of this projection's array {@code what} (row_weight, pre.x, ...). */
  public String array(String what) {
    return "projections." + name + "." + what;
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
