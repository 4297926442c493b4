package dev.rewire.neuron;

import java.util.List;
import java.util.Map;

/**
 * A neuron model as written (after overrides): what {@link NeuronCompiler} compiles.
 *
 * @param params scalar params and their values, in model order
 * @param perNeuron params with a value per neuron (replacing their value in params, if any)
 * @param variables state variables and their initial values, in model order
 * @param equations {@code dx/dt = ...} lines, each optionally with {@code : method}
 * @param method the method of an equation that names none
 * @param threshold the spike condition
 * @param reset statements run when a neuron spikes
 * @param clamped variables held while the neuron is refractory
 */
public record NeuronSource(Map<String, Double> params, Map<String, Init> perNeuron,
    Map<String, Init> variables, String equations, String method, String threshold, String reset,
    List<String> clamped) {}
