package dev.rewire.model;

import dev.rewire.rule.Expr;
import dev.rewire.rule.RuleException;
import dev.rewire.rule.Suggest;
import java.util.Set;

/** What the model needs around the rule language: its errors as model errors, the names used. */
final class Rules {
  private Rules() {}

  /** {@code field, line L, column C: problem (did you mean 'x'?)}. */
  static ModelException problem(String field, RuleException e) {
    String hint = e.unknownName() == null ? "" : Suggest.didYouMean(e.unknownName(), e.names());
    return new ModelException(field + ", line " + e.line() + ", column " + e.column() + ": "
        + e.problem() + hint, e);
  }

  /** Adds the names {@code e} reads to {@code out}. */
  static void names(Expr e, Set<String> out) {
    if (e instanceof Expr.Name n) {
      out.add(n.name());
    } else if (e instanceof Expr.Unary u) {
      names(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      names(b.left(), out);
      names(b.right(), out);
    } else if (e instanceof Expr.Call c) {
      for (Expr a : c.args()) {
        names(a, out);
      }
    }
  }
}
