package dev.rewire.neuron;

/**
 * How a model gives a variable's initial value or a per-neuron param: a number, a list with one
 * value per neuron, or an expression computed per neuron at set-up (in double, from params, dt,
 * earlier per-neuron params and variables, rand() and randn()).
 */
public sealed interface Init {
  record Value(double value) implements Init {}

  record Values(double[] values) implements Init {}

  record Expression(String text) implements Init {}
}
