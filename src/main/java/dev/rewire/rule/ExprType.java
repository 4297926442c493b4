package dev.rewire.rule;

/** What an expression gives: a number or a condition (the rule and neuron-model languages'). */
public enum ExprType {
  NUMBER, CONDITION;

  /**
   * The type of {@code e}, every operand checked on the way: arithmetic and comparisons take
   * numbers, {@code and}, {@code or} and {@code not} conditions, functions numbers (where's first
   * argument a condition); a mismatch is a {@link RuleException} at the operand.
   */
  public static ExprType of(Expr e) {
    if (e instanceof Expr.Unary u) {
      ExprType t = of(u.operand());
      if (u.op().equals("-")) {
        expect(u.operand(), t, NUMBER, "'-'");
        return NUMBER;
      }
      expect(u.operand(), t, CONDITION, "'not'");
      return CONDITION;
    }
    if (e instanceof Expr.Binary b) {
      ExprType l = of(b.left());
      ExprType r = of(b.right());
      boolean logic = b.op().equals("and") || b.op().equals("or");
      ExprType operands = logic ? CONDITION : NUMBER;
      expect(b.left(), l, operands, "'" + b.op() + "'");
      expect(b.right(), r, operands, "'" + b.op() + "'");
      return "+-*/".contains(b.op()) ? NUMBER : CONDITION;
    }
    if (e instanceof Expr.Call c) {
      Function f = Function.named(c.function());
      for (int k = 0; k < c.args().size(); k++) {
        ExprType want = f == Function.WHERE && k == 0 ? CONDITION : NUMBER;
        expect(c.args().get(k), of(c.args().get(k)), want, f.ruleName());
      }
    }
    return NUMBER;
  }

  private static void expect(Expr e, ExprType found, ExprType wanted, String where) {
    if (found != wanted) {
      throw new RuleException(e.start(), where + " needs " + wanted.text() + " here, found "
          + found.text());
    }
  }

  private String text() {
    return this == NUMBER ? "a number" : "a condition";
  }
}
