package dev.rewire.neuron;

import static dev.rewire.neuron.Algebra.ONE;
import static dev.rewire.neuron.Algebra.add;
import static dev.rewire.neuron.Algebra.div;
import static dev.rewire.neuron.Algebra.exp;
import static dev.rewire.neuron.Algebra.isZero;
import static dev.rewire.neuron.Algebra.linear;
import static dev.rewire.neuron.Algebra.mul;
import static dev.rewire.neuron.Algebra.sqrt;
import static dev.rewire.neuron.Algebra.sub;

import dev.rewire.rule.Pos;
import dev.rewire.rule.RuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a model's equations into one step's update (docs/design.md, "Neuron models"): every new
 * value from the values before the step, each equation by its method, as expressions over the old
 * values, the temporaries and the constants. Equations that share a Runge–Kutta method are
 * integrated together as one system; every other variable is held at its old value during the
 * step. A clamped variable of a refractory neuron keeps its value (its stage values too).
 */
final class Integrator {
  /** One equation, resolved: {@code dvariable/dt = rhs}, by {@code method}. */
  record Equation(String variable, Sym rhs, Method method, Pos pos) {}

  /** What the rewrites of Euler's step must check once the constants are known. */
  record FactorCheck(String variable, Sym factor) {}

  private final List<Sym> temps;
  private final Set<String> clamped;
  final List<FactorCheck> checks = new ArrayList<>();

  Integrator(List<Sym> temps, Set<String> clamped) {
    this.temps = temps;
    this.clamped = clamped;
  }

  private Sym temp(Sym s) {
    temps.add(s);
    return new Sym.Temp(temps.size() - 1);
  }

  /** Per variable (in equation order), the temporary that holds its new value. */
  Map<String, Sym.Temp> integrate(List<Equation> equations) {
    Map<String, Sym.Temp> next = new LinkedHashMap<>();
    for (Method rk : List.of(Method.RK2, Method.RK4)) {
      List<Equation> system = equations.stream().filter(e -> e.method() == rk).toList();
      if (!system.isEmpty()) {
        next.putAll(rungeKutta(system, rk));
      }
    }
    Map<String, Sym.Temp> ordered = new LinkedHashMap<>();
    for (Equation e : equations) {
      Sym.Temp t = next.get(e.variable());
      if (t == null) {
        t = (Sym.Temp) temp(single(e));
      }
      ordered.put(e.variable(), t);
    }
    return ordered;
  }

  private Sym single(Equation e) {
    if (e.method() != Method.EULER && Sym.contains(e.rhs(), Sym.Noise.class)) {
      throw new RuleException(e.pos(), "xi (white noise) needs method euler (Euler–Maruyama), "
          + "found " + e.method().modelName());
    }
    return switch (e.method()) {
      case EULER -> eulerMaruyama(e);
      case EXPONENTIAL_EULER -> exponentialEuler(e);
      case EXACT -> exact(e);
      default -> throw new IllegalStateException("integrated as a system: " + e.method());
    };
  }

  /**
   * Euler–Maruyama as Brian2 writes it: for f = f0 + Σ g_k·xi_k, x + dt·f0 + Σ sqrt(dt)·g_k·n_k
   * with n_k a standard normal draw (xi has units of 1/sqrt(time)).
   */
  private Sym eulerMaruyama(Equation e) {
    Sym f = e.rhs();
    List<Sym> noise = new ArrayList<>();
    for (Sym.Noise n : noises(f)) {
      String name = "\0xi" + n.index();
      Sym marked = Sym.replace(f, s -> s.equals(n) ? new Sym.Var(name) : null);
      Sym[] gf = linear(marked, name);
      if (gf == null || Sym.reads(gf[0], name)) {
        throw new RuleException(e.pos(), "xi must enter d" + e.variable() + "/dt as an "
            + "additive term g*xi (g free of xi); here it does not");
      }
      noise.add(mul(mul(sqrt(new Sym.Dt()), gf[0]), n));
      f = gf[1];
    }
    Sym step = euler(e.variable(), f);
    for (Sym n : noise) {
      step = new Sym.Bin('+', step, n);
    }
    return step;
  }

  private static List<Sym.Noise> noises(Sym s) {
    List<Sym.Noise> out = new ArrayList<>();
    if (s instanceof Sym.Noise n) {
      out.add(n);
    }
    for (Sym c : Sym.children(s)) {
      for (Sym.Noise n : noises(c)) {
        if (!out.contains(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /**
   * x + dt·f, written so that constants fold: for f = a·x with a constant, x·(1 + a·dt) (a decay
   * factor); for f = N / c or c·N with c constant, x + (dt / c)·N or x + (dt·c)·N; else
   * x + dt·f.
   */
  Sym euler(String x, Sym f) {
    Sym v = new Sym.Var(x);
    if (isZero(f)) {
      return v;
    }
    Sym[] ab = linear(f, x);
    if (ab != null && isZero(ab[1]) && Sym.constant(ab[0])) {
      Sym factor = add(ONE, mul(new Sym.Dt(), ab[0]));
      checks.add(new FactorCheck(x, factor));
      return new Sym.Bin('*', v, factor);
    }
    if (f instanceof Sym.Bin b && b.op() == '/' && Sym.constant(b.b())) {
      return new Sym.Bin('+', v, new Sym.Bin('*', div(new Sym.Dt(), b.b()), b.a()));
    }
    if (f instanceof Sym.Bin b && b.op() == '*' && Sym.constant(b.a())) {
      return new Sym.Bin('+', v, new Sym.Bin('*', mul(new Sym.Dt(), b.a()), b.b()));
    }
    if (f instanceof Sym.Bin b && b.op() == '*' && Sym.constant(b.b())) {
      return new Sym.Bin('+', v, new Sym.Bin('*', mul(new Sym.Dt(), b.b()), b.a()));
    }
    return new Sym.Bin('+', v, new Sym.Bin('*', new Sym.Dt(), f));
  }

  private Sym exponentialEuler(Equation e) {
    String x = e.variable();
    Sym[] ab = linear(e.rhs(), x);
    if (ab == null) {
      throw new RuleException(e.pos(), "exponential_euler needs an equation linear in " + x
          + " (d" + x + "/dt = a*" + x + " + b, a and b free of " + x + "); use euler, rk2 or rk4");
    }
    if (isZero(ab[0])) {
      return euler(x, e.rhs());
    }
    Sym growth = exp(mul(ab[0], new Sym.Dt()));
    if (isZero(ab[1])) {
      return new Sym.Bin('*', new Sym.Var(x), growth);
    }
    Sym ba = temp(div(ab[1], ab[0]));
    return new Sym.Bin('+', new Sym.Neg(ba),
        new Sym.Bin('*', new Sym.Bin('+', ba, new Sym.Var(x)), growth));
  }

  private Sym exact(Equation e) {
    String x = e.variable();
    Sym[] ab = linear(e.rhs(), x);
    if (ab == null) {
      throw new RuleException(e.pos(), "exact needs an equation linear in " + x + " with "
          + "constant coefficients (d" + x + "/dt = a*" + x + " + b, a and b of params and "
          + "numbers); this one is not linear in " + x + ": use euler, rk2 or rk4");
    }
    for (int k = 0; k < 2; k++) {
      String reads = reads(ab[k]);
      if (reads != null) {
        throw new RuleException(e.pos(), "exact needs d" + x + "/dt = a*" + x + " + b with a "
            + "and b constant (params and numbers); here " + (k == 0 ? "a" : "b") + " reads "
            + reads + ": use exponential_euler (which holds it over the step) or euler");
      }
    }
    Sym v = new Sym.Var(x);
    if (isZero(ab[0])) {
      return new Sym.Bin('+', v, mul(new Sym.Dt(), ab[1]));
    }
    Sym growth = exp(mul(ab[0], new Sym.Dt()));
    if (isZero(ab[1])) {
      return new Sym.Bin('*', v, growth);
    }
    return new Sym.Bin('+', new Sym.Bin('*', v, growth),
        mul(div(ab[1], ab[0]), sub(growth, ONE)));
  }

  /** The first thing in {@code s} that is not a constant ("v", "t", "xi"), or null. */
  private static String reads(Sym s) {
    if (s instanceof Sym.Var v) {
      return "the variable " + v.name();
    } else if (s instanceof Sym.PerNeuron p) {
      return "the per-neuron param " + p.name();
    } else if (s instanceof Sym.Time) {
      return "t";
    } else if (s instanceof Sym.Noise) {
      return "xi";
    }
    for (Sym c : Sym.children(s)) {
      String r = reads(c);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /**
   * A Runge–Kutta step of the system, as Brian2 writes it: rk2 is k = dt·f(x, t),
   * x + dt·f(x + k/2, t + dt/2); rk4 is k1 = dt·f(x, t), k2 = dt·f(x + k1/2, t + dt/2),
   * k3 = dt·f(x + k2/2, t + dt/2), k4 = dt·f(x + k3, t + dt), x + (k1 + 2 k2 + 2 k3 + k4)/6.
   */
  private Map<String, Sym.Temp> rungeKutta(List<Equation> system, Method m) {
    for (Equation e : system) {
      if (Sym.contains(e.rhs(), Sym.Noise.class)) {
        throw new RuleException(e.pos(), "xi (white noise) needs method euler "
            + "(Euler–Maruyama), found " + m.modelName());
      }
    }
    Sym dt = new Sym.Dt();
    Sym half = div(dt, Sym.num(2.0));
    Map<String, Sym.Temp> next = new LinkedHashMap<>();
    if (m == Method.RK2) {
      List<Sym> k = stage(system, null, null);
      Map<String, Sym> mid = shifted(system, k, Sym.num(2.0));
      for (int q = 0; q < system.size(); q++) {
        Equation e = system.get(q);
        Sym f = at(e.rhs(), mid, half);
        next.put(e.variable(), (Sym.Temp) temp(new Sym.Bin('+', new Sym.Var(e.variable()),
            new Sym.Bin('*', dt, f))));
      }
      return next;
    }
    List<Sym> k1 = stage(system, null, null);
    List<Sym> k2 = stage(system, shifted(system, k1, Sym.num(2.0)), half);
    List<Sym> k3 = stage(system, shifted(system, k2, Sym.num(2.0)), half);
    List<Sym> k4 = stage(system, shifted(system, k3, null), dt);
    Sym two = Sym.num(2.0);
    for (int q = 0; q < system.size(); q++) {
      Equation e = system.get(q);
      Sym sum = new Sym.Bin('+', new Sym.Bin('+', new Sym.Bin('+', k1.get(q),
          new Sym.Bin('*', two, k2.get(q))), new Sym.Bin('*', two, k3.get(q))), k4.get(q));
      next.put(e.variable(), (Sym.Temp) temp(new Sym.Bin('+', new Sym.Var(e.variable()),
          new Sym.Bin('/', sum, Sym.num(6.0)))));
    }
    return next;
  }

  /** Per equation, a temporary dt·f at the stage's values ({@code vars}) and time shift. */
  private List<Sym> stage(List<Equation> system, Map<String, Sym> vars, Sym shift) {
    List<Sym> k = new ArrayList<>();
    for (Equation e : system) {
      Sym f = vars == null ? e.rhs() : at(e.rhs(), vars, shift);
      k.add(temp(new Sym.Bin('*', new Sym.Dt(), f)));
    }
    return k;
  }

  /**
   * The stage values x + k/divisor (divisor null: x + k) of the system's variables, as
   * temporaries; a clamped variable of a refractory neuron keeps x.
   */
  private Map<String, Sym> shifted(List<Equation> system, List<Sym> k, Sym divisor) {
    Map<String, Sym> out = new LinkedHashMap<>();
    for (int q = 0; q < system.size(); q++) {
      String x = system.get(q).variable();
      Sym step = divisor == null ? k.get(q) : new Sym.Bin('/', k.get(q), divisor);
      Sym moved = new Sym.Bin('+', new Sym.Var(x), step);
      if (clamped.contains(x)) {
        moved = new Sym.Call(dev.rewire.rule.Function.WHERE,
            List.of(new Sym.Refractory(), new Sym.Var(x), moved));
      }
      out.put(x, temp(moved));
    }
    return out;
  }

  /** {@code f} with the system's variables at {@code vars} and t moved on by {@code shift}. */
  private static Sym at(Sym f, Map<String, Sym> vars, Sym shift) {
    return Sym.replace(f, s -> {
      if (s instanceof Sym.Var v && vars.containsKey(v.name())) {
        return vars.get(v.name());
      }
      if (s instanceof Sym.Time && shift != null) {
        return new Sym.Bin('+', s, shift);
      }
      return null;
    });
  }
}
