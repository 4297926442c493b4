/**
 * The neuron-model language (README, "Neuron models"): a model's params, variables, differential
 * equations, threshold and reset, written in the rule language's syntax ({@link dev.rewire.rule}),
 * checked, integrated by the chosen method and lowered to {@link NeuronCode}: the statements of one
 * neuron's step as resolved expressions both backends generate code from, with the constant parts
 * folded into per-network constants computed on the host in double.
 */
package dev.rewire.neuron;
