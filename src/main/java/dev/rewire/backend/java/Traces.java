package dev.rewire.backend.java;

import dev.rewire.plan.Decay;

/**
 * One side (pre or post) of a projection's plasticity traces: per trace of the rule and per neuron
 * the value right after the neuron's last event that updated them, and the step of that event
 * (shared by the side's traces: an event stores them all). The value at step n is that value
 * decayed over n - last steps ({@link Decay}).
 */
final class Traces {
  /** value[k][i]: trace k of neuron i after its last update. */
  final float[][] value;
  final int[] last;
  final float[][] decay;

  Traces(int size, float[][] decayTables) {
    value = new float[decayTables.length][size];
    last = new int[size];
    java.util.Arrays.fill(last, NeuronState.NEVER);
    decay = decayTables;
  }

  /** Trace k of neuron i at {@code step}. */
  float at(int k, int i, int step) {
    return Decay.apply(value[k][i], step - last[i], decay[k]);
  }

  float[][] values() {
    float[][] copy = new float[value.length][];
    for (int k = 0; k < value.length; k++) {
      copy[k] = value[k].clone();
    }
    return copy;
  }

  void restore(float[][] values, int[] lastSteps) {
    for (int k = 0; k < value.length; k++) {
      System.arraycopy(values[k], 0, value[k], 0, value[k].length);
    }
    System.arraycopy(lastSteps, 0, last, 0, last.length);
  }
}
