package dev.rewire.rule;

import java.util.List;

/** A parsed expression, its names not yet resolved (the {@link Checker} resolves them). */
public sealed interface Expr {
  /** The position of the node: a binary expression's is its operator's. */
  Pos pos();

  /** Where the expression's text starts, for messages about the whole expression. */
  default Pos start() {
    return this instanceof Binary b ? b.left().start() : pos();
  }

  /**
   * A number: {@code value} rounded to float, as a rule computes with it; {@code exact} as written,
   * in double (a neuron model folds constant expressions in double).
   */
  record Num(float value, double exact, Pos pos) implements Expr {}

  /** A param, a trace or {@code w}. */
  record Name(String name, Pos pos) implements Expr {}

  /** {@code -x} or {@code not x}. */
  record Unary(String op, Expr operand, Pos pos) implements Expr {}

  /** Arithmetic ({@code + - * /}), a comparison ({@code < <= > >= == !=}), {@code and}, {@code or}. */
  record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {}

  /** A function call: clip, min, max, abs, exp, log, sqrt, where. */
  record Call(String function, List<Expr> args, Pos pos) implements Expr {}
}
