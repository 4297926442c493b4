package dev.rewire.backend.java;

import dev.rewire.plan.StdpPlan;

/**
 * One side (pre or post) of a projection's STDP traces: a plus and a minus trace per neuron, stored
 * as their value right after the neuron's last spike and the step of that spike. The value at step n
 * is that value decayed over n - last steps ({@link StdpPlan#decay}); a spike adds 1 to the value at
 * its step.
 */
final class Traces {
  private final float[] plus;
  private final float[] minus;
  private final int[] last;
  private final float[] decayPlus;
  private final float[] decayMinus;

  Traces(int size, StdpPlan stdp) {
    plus = new float[size];
    minus = new float[size];
    last = new int[size];
    java.util.Arrays.fill(last, NeuronState.NEVER);
    decayPlus = stdp.decayPlus();
    decayMinus = stdp.decayMinus();
  }

  float[] plusValues() {
    return plus;
  }

  float[] minusValues() {
    return minus;
  }

  int[] lastSteps() {
    return last;
  }

  void restore(float[] plusValues, float[] minusValues, int[] lastSteps) {
    System.arraycopy(plusValues, 0, plus, 0, plus.length);
    System.arraycopy(minusValues, 0, minus, 0, minus.length);
    System.arraycopy(lastSteps, 0, last, 0, last.length);
  }

  float plus(int i, int step) {
    return StdpPlan.decay(plus[i], step - last[i], decayPlus);
  }

  float minus(int i, int step) {
    return StdpPlan.decay(minus[i], step - last[i], decayMinus);
  }

  /** Neuron i spiked in {@code step}: both traces jump by 1. */
  void bump(int i, int step) {
    int age = step - last[i];
    plus[i] = StdpPlan.decay(plus[i], age, decayPlus) + 1.0f;
    minus[i] = StdpPlan.decay(minus[i], age, decayMinus) + 1.0f;
    last[i] = step;
  }
}
