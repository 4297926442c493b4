package dev.rewire.backend;

import dev.rewire.plan.Plan;
import dev.rewire.plan.PopulationPlan;

/**
 * Stops a run whose state has left the numbers: v not finite or beyond ±1 V, a conductance not
 * finite, negative or beyond 10^6 nS. The CLI checks after every chunk of steps (at most one
 * structural-plasticity period), so a blow-up is reported within 50 ms of simulated time in seed-ei.
 */
public final class NumericalGuard {
  /** |v| beyond this [mV] is a runaway. */
  public static final float V_LIMIT_MV = 1000f;
  /** A conductance beyond this [nS] is a runaway. */
  public static final float G_LIMIT_NS = 1e6f;

  private NumericalGuard() {}

  /** Throws {@link NumericalException} naming the first offending neuron and variable. */
  public static void check(Plan plan, NeuronValues values, int step) {
    if (inRange(values.v(), values.gAmpa(), values.gGaba())) {
      return;
    }
    for (int i = 0; i < plan.neuronCount(); i++) {
      float v = values.v()[i];
      if (!(Math.abs(v) <= V_LIMIT_MV)) {
        throw fail(plan, i, "v", v, "mV", "a finite value within ±" + V_LIMIT_MV + " mV", step);
      }
      checkG(plan, i, "g_ampa", values.gAmpa()[i], step);
      checkG(plan, i, "g_gaba", values.gGaba()[i], step);
    }
  }

  /**
   * Whether every value is in range: one loop without calls or branches, since it runs after every
   * chunk of a run, for the first chunks in the interpreter. Only when it fails does
   * {@link #check} look for the first offender, to name it.
   */
  private static boolean inRange(float[] v, float[] gAmpa, float[] gGaba) {
    boolean ok = true;
    for (int i = 0; i < v.length; i++) {
      ok &= Math.abs(v[i]) <= V_LIMIT_MV & gAmpa[i] >= 0 & gAmpa[i] <= G_LIMIT_NS
          & gGaba[i] >= 0 & gGaba[i] <= G_LIMIT_NS;
    }
    return ok;
  }

  private static void checkG(Plan plan, int i, String name, float g, int step) {
    if (!(g >= 0 && g <= G_LIMIT_NS)) {
      throw fail(plan, i, name, g, "nS", "a finite value in [0, " + G_LIMIT_NS + "] nS", step);
    }
  }

  private static NumericalException fail(Plan plan, int neuron, String variable, float value,
      String unit, String expected, int step) {
    String where = "neuron " + neuron;
    for (PopulationPlan p : plan.populations().values()) {
      if (neuron >= p.start() && neuron < p.start() + p.size()) {
        where = "population " + p.name() + ", neuron " + (neuron - p.start());
      }
    }
    return new NumericalException(String.format(java.util.Locale.ROOT,
        "numerical guard: %s: %s = %s %s at t = %.4f s; expected %s (check time constants, "
            + "dt and weights)", where, variable, value, unit, plan.timeSeconds(step), expected));
  }

  /**
   * Throws {@link NumericalException} when a plasticity rule made a weight that is not a finite
   * number >= 0 in one of {@code projections} ({@link Simulation#badWeights}).
   */
  public static void checkWeights(Plan plan, java.util.List<String> projections, int step) {
    if (!projections.isEmpty()) {
      throw new NumericalException(String.format(java.util.Locale.ROOT,
          "numerical guard: projection %s: the plasticity rule made a weight that is not a finite "
              + "number >= 0 by t = %.4f s; weights are conductances (clip them in the rule)",
          String.join(", ", projections), plan.timeSeconds(step)));
    }
  }

  /** The state of a run left the numbers; the message says where and when. */
  public static final class NumericalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NumericalException(String message) {
      super(message);
    }
  }
}
