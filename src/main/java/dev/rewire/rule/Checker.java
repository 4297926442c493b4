package dev.rewire.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves and checks a rule against the names it may use: a param may be read anywhere and never
 * assigned; an event (on_pre, on_post) may assign {@code w} and its own side's traces; a trace
 * statement may read only its own side's traces and params (a trace is one value per neuron, so it
 * cannot depend on a synapse); a {@code w} statement may read {@code w}, every trace and every
 * param. Statements must give numbers, conditions booleans.
 */
public final class Checker {
  /**
   * The names of one event: the rule's params, the traces of the event's own side and of the other
   * side, and the sides' names ("pre", "post") for messages.
   */
  public record Scope(String event, List<String> params, String ownSide, List<String> ownTraces,
      String otherSide, List<String> otherTraces) {}

  private final Scope scope;
  /** Per own trace, its version so far in the event. */
  private final int[] version;
  /** Whether the statement being resolved assigns a trace (else w, or a prune condition). */
  private boolean traceStatement;
  private boolean prune;

  private Checker(Scope scope) {
    this.scope = scope;
    this.version = new int[scope.ownTraces().size()];
  }

  /** The event {@code statements} of {@code scope}. */
  public static Event event(List<Statement> statements, Scope scope) {
    Checker c = new Checker(scope);
    List<Event.TraceDef> defs = new ArrayList<>();
    List<RExpr> weights = new ArrayList<>();
    for (Statement s : statements) {
      int own = scope.ownTraces().indexOf(s.target());
      if (s.target().equals("w")) {
        c.traceStatement = false;
        weights.add(c.number(s.value(), "the value of w"));
      } else if (own >= 0) {
        c.traceStatement = true;
        RExpr value = c.number(s.value(), "the value of " + s.target());
        defs.add(new Event.TraceDef(own, ++c.version[own], value));
      } else {
        throw c.badTarget(s);
      }
    }
    return new Event(defs, weights, c.version.clone());
  }

  /** A prune condition: a boolean over {@code w} and the params. */
  public static RExpr prune(Expr condition, List<String> params) {
    Checker c = new Checker(new Scope("prune", params, "", List.of(), "", List.of()));
    c.prune = true;
    RExpr r = c.resolve(condition);
    if (ExprType.of(condition) != ExprType.CONDITION) {
      throw new RuleException(condition.start(), "prune must be a condition on w (e.g. "
          + "'w < 0.005'), found a number");
    }
    if (!Evaluator.readsState(r)) {
      throw new RuleException(condition.start(), "prune must be a condition on w (e.g. "
          + "'w < 0.005'); this one does not read w, so it would prune all or nothing");
    }
    return r;
  }

  private RuntimeException badTarget(Statement s) {
    String t = s.target();
    if (scope.params().contains(t)) {
      return new RuleException(s.pos(), "'" + t + "' is a param, a constant of the rule; "
          + scope.event() + " may assign w and the " + scope.ownSide() + " traces");
    }
    if (scope.otherTraces().contains(t)) {
      return new RuleException(s.pos(), "'" + t + "' is a " + scope.otherSide() + " trace; "
          + scope.event() + " may assign w and the " + scope.ownSide() + " traces");
    }
    List<String> may = new ArrayList<>(List.of("w"));
    may.addAll(scope.ownTraces());
    return new RuleException(s.pos(), "unknown name '" + t + "' to assign; " + scope.event()
        + " may assign " + String.join(", ", may), t, may);
  }

  private RExpr number(Expr e, String what) {
    RExpr r = resolve(e);
    if (ExprType.of(e) != ExprType.NUMBER) {
      throw new RuleException(e.start(), what + " must be a number, found a condition");
    }
    return r;
  }

  private RExpr resolve(Expr e) {
    if (e instanceof Expr.Num n) {
      return new RExpr.Const(n.value());
    }
    if (e instanceof Expr.Name n) {
      return name(n);
    }
    if (e instanceof Expr.Unary u) {
      return u.op().equals("-") ? new RExpr.Neg(resolve(u.operand()))
          : new RExpr.Not(resolve(u.operand()));
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    return call((Expr.Call) e);
  }

  private RExpr binary(Expr.Binary b) {
    RExpr l = resolve(b.left());
    RExpr r = resolve(b.right());
    return switch (b.op()) {
      case "+", "-", "*", "/" -> new RExpr.Arith(b.op().charAt(0), l, r);
      case "and" -> new RExpr.Logic(true, l, r);
      case "or" -> new RExpr.Logic(false, l, r);
      default -> new RExpr.Compare(b.op(), l, r);
    };
  }

  private RExpr call(Expr.Call c) {
    Function f = Function.named(c.function());
    if (f == null) {
      List<String> names = new ArrayList<>();
      for (Function g : Function.values()) {
        names.add(g.ruleName());
      }
      throw new RuleException(c.pos(), "unknown function '" + c.function() + "'; the functions "
          + "are " + String.join(", ", names), c.function(), names);
    }
    if (c.args().size() != f.arity()) {
      throw new RuleException(c.pos(), f.ruleName() + " takes " + f.arity() + " argument"
          + (f.arity() == 1 ? "" : "s") + ", found " + c.args().size());
    }
    List<RExpr> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(resolve(a));
    }
    return new RExpr.Call(f, args);
  }

  private RExpr name(Expr.Name n) {
    String s = n.name();
    int param = scope.params().indexOf(s);
    if (param >= 0) {
      return new RExpr.Param(param);
    }
    if (s.equals("w") && !traceStatement) {
      return new RExpr.W();
    }
    int own = scope.ownTraces().indexOf(s);
    if (own >= 0) {
      return new RExpr.Own(own, version[own]);
    }
    int other = scope.otherTraces().indexOf(s);
    if (other >= 0 && !traceStatement) {
      return new RExpr.Other(other);
    }
    if (s.equals("w") || other >= 0) {
      throw new RuleException(n.pos(), "a trace statement may read only " + scope.ownSide()
          + " traces and params, not '" + s + "': a trace is one value per "
          + (scope.ownSide().equals("pre") ? "source" : "target") + " neuron");
    }
    if (Function.named(s) != null) {
      throw new RuleException(n.pos(), "'" + s + "' is a function; call it as " + s + "(...)");
    }
    List<String> may = new ArrayList<>(scope.params());
    if (!traceStatement) {
      may.add("w");
      may.addAll(scope.otherTraces());
    }
    may.addAll(scope.ownTraces());
    throw new RuleException(n.pos(), "unknown name '" + s + "'"
        + (prune ? "; prune may use w and the params" : ""), s, may);
  }


}
