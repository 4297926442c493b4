package dev.rewire.rule;

import java.util.List;

/**
 * A checked expression with its names resolved, what the backends generate code from. Every
 * operation is a float32 operation (comparisons and logic give booleans), evaluated in the order
 * of the tree.
 */
public sealed interface RExpr {
  /** A number. */
  record Const(float value) implements RExpr {}

  /** Param {@code index} of the rule, in the order the model lists them. */
  record Param(int index) implements RExpr {}

  /** The synapse's weight. */
  record W() implements RExpr {}

  /**
   * Trace {@code trace} of the event's own side (pre for on_pre), as the event's statements left
   * it after its {@code version}-th assignment (version 0: decayed to the event's step).
   */
  record Own(int trace, int version) implements RExpr {}

  /** Trace {@code trace} of the other side, decayed to the event's step. */
  record Other(int trace) implements RExpr {}

  record Neg(RExpr operand) implements RExpr {}

  /** {@code op}: one of + - * /. */
  record Arith(char op, RExpr left, RExpr right) implements RExpr {}

  /** {@code op}: one of < <= > >= == !=. */
  record Compare(String op, RExpr left, RExpr right) implements RExpr {}

  /** and (true) or or (false). */
  record Logic(boolean and, RExpr left, RExpr right) implements RExpr {}

  record Not(RExpr operand) implements RExpr {}

  record Call(Function function, List<RExpr> args) implements RExpr {}
}
