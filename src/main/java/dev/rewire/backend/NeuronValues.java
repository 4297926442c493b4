package dev.rewire.backend;

import java.util.Map;

/**
 * A copy of every state variable of every neuron now, by layout name ({@code neurons.G.x}), each
 * over its group's neurons.
 */
public record NeuronValues(Map<String, float[]> arrays) {
  public float[] of(String name) {
    float[] a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no neuron variable '" + name + "'");
    }
    return a;
  }
}
