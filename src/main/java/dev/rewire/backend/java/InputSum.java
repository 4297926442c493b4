package dev.rewire.backend.java;

import dev.rewire.plan.FixedPoint;

/**
 * The conductance input of one receptor that arrives during a step, per neuron in fixed point (see
 * {@link FixedPoint}), and the neurons that got any, so that only they pay for the conversion to
 * float when the next neuron update folds it into g. The device converts every neuron, with the same
 * result, since adding an input of 0 leaves g as it is.
 */
final class InputSum {
  final long[] value;
  /** Neurons whose input went from 0 to non-zero since the last fold, each once. */
  final int[] touched;
  int touchedCount;

  InputSum(int neurons) {
    value = new long[neurons];
    touched = new int[neurons + 1]; // one more for the branch-free append
  }

  void add(int neuron, float weight) {
    addFixed(neuron, FixedPoint.fromFloat(weight));
  }

  /** Adds a non-negative fixed-point input (weights are >= 0, so a sum only leaves 0 once). */
  void addFixed(int neuron, long fixed) {
    long before = value[neuron];
    value[neuron] = before + fixed;
    // Branch-free append: whether a neuron is new in the list is data-dependent and unpredictable,
    // and a rare outcome compiled as a branch costs a deoptimisation when it first happens. Both
    // values are >= 0, so "before == 0 and fixed != 0" is the sign bit of (before - 1) & -fixed.
    touched[touchedCount] = neuron;
    touchedCount += (int) (((before - 1) & -fixed) >>> 63);
  }

  /** g += input for every neuron that got input since the last call; clears the inputs. */
  void foldInto(float[] g) {
    final long[] in = value;
    final int[] list = touched;
    for (int k = 0, n = touchedCount; k < n; k++) {
      int i = list[k];
      g[i] = g[i] + FixedPoint.toFloat(in[i]);
      in[i] = 0;
    }
    touchedCount = 0;
  }

  /** Sets the inputs (a checkpoint) and lists the non-zero ones. */
  void restore(long[] values) {
    java.util.Arrays.fill(value, 0);
    touchedCount = 0;
    for (int i = 0; i < value.length; i++) {
      addFixed(i, values[i]);
    }
  }
}
