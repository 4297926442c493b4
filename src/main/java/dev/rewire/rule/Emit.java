package dev.rewire.rule;

import java.util.List;

/**
 * A resolved expression as source text, the same for both backends' code (Java and OpenCL C share
 * the syntax of float arithmetic, comparisons, logic and the conditional): params are {@code p<k>},
 * the weight {@code w}, own traces {@code o<trace>_<version>}, the other side's {@code x<trace>};
 * in neuron models, variables {@code y<k>}, temporaries {@code t<k>}, constants {@code k<k>},
 * per-neuron params {@code q<k>}, the time {@code t_ms}, noise draws {@code n<k>} and the refractory
 * flag {@code refr}; numbers are hexadecimal float literals (exact), every operation parenthesised
 * in the tree's order;
 * a function is {@code <prefix><name>(...)}, where the backend defines it as {@link RuleMath} does.
 */
public final class Emit {
  private Emit() {}

  public static String expression(RExpr e, String functionPrefix) {
    if (e instanceof RExpr.Const c) {
      return Float.toHexString(c.value()) + "f";
    } else if (e instanceof RExpr.Param p) {
      return "p" + p.index();
    } else if (e instanceof RExpr.W) {
      return "w";
    } else if (e instanceof RExpr.Own o) {
      return "o" + o.trace() + "_" + o.version();
    } else if (e instanceof RExpr.Other o) {
      return "x" + o.trace();
    } else if (e instanceof RExpr.Var x) {
      return "y" + x.index();
    } else if (e instanceof RExpr.Temp x) {
      return "t" + x.index();
    } else if (e instanceof RExpr.Konst x) {
      return "k" + x.index();
    } else if (e instanceof RExpr.PerNeuron x) {
      return "q" + x.index();
    } else if (e instanceof RExpr.Time) {
      return "t_ms";
    } else if (e instanceof RExpr.Noise x) {
      return "n" + x.index();
    } else if (e instanceof RExpr.Refractory) {
      return "refr";
    } else if (e instanceof RExpr.Neg n) {
      return "(-" + expression(n.operand(), functionPrefix) + ")";
    } else if (e instanceof RExpr.Not n) {
      return "(!" + expression(n.operand(), functionPrefix) + ")";
    } else if (e instanceof RExpr.Arith a) {
      return "(" + expression(a.left(), functionPrefix) + " " + a.op() + " "
          + expression(a.right(), functionPrefix) + ")";
    } else if (e instanceof RExpr.Compare c) {
      return "(" + expression(c.left(), functionPrefix) + " " + c.op() + " "
          + expression(c.right(), functionPrefix) + ")";
    } else if (e instanceof RExpr.Logic l) {
      return "(" + expression(l.left(), functionPrefix) + (l.and() ? " && " : " || ")
          + expression(l.right(), functionPrefix) + ")";
    }
    RExpr.Call c = (RExpr.Call) e;
    List<RExpr> a = c.args();
    if (c.function() == Function.WHERE) {
      return "(" + expression(a.get(0), functionPrefix) + " ? "
          + expression(a.get(1), functionPrefix) + " : " + expression(a.get(2), functionPrefix)
          + ")";
    }
    StringBuilder s = new StringBuilder(functionPrefix).append(c.function().ruleName())
        .append('(');
    for (int k = 0; k < a.size(); k++) {
      s.append(k == 0 ? "" : ", ").append(expression(a.get(k), functionPrefix));
    }
    return s.append(')').toString();
  }

  /** The other side's traces that {@code event}'s weight updates read, ascending. */
  public static List<Integer> otherTraces(Event event) {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (RExpr u : event.weightUpdates()) {
      java.util.List<RExpr.Other> found = new java.util.ArrayList<>();
      Walk.collect(u, RExpr.Other.class, found);
      found.forEach(o -> out.add(o.trace()));
    }
    return List.copyOf(out);
  }

  /** Whether {@code event} reads or writes its own side's traces. */
  public static boolean usesOwnTraces(Event event) {
    java.util.List<RExpr.Own> found = new java.util.ArrayList<>();
    for (RExpr u : event.weightUpdates()) {
      Walk.collect(u, RExpr.Own.class, found);
    }
    return event.writesTraces() || !found.isEmpty();
  }
}
