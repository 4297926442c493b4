package dev.rewire.neuron;

import dev.rewire.rule.Expr;
import dev.rewire.rule.ExprType;
import dev.rewire.rule.Function;
import dev.rewire.rule.Pos;
import dev.rewire.rule.RuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the names of a neuron model's expression and checks its form: what each part of a
 * model may read (equations: variables, params, t, dt, xi; threshold and reset: variables, params,
 * t, dt; set-up expressions: params, earlier per-neuron params and variables, dt, rand(), randn()),
 * numbers where numbers belong and conditions where conditions do.
 */
final class Resolver {
  /** Which part of a model an expression belongs to. */
  enum Part {
    EQUATION("an equation"), THRESHOLD("the threshold"), RESET("the reset"),
    SETUP("a set-up expression");

    final String what;

    Part(String what) {
      this.what = what;
    }
  }

  private final Part part;
  private final List<String> params;
  private final List<String> perNeuron;
  private final List<String> variables;
  /** White-noise names (xi, xi_a, ...) to their draw index, in order of first use. */
  private final Map<String, Integer> noises;

  Resolver(Part part, List<String> params, List<String> perNeuron, List<String> variables,
      Map<String, Integer> noises) {
    this.part = part;
    this.params = params;
    this.perNeuron = perNeuron;
    this.variables = variables;
    this.noises = noises;
  }

  Sym number(Expr e, String what) {
    Sym s = resolve(e);
    if (ExprType.of(e) != ExprType.NUMBER) {
      throw new RuleException(e.start(), what + " must be a number, found a condition");
    }
    return s;
  }

  Sym condition(Expr e, String what) {
    Sym s = resolve(e);
    if (ExprType.of(e) != ExprType.CONDITION) {
      throw new RuleException(e.start(), what + " must be a condition (e.g. 'v > vt'), found a "
          + "number");
    }
    return s;
  }

  private Sym resolve(Expr e) {
    if (e instanceof Expr.Num n) {
      return new Sym.Num(n.exact(), n.value());
    }
    if (e instanceof Expr.Name n) {
      return name(n.name(), n.pos());
    }
    if (e instanceof Expr.Unary u) {
      return u.op().equals("-") ? new Sym.Neg(resolve(u.operand()))
          : new Sym.Not(resolve(u.operand()));
    }
    if (e instanceof Expr.Binary b) {
      Sym l = resolve(b.left());
      Sym r = resolve(b.right());
      return switch (b.op()) {
        case "+", "-", "*", "/" -> new Sym.Bin(b.op().charAt(0), l, r);
        case "and" -> new Sym.Logic(true, l, r);
        case "or" -> new Sym.Logic(false, l, r);
        default -> new Sym.Cmp(b.op(), l, r);
      };
    }
    return call((Expr.Call) e);
  }

  private Sym call(Expr.Call c) {
    if (c.function().equals("rand") || c.function().equals("randn")) {
      if (part != Part.SETUP) {
        throw new RuleException(c.pos(), c.function() + "() draws at set-up only (initial values "
            + "and per_neuron); in " + part.what + " use xi for white noise");
      }
      if (!c.args().isEmpty()) {
        throw new RuleException(c.pos(), c.function() + " takes no arguments, found "
            + c.args().size());
      }
      return new Sym.Rand(c.function().equals("randn"));
    }
    Function f = Function.named(c.function());
    if (f == null) {
      List<String> names = new ArrayList<>();
      for (Function g : Function.values()) {
        names.add(g.ruleName());
      }
      if (part == Part.SETUP) {
        names.add("rand");
        names.add("randn");
      }
      throw new RuleException(c.pos(), "unknown function '" + c.function() + "'; the functions "
          + "are " + String.join(", ", names), c.function(), names);
    }
    if (c.args().size() != f.arity()) {
      throw new RuleException(c.pos(), f.ruleName() + " takes " + f.arity() + " argument"
          + (f.arity() == 1 ? "" : "s") + ", found " + c.args().size());
    }
    List<Sym> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(resolve(a));
    }
    return new Sym.Call(f, args);
  }

  private Sym name(String s, Pos pos) {
    if (variables.contains(s)) {
      return new Sym.Var(s);
    }
    if (perNeuron.contains(s)) {
      return new Sym.PerNeuron(s);
    }
    if (params.contains(s)) {
      return new Sym.Param(s);
    }
    if (s.equals("dt")) {
      return new Sym.Dt();
    }
    if (s.equals("t")) {
      if (part == Part.SETUP) {
        throw new RuleException(pos, "t is not known at set-up (initial values and per_neuron "
            + "are drawn before the first step)");
      }
      return new Sym.Time();
    }
    if (s.equals("xi") || s.startsWith("xi_")) {
      if (part != Part.EQUATION) {
        throw new RuleException(pos, s + " (white noise) may appear only in equations");
      }
      return new Sym.Noise(noises.computeIfAbsent(s, k -> noises.size()));
    }
    if (Function.named(s) != null) {
      throw new RuleException(pos, "'" + s + "' is a function; call it as " + s + "(...)");
    }
    List<String> may = new ArrayList<>(variables);
    may.addAll(perNeuron);
    may.addAll(params);
    may.add("dt");
    if (part != Part.SETUP) {
      may.add("t");
    }
    throw new RuleException(pos, "unknown name '" + s + "'", s, may);
  }



  static Map<String, Integer> noNoise() {
    return new LinkedHashMap<>();
  }
}
