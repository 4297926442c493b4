package dev.rewire.backend;

import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.PopulationPlan;

/**
 * Stops a run whose state has left the numbers: a state variable that is not finite, or outside
 * the bounds its model declares (lif_cond: v within ±1 V, conductances in [0, 10^6] nS). The run
 * checks after every chunk of steps (at most one structural-plasticity period), so a blow-up is
 * reported within 50 ms of simulated time in seed-ei.
 */
public final class NumericalGuard {
  private NumericalGuard() {}

  /** Throws {@link NumericalException} naming the first offending neuron and variable. */
  public static void check(Plan plan, NeuronValues values, int step) {
    for (GroupPlan g : plan.groups()) {
      for (int k = 0; k < g.variables().size(); k++) {
        float[] a = values.of(g.array(g.variables().get(k)));
        float lo = g.low()[k];
        float hi = g.high()[k];
        if (inRange(a, lo, hi)) {
          continue;
        }
        for (int i = 0; i < a.length; i++) {
          if (!(a[i] >= lo && a[i] <= hi && Float.isFinite(a[i]))) {
            throw fail(plan, g.offset() + i, g.variables().get(k), a[i], g.units()[k], lo, hi,
                step);
          }
        }
      }
    }
  }

  /**
   * Whether every value is finite and in [lo, hi]: one loop without calls or branches, since it
   * runs after every chunk of a run, for the first chunks in the interpreter. Only when it fails
   * does {@link #check} look for the first offender, to name it.
   */
  private static boolean inRange(float[] a, float lo, float hi) {
    boolean ok = true;
    for (float x : a) {
      ok &= x >= lo & x <= hi & x - x == 0;
    }
    return ok;
  }

  private static NumericalException fail(Plan plan, int neuron, String variable, float value,
      String unit, float lo, float hi, int step) {
    String where = "neuron " + neuron;
    for (PopulationPlan p : plan.populations().values()) {
      if (neuron >= p.start() && neuron < p.start() + p.size()) {
        where = "population " + p.name() + ", neuron " + (neuron - p.start());
      }
    }
    String u = unit.isEmpty() ? "" : " " + unit;
    String expected = Float.isInfinite(lo) && Float.isInfinite(hi) ? "a finite value"
        : "a finite value in [" + lo + ", " + hi + "]" + u;
    return new NumericalException(String.format(java.util.Locale.ROOT,
        "numerical guard: %s: %s = %s%s at t = %.4f s; expected %s (check time constants, "
            + "dt and weights)", where, variable, value, u, plan.timeSeconds(step), expected));
  }

  /**
   * Throws {@link NumericalException} when a plasticity rule made a weight that is not a finite
   * number >= 0 in one of {@code projections} ({@link Simulation#badWeights}).
   */
  public static void checkWeights(Plan plan, java.util.List<String> projections, int step) {
    if (projections.isEmpty()) {
      return;
    }
    StringBuilder advice = new StringBuilder();
    for (String name : projections) {
      advice.append("; ").append(name).append(": ").append(advice(plan.projection(name)));
    }
    throw new NumericalException(String.format(java.util.Locale.ROOT,
        "numerical guard: projection %s: the plasticity rule made a weight that is not a finite "
            + "number >= 0 by t = %.4f s%s", String.join(", ", projections),
        plan.timeSeconds(step), advice));
  }

  /**
   * What to look at: a rule that keeps {@code w} in range with clip or max got a NaN from an
   * operand (clip passes NaN through), so name the operations that make one; else the rule lets
   * {@code w} leave the range, and clipping it is the fix.
   */
  private static String advice(dev.rewire.plan.ProjectionPlan p) {
    dev.rewire.plan.RulePlan rule = p == null ? null : p.plasticity();
    if (rule == null || !rule.clipsWeight()) {
      return "weights are conductances, keep them >= 0 (w = clip(..., 0, gmax) in the rule)";
    }
    java.util.List<String> sources = rule.nanSources();
    return "the rule clips w, so an operand was not a number" + (sources.isEmpty() ? ""
        : " (the rule uses " + String.join(", ", sources) + ": look for log, sqrt or pow of a "
            + "negative number, a division by zero, exp overflowing)");
  }

  /** The state of a run left the numbers; the message says where and when. */
  public static final class NumericalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NumericalException(String message) {
      super(message);
    }
  }
}
