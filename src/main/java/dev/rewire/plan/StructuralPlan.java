package dev.rewire.plan;

import dev.rewire.random.Draws;
import dev.rewire.random.Philox;
import dev.rewire.rule.RExpr;

/**
 * Structural-plasticity constants: due at every step that is a multiple of periodSteps; prune the
 * active synapses for which {@code prune} holds (a condition on w and the rule's params);
 * regrow with weights uniform in [regrowthLow, regrowthHigh] (exactly regrowthLow when equal).
 *
 * @param pruneBelow when prune is {@code w < c} with c a constant of the params, c (the backends
 *     then track the weights that fall below it as they are written); else NaN
 * @param perSource each source neuron regrows as many as it lost, among its own inactive slots
 *     (else regrowth is anywhere in the projection)
 */
public record StructuralPlan(int periodSteps, RExpr prune, float pruneBelow,
    boolean perSource, float regrowthLow, float regrowthHigh) {

  public boolean dueAt(int step) {
    return step % periodSteps == 0;
  }

  /** Whether prune is a plain threshold on w ({@link #pruneBelow}). */
  public boolean threshold() {
    return !Float.isNaN(pruneBelow);
  }

  /** Whether regrown weights are drawn (else all are regrowthLow). */
  public boolean regrowthDrawn() {
    return regrowthLow != regrowthHigh;
  }

  /**
   * The weight of slot {@code slot} regrown at {@code step}: regrowthLow, or, when drawn, uniform
   * in [low, high) from Philox counter (step, slot, 0, 1) with the projection's regrowth key, as
   * initial weights are drawn (the regrowth ranks use counters (step, row or -1, d, 0)).
   */
  public float regrowthWeight(int seed, int regrowthKey, int step, int slot) {
    if (!regrowthDrawn()) {
      return regrowthLow;
    }
    int[] word = new int[4];
    Philox.block(step, slot, 0, 1, seed, regrowthKey, word);
    return regrowthLow + (regrowthHigh - regrowthLow) * Draws.uniform(word[0]);
  }
}
