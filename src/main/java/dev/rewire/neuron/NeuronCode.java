package dev.rewire.neuron;

import dev.rewire.rule.Evaluator;
import dev.rewire.rule.Function;
import dev.rewire.rule.RExpr;
import dev.rewire.rule.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A neuron model compiled: one neuron's step as resolved expressions, what both backends generate
 * code from (docs/design.md, "Neuron models"). Per neuron and step:
 *
 * <ol>
 *   <li>(the backend adds the synaptic input that arrived to its target variables);
 *   <li>the temporaries in order, each from the variables as they were before the update
 *       ({@link RExpr.Var}), earlier temporaries, constants, per-neuron params, t and the noise
 *       draws; variable k's new value is temporary {@code next[k]} (none: unchanged), kept only if
 *       the neuron is not refractory or the variable is not clamped;
 *   <li>if the neuron is not refractory and the threshold holds (on the new values), it spikes:
 *       the reset's assignments run in order, and its refractory period starts.
 * </ol>
 *
 * What code depends on is {@link #shape()}; the values of the constants, per-neuron params and
 * initial values are per network ({@link #constants}, {@link #setUp}).
 */
public final class NeuronCode {
  /** One assignment of the reset: variable {@code variable} = {@code value}. */
  public record Assignment(int variable, RExpr value) {}

  private final List<String> variables;
  private final List<String> perNeuron;
  private final List<Sym> constants;
  private final List<RExpr> temps;
  private final int[] next;
  private final boolean[] clamped;
  private final RExpr threshold;
  private final List<Assignment> reset;
  private final int noises;
  private final List<Integrator.FactorCheck> checks;
  /** Per per-neuron param: its list, or its set-up expression (null for a list). */
  private final List<Object> perNeuronInit;
  /** Per variable: its set-up expression. */
  private final List<Sym> variableInit;

  NeuronCode(List<String> variables, List<String> perNeuron, List<Sym> constants,
      List<RExpr> temps, int[] next, boolean[] clamped, RExpr threshold, List<Assignment> reset,
      int noises, List<Integrator.FactorCheck> checks, List<Object> perNeuronInit,
      List<Sym> variableInit) {
    this.variables = List.copyOf(variables);
    this.perNeuron = List.copyOf(perNeuron);
    this.constants = List.copyOf(constants);
    this.temps = List.copyOf(temps);
    this.next = next.clone();
    this.clamped = clamped.clone();
    this.threshold = threshold;
    this.reset = List.copyOf(reset);
    this.noises = noises;
    this.checks = List.copyOf(checks);
    this.perNeuronInit = List.copyOf(perNeuronInit);
    this.variableInit = List.copyOf(variableInit);
  }

  /** The state variables, in model order: {@link RExpr.Var} indices. */
  public List<String> variables() {
    return variables;
  }

  /** The per-neuron params, in model order: {@link RExpr.PerNeuron} indices. */
  public List<String> perNeuron() {
    return perNeuron;
  }

  public List<RExpr> temps() {
    return temps;
  }

  /** Per variable, the temporary holding its new value, or -1 (no equation: unchanged). */
  public int[] next() {
    return next.clone();
  }

  public int next(int variable) {
    return next[variable];
  }

  public boolean clamped(int variable) {
    return clamped[variable];
  }

  public boolean anyClamped() {
    for (boolean c : clamped) {
      if (c) {
        return true;
      }
    }
    return false;
  }

  /** The spike condition, on the variables after the update. */
  public RExpr threshold() {
    return threshold;
  }

  public List<Assignment> reset() {
    return reset;
  }

  /** Standard normal draws per neuron and step ({@link RExpr.Noise} indices). */
  public int noises() {
    return noises;
  }

  public int constantCount() {
    return constants.size();
  }

  /** Whether the update reads the refractory flag (a clamped variable in a Runge–Kutta stage). */
  public boolean readsRefractory() {
    List<RExpr> found = new ArrayList<>();
    for (RExpr t : temps) {
      Walk.collect(t, RExpr.Refractory.class, found);
    }
    return !found.isEmpty();
  }

  /** Whether any expression reads t. */
  public boolean readsTime() {
    List<RExpr> found = new ArrayList<>();
    for (RExpr e : expressions()) {
      Walk.collect(e, RExpr.Time.class, found);
    }
    return !found.isEmpty();
  }

  /**
   * Whether the step divides, takes a square root or draws noise (which divides and roots): OpenCL
   * must round those correctly.
   */
  public boolean dividesOrRoots() {
    return noises > 0 || expressions().stream().anyMatch(Evaluator::dividesOrRoots);
  }

  private List<RExpr> expressions() {
    List<RExpr> all = new ArrayList<>(temps);
    all.add(threshold);
    reset.forEach(a -> all.add(a.value()));
    return all;
  }

  /**
   * The constants for these param values and dt: each computed in double and rounded to float.
   * Throws {@link IllegalArgumentException} when Euler's decay factor of some variable is not
   * positive (dt too large for its time constant), naming the variable.
   */
  public float[] constants(Map<String, Double> params, double dt) {
    HostEval.Env env = env(params, dt);
    for (Integrator.FactorCheck c : checks) {
      double f = HostEval.number(c.factor(), env);
      if (!(f > 0)) {
        throw new IllegalArgumentException("euler decays " + c.variable() + " by the factor "
            + Text.of(c.factor()) + " = " + Text.plain(f) + " per step; it must be > 0: make dt "
            + "smaller than the time constant (dt = " + Text.plain(dt) + " ms), or use method "
            + "exact");
      }
    }
    float[] out = new float[constants.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) HostEval.number(constants.get(k), env);
    }
    return out;
  }

  /** Constant k as the model computes it, in the model's words (for generated code's comments). */
  public String constantText(int k) {
    return Text.of(constants.get(k));
  }

  /** Per-neuron params and initial variables of a group's neurons, in float. */
  public record SetUp(float[][] perNeuron, float[][] variables) {}

  /**
   * The per-neuron params and initial values of {@code size} neurons: lists as given, expressions
   * computed per neuron in double (rand() and randn() from {@code random}, which numbers its draws
   * per neuron, expression and call) and rounded to float.
   *
   * @throws IllegalArgumentException naming the variable or param and the neuron when a value is
   *     not finite, or a list has not {@code size} values
   */
  public SetUp setUp(int size, Map<String, Double> params, double dt, SetupRandom random) {
    double[][] pn = new double[perNeuron.size()][size];
    double[][] vars = new double[variables.size()][size];
    for (int p = 0; p < perNeuron.size(); p++) {
      Object init = perNeuronInit.get(p);
      if (init instanceof double[] list) {
        if (list.length != size) {
          throw new IllegalArgumentException("per_neuron." + perNeuron.get(p) + " has "
              + list.length + " values for a group of " + size + " neurons; expected " + size);
        }
        pn[p] = list.clone();
      }
    }
    for (int i = 0; i < size; i++) {
      final int neuron = i;
      for (int p = 0; p < perNeuron.size(); p++) {
        if (perNeuronInit.get(p) instanceof Sym s) {
          pn[p][i] = HostEval.number(s, setupEnv(params, dt, pn, vars, neuron, random, 0, p));
        }
      }
      for (int v = 0; v < variables.size(); v++) {
        vars[v][i] = HostEval.number(variableInit.get(v),
            setupEnv(params, dt, pn, vars, neuron, random, 1, v));
      }
    }
    return new SetUp(rounded(pn, perNeuron, "per_neuron."), rounded(vars, variables,
        "variables."));
  }

  private static float[][] rounded(double[][] values, List<String> names, String field) {
    float[][] out = new float[values.length][];
    for (int k = 0; k < values.length; k++) {
      out[k] = new float[values[k].length];
      for (int i = 0; i < values[k].length; i++) {
        float f = (float) values[k][i];
        if (!Float.isFinite(f)) {
          throw new IllegalArgumentException(field + names.get(k) + " is " + f + " for neuron "
              + i + "; expected a finite value");
        }
        out[k][i] = f;
      }
    }
    return out;
  }

  private HostEval.Env setupEnv(Map<String, Double> params, double dt, double[][] pn,
      double[][] vars, int neuron, SetupRandom random, int kind, int item) {
    int[] calls = {0};
    return new HostEval.Env() {
      @Override
      public double param(String name) {
        return params.get(name);
      }

      @Override
      public double dt() {
        return dt;
      }

      @Override
      public double perNeuron(String name) {
        return pn[perNeuron.indexOf(name)][neuron];
      }

      @Override
      public double variable(String name) {
        return vars[variables.indexOf(name)][neuron];
      }

      @Override
      public double draw(boolean normal) {
        int call = calls[0]++;
        return normal ? random.normal(neuron, call, kind, item)
            : random.uniform(neuron, call, kind, item);
      }
    };
  }

  private static HostEval.Env env(Map<String, Double> params, double dt) {
    return new HostEval.Env() {
      @Override
      public double param(String name) {
        Double v = params.get(name);
        if (v == null) {
          throw new IllegalArgumentException("no value for param " + name);
        }
        return v;
      }

      @Override
      public double dt() {
        return dt;
      }
    };
  }

  /**
   * Equal for two models exactly when the same code runs both: the step's expressions, not the
   * values of constants, per-neuron params or initial values.
   */
  public String shape() {
    StringBuilder b = new StringBuilder();
    b.append("variables ").append(variables.size()).append(", per-neuron ")
        .append(perNeuron.size()).append(", constants ").append(constants.size())
        .append(", noises ").append(noises).append("\n");
    for (int k = 0; k < temps.size(); k++) {
      b.append("t").append(k).append(" = ").append(temps.get(k)).append('\n');
    }
    b.append("next ").append(java.util.Arrays.toString(next)).append(" clamped ")
        .append(java.util.Arrays.toString(clamped)).append('\n');
    b.append("threshold ").append(threshold).append('\n');
    for (Assignment a : reset) {
      b.append("reset y").append(a.variable()).append(" = ").append(a.value()).append('\n');
    }
    return b.toString();
  }

  /** Whether {@code e} is {@code where(...)}, for code that must not split it. */
  static boolean isWhere(RExpr e) {
    return e instanceof RExpr.Call c && c.function() == Function.WHERE;
  }
}
