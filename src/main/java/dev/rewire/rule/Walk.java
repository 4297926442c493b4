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
}
