package dev.rewire.rule;

import java.util.List;

/** A parsed expression, its names not yet resolved (the {@link Checker} resolves them). */
public sealed interface Expr {
  Pos pos();

  /** A number, already rounded to float. */
  record Num(float value, Pos pos) implements Expr {}

  /** A param, a trace or {@code w}. */
  record Name(String name, Pos pos) implements Expr {}

  /** {@code -x} or {@code not x}. */
  record Unary(String op, Expr operand, Pos pos) implements Expr {}

  /** Arithmetic ({@code + - * /}), a comparison ({@code < <= > >= == !=}), {@code and}, {@code or}. */
  record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {}

  /** A function call: clip, min, max, abs, exp, log, sqrt, where. */
  record Call(String function, List<Expr> args, Pos pos) implements Expr {}
}
