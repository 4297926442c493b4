package dev.rewire.neuron;

import dev.rewire.rule.Equation;
import dev.rewire.rule.Expr;
import dev.rewire.rule.Function;
import dev.rewire.rule.Parser;
import dev.rewire.rule.RExpr;
import dev.rewire.rule.RuleException;
import dev.rewire.rule.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a neuron model ({@link NeuronSource}) and compiles it to {@link NeuronCode}. Every problem
 * is a {@link NeuronException} naming the field and, inside an expression, the line and column.
 */
public final class NeuronCompiler {
  /** Names a param or variable may not take. */
  private static final Set<String> RESERVED = reserved();

  private NeuronCompiler() {}

  public static NeuronCode compile(NeuronSource src) {
    List<String> params = new ArrayList<>(src.params().keySet());
    List<String> perNeuron = new ArrayList<>(src.perNeuron().keySet());
    List<String> variables = new ArrayList<>(src.variables().keySet());
    for (String p : params) {
      checkName("params", p);
    }
    for (String p : perNeuron) {
      checkName("per_neuron", p);
      if (src.variables().containsKey(p)) {
        throw new NeuronException("per_neuron." + p, ": '" + p + "' is also a variable; a "
            + "per-neuron param is a constant of each neuron, a variable changes");
      }
    }
    params.removeAll(perNeuron); // a per-neuron value replaces the param's
    if (variables.isEmpty()) {
      throw new NeuronException("variables", " must declare at least one state variable, e.g. "
          + "{ v = -65.0 }");
    }
    for (String v : variables) {
      checkName("variables", v);
      if (src.params().containsKey(v)) {
        throw new NeuronException("variables." + v, ": '" + v + "' is also a param; a name is "
            + "either a constant (params) or a state variable (variables)");
      }
    }

    // Set-up: per-neuron params, then initial values, each reading what was set up before it.
    List<Object> perNeuronInit = new ArrayList<>();
    for (int k = 0; k < perNeuron.size(); k++) {
      String name = perNeuron.get(k);
      perNeuronInit.add(setup("per_neuron." + name, src.perNeuron().get(name), params,
          perNeuron.subList(0, k), List.of(), true));
    }
    List<Sym> variableInit = new ArrayList<>();
    for (int k = 0; k < variables.size(); k++) {
      String name = variables.get(k);
      variableInit.add((Sym) setup("variables." + name, src.variables().get(name), params,
          perNeuron, variables.subList(0, k), false));
    }

    Set<String> clamped = new LinkedHashSet<>();
    for (String c : src.clamped()) {
      if (!variables.contains(c)) {
        throw new NeuronException("clamped", ": '" + c + "' is not a variable of the model"
            + didYouMean(c, variables) + "; clamped names variables held while refractory");
      }
      clamped.add(c);
    }

    Method defaultMethod = Method.named(src.method());
    if (defaultMethod == null) {
      throw new NeuronException("method", " = \"" + src.method() + "\" is not a method; "
          + "expected one of " + String.join(", ", Method.names())
          + didYouMean(src.method(), Method.names()));
    }
    Map<String, Integer> noises = new LinkedHashMap<>();
    List<Integrator.Equation> equations = equations(src.equations(), defaultMethod, params,
        perNeuron, variables, noises);
    List<Sym> temps = new ArrayList<>();
    Integrator integrator = new Integrator(temps, clamped);
    Map<String, Sym.Temp> next;
    try {
      next = integrator.integrate(equations);
    } catch (RuleException e) {
      throw new NeuronException("equations", e);
    }

    Sym threshold;
    try {
      threshold = new Resolver(Resolver.Part.THRESHOLD, params, perNeuron, variables, noises)
          .condition(Parser.expression(src.threshold()), "the threshold");
    } catch (RuleException e) {
      throw new NeuronException("threshold", e);
    }
    List<Sym[]> reset = new ArrayList<>();
    try {
      Resolver r = new Resolver(Resolver.Part.RESET, params, perNeuron, variables, noises);
      for (Statement s : Parser.statements(src.reset())) {
        if (!variables.contains(s.target())) {
          throw badResetTarget(s, params, perNeuron, variables);
        }
        reset.add(new Sym[] {new Sym.Var(s.target()),
            r.number(s.value(), "the value of " + s.target())});
      }
    } catch (RuleException e) {
      throw new NeuronException("reset", e);
    }

    // A param nothing reads is most likely misspelt (and its value silently unused).
    List<Sym> readers = new ArrayList<>();
    equations.forEach(e -> readers.add(e.rhs()));
    readers.add(threshold);
    reset.forEach(a -> readers.add(a[1]));
    perNeuronInit.stream().filter(i -> i instanceof Sym).forEach(i -> readers.add((Sym) i));
    readers.addAll(variableInit);
    Set<String> read = new HashSet<>();
    readers.forEach(r -> collectNames(r, read));
    List<String> all = new ArrayList<>(src.params().keySet());
    all.addAll(perNeuron);
    all.addAll(variables);
    for (String p : src.params().keySet()) {
      if (!read.contains(p)) {
        throw unused("params." + p, p, all, read);
      }
    }
    for (String p : perNeuron) {
      if (!read.contains(p)) {
        throw unused("per_neuron." + p, p, all, read);
      }
    }

    Lowering lower = new Lowering(variables, perNeuron);
    List<RExpr> loweredTemps = new ArrayList<>();
    for (Sym t : temps) {
      loweredTemps.add(lower.lower(t));
    }
    int[] nextIndex = new int[variables.size()];
    boolean[] clampedFlags = new boolean[variables.size()];
    for (int k = 0; k < variables.size(); k++) {
      Sym.Temp t = next.get(variables.get(k));
      nextIndex[k] = t == null ? -1 : t.index();
      clampedFlags[k] = clamped.contains(variables.get(k));
    }
    RExpr loweredThreshold = lower.lower(threshold);
    List<NeuronCode.Assignment> loweredReset = new ArrayList<>();
    for (Sym[] a : reset) {
      loweredReset.add(new NeuronCode.Assignment(variables.indexOf(((Sym.Var) a[0]).name()),
          lower.lower(a[1])));
    }
    return new NeuronCode(variables, perNeuron, lower.constants, loweredTemps, nextIndex,
        clampedFlags, loweredThreshold, loweredReset, noises.size(), integrator.checks,
        perNeuronInit, variableInit);
  }

  private static List<Integrator.Equation> equations(String text, Method defaultMethod,
      List<String> params, List<String> perNeuron, List<String> variables,
      Map<String, Integer> noises) {
    List<Integrator.Equation> out = new ArrayList<>();
    try {
      Resolver r = new Resolver(Resolver.Part.EQUATION, params, perNeuron, variables, noises);
      Set<String> seen = new HashSet<>();
      for (Equation e : Parser.equations(text)) {
        String x = e.variable();
        if (!variables.contains(x)) {
          throw badEquationTarget(e, params, perNeuron, variables);
        }
        if (!seen.add(x)) {
          throw new RuleException(e.pos(), x + " has two equations; give each variable one");
        }
        Method m = defaultMethod;
        if (e.method() != null) {
          m = Method.named(e.method());
          if (m == null) {
            throw new RuleException(e.methodPos(), "'" + e.method() + "' is not a method; "
                + "expected one of " + String.join(", ", Method.names()), e.method(),
                Method.names());
          }
        }
        out.add(new Integrator.Equation(x, r.number(e.rhs(), "d" + x + "/dt"), m, e.pos()));
      }
    } catch (RuleException e) {
      throw new NeuronException("equations", e);
    }
    return out;
  }

  private static RuleException badEquationTarget(Equation e, List<String> params,
      List<String> perNeuron, List<String> variables) {
    String x = e.variable();
    if (params.contains(x) || perNeuron.contains(x)) {
      return new RuleException(e.pos(), "'" + x + "' is a param, a constant of the model; "
          + "equations are for variables (declare it in variables to make it change)");
    }
    return new RuleException(e.pos(), "an equation for '" + x + "', which is not a declared "
        + "variable; declare it in variables (with its initial value)", x, variables);
  }

  private static RuleException badResetTarget(Statement s, List<String> params,
      List<String> perNeuron, List<String> variables) {
    String x = s.target();
    if (params.contains(x) || perNeuron.contains(x)) {
      return new RuleException(s.pos(), "'" + x + "' is a param, a constant of the model; the "
          + "reset may assign variables: " + String.join(", ", variables));
    }
    return new RuleException(s.pos(), "unknown name '" + x + "' to assign; the reset may "
        + "assign variables: " + String.join(", ", variables), x, variables);
  }

  /**
   * A per-neuron list (returned as double[]), or a set-up expression (a {@link Sym}) for a number
   * or a text.
   */
  private static Object setup(String field, Init init, List<String> params,
      List<String> perNeuron, List<String> variables, boolean listAllowed) {
    if (init instanceof Init.Value v) {
      if (!Double.isFinite(v.value())) {
        throw new NeuronException(field, " must be a finite number, got " + v.value());
      }
      return Sym.num(v.value());
    }
    if (init instanceof Init.Values list) {
      if (!listAllowed) {
        throw new NeuronException(field, ": expected a number or an expression (a string), got a "
            + "list; per-neuron values go to per_neuron");
      }
      for (int i = 0; i < list.values().length; i++) {
        if (!Double.isFinite(list.values()[i])) {
          throw new NeuronException(field, "[" + i + "] must be a finite number, got "
              + list.values()[i]);
        }
      }
      return list.values().clone();
    }
    String text = ((Init.Expression) init).text();
    try {
      return new Resolver(Resolver.Part.SETUP, params, perNeuron, variables,
          new LinkedHashMap<>()).number(Parser.expression(text), "the value");
    } catch (RuleException e) {
      throw new NeuronException(field, e);
    }
  }

  private static NeuronException unused(String field, String name, List<String> all,
      Set<String> read) {
    List<String> others = all.stream().filter(n -> !n.equals(name)).toList();
    return new NeuronException(field, " is read by no equation, threshold, reset, initial value "
        + "or per-neuron expression" + didYouMean(name, others) + "; remove it, or use it");
  }

  /** The params and per-neuron params {@code s} reads. */
  private static void collectNames(Sym s, Set<String> out) {
    if (s instanceof Sym.Param p) {
      out.add(p.name());
    } else if (s instanceof Sym.PerNeuron p) {
      out.add(p.name());
    }
    for (Sym c : Sym.children(s)) {
      collectNames(c, out);
    }
  }

  private static void checkName(String table, String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new NeuronException(table, ": '" + name + "' is not a name; expected letters, digits "
          + "and _, not starting with a digit");
    }
    if (RESERVED.contains(name) || name.startsWith("xi_")) {
      throw new NeuronException(table, ": '" + name + "' is reserved (t, dt, xi, xi_*, rand, "
          + "randn, and, or, not and the function names); choose another name");
    }
  }

  private static String didYouMean(String name, java.util.Collection<String> known) {
    return dev.rewire.rule.Suggest.didYouMean(name, known);
  }

  private static Set<String> reserved() {
    Set<String> r = new HashSet<>(List.of("t", "dt", "xi", "rand", "randn", "and", "or", "not"));
    for (Function f : Function.values()) {
      r.add(f.ruleName());
    }
    return Set.copyOf(r);
  }
}
