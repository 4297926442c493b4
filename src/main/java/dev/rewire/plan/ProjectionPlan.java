package dev.rewire.plan;

/**
 * A projection as the step sees it. Sources are either neurons (global indices
 * [sourceStart, sourceStart + sourceSize)) or a Poisson input ({@code sourceInput} >= 0, sources
 * 0..sourceSize-1 of that input). Targets are always neurons.
 *
 * @param sourceInput index of the Poisson input that is the source, or -1 for neurons
 * @param targetInGroup where the target population starts inside its group
 * @param receptor index of the {@link ReceptorPlan} the weights go to
 * @param potentialSet all_pairs connectivity: synapses may become active or inactive
 * @param activeOnly a potential set that stores its active synapses only (else a slot per pair;
 *     docs/design.md, section 4)
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
    int receptor, boolean potentialSet, boolean activeOnly, double p, boolean excludeSameIndex, int delaySteps,
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

  /** The number of possible pairs: every source with every target, less the excluded ones. */
  public long pairCount() {
    return pairCount(sourceSize, targetSize, excludeSameIndex);
  }

  /** Possible pairs of {@code sources} and {@code targets}, less the excluded ones. */
  public static long pairCount(int sources, int targets, boolean excludeSameIndex) {
    return (long) sources * targets - (excludeSameIndex ? Math.min(sources, targets) : 0);
  }

  /**
   * Possible pairs beyond which a static projection draws its synapses by geometric gaps
   * ({@link #initialActiveRow}) rather than pair by pair (2^24, 16.8 M pairs, some 0.3 s of
   * draws): large networks set up in time proportional to their synapses, and the examples (COBA's
   * E->E has 10.2 M pairs) keep the draws they always had.
   */
  public static final long GAP_DRAW_PAIRS = 1L << 24;

  /**
   * Whether the initial synapses are drawn by geometric gaps ({@link #initialActiveRow}): an
   * active-only potential set, or a static projection of more than {@link #GAP_DRAW_PAIRS} pairs.
   */
  public boolean drawsByGaps() {
    return activeOnly || !potentialSet && pairCount() > GAP_DRAW_PAIRS;
  }

  /**
   * The initial synapses of row {@code i} when they are drawn by gaps ({@link #drawsByGaps}): each
   * possible pair exists with probability p, chosen by geometric gaps from Philox counters
   * (i, d, 1, 0) under key (seed, connectivityKey), so that the draws cost the synapses, not the
   * pairs. Visits the slot index k (target {@link #potentialTarget}(i, k)) and the word for its
   * weight, in ascending k; returns the row's count.
   */
  public int initialActiveRow(int i, int seed, dev.rewire.random.Bernoulli.Visitor visitor) {
    return dev.rewire.random.Bernoulli.walk(potentialRowLength(i), (float) p, i, 1, 0, seed,
        connectivityKey, visitor);
  }

  /** The number of initially active synapses of an active-only potential set. */
  public long initialActiveCount(int seed) {
    long n = 0;
    for (int i = 0; i < sourceSize; i++) {
      n += initialActiveRow(i, seed, (k, word) -> { });
    }
    return n;
  }

  /** Local target of slot {@code k} of potential row {@code i}: computed, not stored. */
  public int potentialTarget(int i, int k) {
    return excludeSameIndex && k >= i ? k + 1 : k;
  }
}
