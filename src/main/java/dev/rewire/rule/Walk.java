package dev.rewire.rule;

import java.util.Collection;
import java.util.List;

/** Walks resolved expressions: a node's operands, and the nodes of a kind anywhere in a tree. */
public final class Walk {
  private Walk() {}

  /** The operands of {@code e}, left to right. */
  public static List<RExpr> children(RExpr e) {
    if (e instanceof RExpr.Neg n) {
      return List.of(n.operand());
    } else if (e instanceof RExpr.Not n) {
      return List.of(n.operand());
    } else if (e instanceof RExpr.Arith a) {
      return List.of(a.left(), a.right());
    } else if (e instanceof RExpr.Compare c) {
      return List.of(c.left(), c.right());
    } else if (e instanceof RExpr.Logic l) {
      return List.of(l.left(), l.right());
    } else if (e instanceof RExpr.Call c) {
      return c.args();
    }
    return List.of();
  }

  /** Adds every node of {@code kind} in {@code e} to {@code out}. */
  public static <T extends RExpr> void collect(RExpr e, Class<T> kind, Collection<? super T> out) {
    if (kind.isInstance(e)) {
      out.add(kind.cast(e));
    }
    for (RExpr c : children(e)) {
      collect(c, kind, out);
    }
  }

  /**
   * {@code e} with each node replaced as {@code f} says (null: keep the node and look inside).
   */
  public static RExpr replace(RExpr e, java.util.function.Function<RExpr, RExpr> f) {
    RExpr r = f.apply(e);
    if (r != null) {
      return r;
    }
    if (e instanceof RExpr.Neg n) {
      return new RExpr.Neg(replace(n.operand(), f));
    } else if (e instanceof RExpr.Not n) {
      return new RExpr.Not(replace(n.operand(), f));
    } else if (e instanceof RExpr.Arith a) {
      return new RExpr.Arith(a.op(), replace(a.left(), f), replace(a.right(), f));
    } else if (e instanceof RExpr.Compare c) {
      return new RExpr.Compare(c.op(), replace(c.left(), f), replace(c.right(), f));
    } else if (e instanceof RExpr.Logic l) {
      return new RExpr.Logic(l.and(), replace(l.left(), f), replace(l.right(), f));
    } else if (e instanceof RExpr.Call c) {
      return new RExpr.Call(c.function(), c.args().stream().map(a -> replace(a, f)).toList());
    }
    return e;
  }
}
