package dev.rewire.neuron;

import dev.rewire.rule.Function;
import java.util.List;

/**
 * Expressions the integrators build (a decay factor, the coefficients of a linear equation),
 * simplified as they are made: exact identities of real arithmetic (0 + x = x, 1·x = x,
 * (-a)·b = -(a·b), x·(1/y) = x/y, 1 + (-y) = 1 - y, ...), so that, for example, Euler's factor for
 * {@code dg/dt = -g/tau} comes out as {@code 1 - dt/tau}, computed in double on the host. They are
 * applied only to what the integrators make, never to a model's own expressions, whose float
 * operations stay exactly as written.
 */
final class Algebra {
  static final Sym ZERO = Sym.num(0.0);
  static final Sym ONE = Sym.num(1.0);

  private Algebra() {}

  static boolean isZero(Sym s) {
    return s instanceof Sym.Num n && n.value() == 0.0;
  }

  static boolean isOne(Sym s) {
    return s instanceof Sym.Num n && n.value() == 1.0;
  }

  static Sym neg(Sym a) {
    if (isZero(a)) {
      return ZERO;
    }
    return a instanceof Sym.Neg n ? n.a() : new Sym.Neg(a);
  }

  static Sym add(Sym a, Sym b) {
    if (isZero(a)) {
      return b;
    }
    if (isZero(b)) {
      return a;
    }
    if (b instanceof Sym.Neg n) {
      return sub(a, n.a());
    }
    return new Sym.Bin('+', a, b);
  }

  static Sym sub(Sym a, Sym b) {
    if (isZero(b)) {
      return a;
    }
    if (isZero(a)) {
      return neg(b);
    }
    if (b instanceof Sym.Neg n) {
      return add(a, n.a());
    }
    return new Sym.Bin('-', a, b);
  }

  static Sym mul(Sym a, Sym b) {
    if (isZero(a) || isZero(b)) {
      return ZERO;
    }
    if (isOne(a)) {
      return b;
    }
    if (isOne(b)) {
      return a;
    }
    if (a instanceof Sym.Neg n) {
      return neg(mul(n.a(), b));
    }
    if (b instanceof Sym.Neg n) {
      return neg(mul(a, n.a()));
    }
    if (b instanceof Sym.Bin d && d.op() == '/' && isOne(d.a())) {
      return div(a, d.b());
    }
    if (a instanceof Sym.Bin d && d.op() == '/' && isOne(d.a())) {
      return div(b, d.b());
    }
    return new Sym.Bin('*', a, b);
  }

  static Sym div(Sym a, Sym b) {
    if (isZero(a)) {
      return ZERO;
    }
    if (isOne(b)) {
      return a;
    }
    if (a instanceof Sym.Neg n) {
      return neg(div(n.a(), b));
    }
    if (b instanceof Sym.Neg n) {
      return neg(div(a, n.a()));
    }
    return new Sym.Bin('/', a, b);
  }

  static Sym sqrt(Sym a) {
    return new Sym.Call(Function.SQRT, List.of(a));
  }

  static Sym exp(Sym a) {
    return new Sym.Call(Function.EXP, List.of(a));
  }

  /**
   * {@code f} as {@code a·x + b} with a and b free of variable {@code x}, or null when f is not
   * linear in x (x inside a function, multiplied by itself, in a denominator, in a condition).
   */
  static Sym[] linear(Sym f, String x) {
    if (!Sym.reads(f, x)) {
      return new Sym[] {ZERO, f};
    }
    if (f instanceof Sym.Var v) {
      return v.name().equals(x) ? new Sym[] {ONE, ZERO} : new Sym[] {ZERO, f};
    }
    if (f instanceof Sym.Neg n) {
      Sym[] a = linear(n.a(), x);
      return a == null ? null : new Sym[] {neg(a[0]), neg(a[1])};
    }
    if (f instanceof Sym.Bin b) {
      Sym[] l = linear(b.a(), x);
      Sym[] r = linear(b.b(), x);
      if (l == null || r == null) {
        return null;
      }
      switch (b.op()) {
        case '+':
          return new Sym[] {add(l[0], r[0]), add(l[1], r[1])};
        case '-':
          return new Sym[] {sub(l[0], r[0]), sub(l[1], r[1])};
        case '*':
          if (isZero(l[0])) {
            return new Sym[] {mul(b.a(), r[0]), mul(b.a(), r[1])};
          }
          if (isZero(r[0])) {
            return new Sym[] {mul(l[0], b.b()), mul(l[1], b.b())};
          }
          return null;
        default:
          if (!isZero(r[0])) {
            return null;
          }
          return new Sym[] {div(l[0], b.b()), div(l[1], b.b())};
      }
    }
    return null; // x inside a function call or a condition
  }
}
