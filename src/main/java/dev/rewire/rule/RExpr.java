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

  /**
   * State variable {@code index} of a neuron model: in the update, its value before the step's
   * update (after the step's synaptic input was added); in the threshold and the reset, its value
   * as it is then.
   */
  record Var(int index) implements RExpr {}

  /** The value of an update's temporary {@code index}, computed before the expression that reads it. */
  record Temp(int index) implements RExpr {}

  /**
   * Constant {@code index} of a neuron model: an expression of params, numbers and dt, computed on
   * the host in double and rounded to float once per network.
   */
  record Konst(int index) implements RExpr {}

  /** Per-neuron param {@code index} of a neuron model. */
  record PerNeuron(int index) implements RExpr {}

  /** Simulated time at the start of the step [ms]: float(step) * float(dt). */
  record Time() implements RExpr {}

  /** Standard normal draw {@code index} of this neuron and step (white noise, see NeuronCode). */
  record Noise(int index) implements RExpr {}

  /** Whether the neuron is refractory in this step (a condition). */
  record Refractory() implements RExpr {}

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
