package dev.rewire.neuron;

import dev.rewire.rule.Function;
import java.util.List;

/**
 * A neuron model's expression during compilation, names resolved and numbers kept as written (in
 * double), so that the integrators can build new expressions from the equations and the constant
 * parts can be computed in double before they are rounded to float ({@link Lowering}).
 */
sealed interface Sym {
  /** A number: {@code value} as written, {@code single} rounded to float directly. */
  record Num(double value, float single) implements Sym {}

  /** A scalar param (a constant of the network). */
  record Param(String name) implements Sym {}

  /** The time step [ms]. */
  record Dt() implements Sym {}

  /** A per-neuron param. */
  record PerNeuron(String name) implements Sym {}

  /** A state variable: before the update in the equations, as it is in threshold and reset. */
  record Var(String name) implements Sym {}

  /** An update's temporary. */
  record Temp(int index) implements Sym {}

  /** The time at the start of the step [ms]. */
  record Time() implements Sym {}

  /** Standard normal draw {@code index} of the neuron and step. */
  record Noise(int index) implements Sym {}

  /** Whether the neuron is refractory (a condition). */
  record Refractory() implements Sym {}

  /** rand() (uniform in [0, 1)) or randn() (standard normal): set-up expressions only. */
  record Rand(boolean normal) implements Sym {}

  record Neg(Sym a) implements Sym {}

  /** {@code op}: one of + - * /. */
  record Bin(char op, Sym a, Sym b) implements Sym {}

  /** {@code op}: one of < <= > >= == !=. */
  record Cmp(String op, Sym a, Sym b) implements Sym {}

  record Logic(boolean and, Sym a, Sym b) implements Sym {}

  record Not(Sym a) implements Sym {}

  record Call(Function function, List<Sym> args) implements Sym {}

  static Num num(double value) {
    return new Num(value, (float) value);
  }

  /** The operands of {@code s}, left to right. */
  static List<Sym> children(Sym s) {
    if (s instanceof Neg n) {
      return List.of(n.a());
    } else if (s instanceof Not n) {
      return List.of(n.a());
    } else if (s instanceof Bin b) {
      return List.of(b.a(), b.b());
    } else if (s instanceof Cmp c) {
      return List.of(c.a(), c.b());
    } else if (s instanceof Logic l) {
      return List.of(l.a(), l.b());
    } else if (s instanceof Call c) {
      return c.args();
    }
    return List.of();
  }

  /**
   * Whether {@code s} is made of numbers, params and dt only: the same in every step and for every
   * neuron of a network, so it is computed once, on the host.
   */
  static boolean constant(Sym s) {
    if (s instanceof Num || s instanceof Param || s instanceof Dt) {
      return true;
    }
    if (s instanceof Var || s instanceof Temp || s instanceof Time || s instanceof Noise
        || s instanceof Refractory || s instanceof PerNeuron || s instanceof Rand) {
      return false;
    }
    for (Sym c : children(s)) {
      if (!constant(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} reads variable {@code name} anywhere. */
  static boolean reads(Sym s, String name) {
    if (s instanceof Var v) {
      return v.name().equals(name);
    }
    for (Sym c : children(s)) {
      if (reads(c, name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} contains a node of {@code kind}. */
  static boolean contains(Sym s, Class<? extends Sym> kind) {
    if (kind.isInstance(s)) {
      return true;
    }
    for (Sym c : children(s)) {
      if (contains(c, kind)) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} with each node replaced as {@code f} says (null: keep it, and look inside). */
  static Sym replace(Sym s, java.util.function.Function<Sym, Sym> f) {
    Sym r = f.apply(s);
    if (r != null) {
      return r;
    }
    if (s instanceof Neg n) {
      return new Neg(replace(n.a(), f));
    } else if (s instanceof Not n) {
      return new Not(replace(n.a(), f));
    } else if (s instanceof Bin b) {
      return new Bin(b.op(), replace(b.a(), f), replace(b.b(), f));
    } else if (s instanceof Cmp c) {
      return new Cmp(c.op(), replace(c.a(), f), replace(c.b(), f));
    } else if (s instanceof Logic l) {
      return new Logic(l.and(), replace(l.a(), f), replace(l.b(), f));
    } else if (s instanceof Call c) {
      return new Call(c.function(), c.args().stream().map(a -> replace(a, f)).toList());
    }
    return s;
  }
}
