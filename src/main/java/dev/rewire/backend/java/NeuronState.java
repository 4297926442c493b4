package dev.rewire.backend.java;

import dev.rewire.model.Receptor;
import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import java.util.Arrays;

/**
 * Per-neuron state over the flat neuron index space, structure of arrays. Conductance input that
 * arrives during a step is summed in {@code inputAmpa}/{@code inputGaba} (fixed point, see
 * {@link FixedPoint}) and added to g at the start of the next neuron update. The neurons that got any
 * input are listed in {@code touched}, so that only they pay for the conversion; the device converts
 * every neuron, with the same result, since adding an input of 0 leaves g as it is.
 */
final class NeuronState {
  /** lastSpike of a neuron that never spiked: far enough back, yet step - it cannot overflow. */
  static final int NEVER = Integer.MIN_VALUE / 2;

  final float[] v;
  final float[] gAmpa;
  final float[] gGaba;
  final int[] lastSpike;
  final long[] inputAmpa;
  final long[] inputGaba;
  /**
   * Neurons whose input went from 0 to non-zero since the last fold, once per input array, so a
   * neuron can be listed twice (folding it again adds 0); hence room for two per neuron, plus one
   * for the branch-free append, which writes before it knows whether to keep the entry.
   */
  final int[] touched;
  int touchedCount;

  NeuronState(Plan plan) {
    int n = plan.neuronCount();
    v = new float[n];
    gAmpa = new float[n];
    gGaba = new float[n];
    lastSpike = new int[n];
    inputAmpa = new long[n];
    inputGaba = new long[n];
    touched = new int[2 * n + 1];
    Arrays.fill(lastSpike, NEVER);
    for (GroupPlan g : plan.groups()) {
      Arrays.fill(v, g.offset(), g.end(), g.el());
    }
  }

  long[] input(Receptor receptor) {
    return receptor == Receptor.AMPA ? inputAmpa : inputGaba;
  }

  void addInput(long[] input, int neuron, float weight) {
    addFixedInput(input, neuron, FixedPoint.fromFloat(weight));
  }

  /** Adds a non-negative fixed-point input (weights are >= 0, so a sum only leaves 0 once). */
  void addFixedInput(long[] input, int neuron, long fixed) {
    long before = input[neuron];
    input[neuron] = before + fixed;
    // Branch-free append: whether a neuron is new in the list is data-dependent and unpredictable,
    // and a rare outcome compiled as a branch costs a deoptimisation when it first happens. Both
    // values are >= 0, so "before == 0 and fixed != 0" is the sign bit of (before - 1) & -fixed.
    touched[touchedCount] = neuron;
    touchedCount += (int) (((before - 1) & -fixed) >>> 63);
  }

  /** Restores the state variables and pending inputs (a checkpoint) and lists the pending ones. */
  void restore(float[] v0, float[] ga, float[] gg, int[] last, long[] inA, long[] inG) {
    System.arraycopy(v0, 0, v, 0, v.length);
    System.arraycopy(ga, 0, gAmpa, 0, gAmpa.length);
    System.arraycopy(gg, 0, gGaba, 0, gGaba.length);
    System.arraycopy(last, 0, lastSpike, 0, lastSpike.length);
    touchedCount = 0;
    for (int i = 0; i < v.length; i++) {
      inputAmpa[i] = 0;
      inputGaba[i] = 0;
      addFixedInput(inputAmpa, i, inA[i]);
      addFixedInput(inputGaba, i, inG[i]);
    }
  }

  /** g += input for every neuron that got input since the last call; clears the inputs. */
  void foldInput() {
    for (int k = 0; k < touchedCount; k++) {
      int i = touched[k];
      gAmpa[i] = gAmpa[i] + FixedPoint.toFloat(inputAmpa[i]);
      gGaba[i] = gGaba[i] + FixedPoint.toFloat(inputGaba[i]);
      inputAmpa[i] = 0;
      inputGaba[i] = 0;
    }
    touchedCount = 0;
  }
}
