package dev.rewire.backend.java;

import dev.rewire.plan.Decay;

/**
 * One side (pre or post) of a projection's plasticity traces: per trace of the rule and per neuron
 * the value right after the neuron's last event that updated them, and the step of that event
 * (shared by the side's traces: an event stores them all). The value at step n is that value
 * decayed over n - last steps ({@link Decay}). The arrays are the state's
 * ({@code projections.p.pre.T}, {@code projections.p.pre_last}).
 */
final class Traces {
  /** value[k][i]: trace k of neuron i after its last update. */
  final float[][] value;
  final int[] last;
  final float[][] decay;

  Traces(float[][] values, int[] last, float[][] decayTables) {
    this.value = values;
    this.last = last;
    this.decay = decayTables;
  }

  /** Trace k of neuron i at {@code step}. */
  float at(int k, int i, int step) {
    return Decay.apply(value[k][i], step - last[i], decay[k]);
  }
}
