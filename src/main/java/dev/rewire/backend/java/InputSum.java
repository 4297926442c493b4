package dev.rewire.backend.java;

import dev.rewire.plan.FixedPoint;

/**
 * The input of one receptor that arrives for one step (one slot of its delay ring), per neuron of
 * its group in fixed point (see {@link FixedPoint}), and the neurons that got any, so that only they
 * pay for the conversion to float when the neuron update adds it to the receptor variable. The
 * values are a slice of the state array {@code neurons.G.input.x}. The device converts every
 * neuron, with the same result, since an input of 0 leaves the variable as it is.
 */
final class InputSum {
  /** The receptor's ring; this slot's values are at base .. base + size. */
  final long[] value;
  final int base;
  /** Neurons whose input went from 0 to non-zero since the last fold. */
  final int[] touched;
  int touchedCount;
  /**
   * For a receptor whose weights may be negative, where a sum can go back to 0 and away again:
   * whether a neuron is listed (else null: weights are >= 0, a sum leaves 0 only once).
   */
  private final boolean[] listed;

  InputSum(long[] ring, int base, int size, boolean signed) {
    this(ring, base, size, signed, true);
  }

  /** {@code relist}: list the neurons whose input is not 0 now (else the list starts empty). */
  InputSum(long[] ring, int base, int size, boolean signed, boolean relist) {
    this.value = ring;
    this.base = base;
    this.touched = new int[size + 1]; // one more for the branch-free append
    this.listed = signed ? new boolean[size] : null;
    if (relist) {
      relist();
    }
  }

  void add(int neuron, float weight) {
    addFixed(neuron, FixedPoint.fromFloat(weight));
  }

  /** Adds a non-negative fixed-point input (weights are >= 0, so a sum only leaves 0 once). */
  void addFixed(int neuron, long fixed) {
    long before = value[base + neuron];
    value[base + neuron] = before + fixed;
    // Branch-free append: whether a neuron is new in the list is data-dependent and unpredictable,
    // and a rare outcome compiled as a branch costs a deoptimisation when it first happens. Both
    // values are >= 0, so "before == 0 and fixed != 0" is the sign bit of (before - 1) & -fixed.
    touched[touchedCount] = neuron;
    touchedCount += (int) (((before - 1) & -fixed) >>> 63);
  }

  /**
   * Adds the non-negative weights [from, to) to their targets (neuron offset + target[k]): a row
   * of synapses, with the fields in locals for the whole row.
   */
  void addRow(int[] target, float[] weight, int from, int to, int offset) {
    final long[] v = value;
    final int b = base + offset;
    final int[] list = touched;
    int n = touchedCount;
    for (int k = from; k < to; k++) {
      final int t = target[k];
      final long fixed = FixedPoint.fromFloat(weight[k]);
      final long before = v[b + t];
      v[b + t] = before + fixed;
      list[n] = offset + t;
      n += (int) (((before - 1) & -fixed) >>> 63); // as in addFixed
    }
    touchedCount = n;
  }

  /** {@link #addRow} of fixed-point weights. */
  void addRow(int[] target, long[] fixedWeight, int from, int to) {
    final long[] v = value;
    final int b = base;
    final int[] list = touched;
    int n = touchedCount;
    for (int k = from; k < to; k++) {
      final int t = target[k];
      final long fixed = fixedWeight[k];
      final long before = v[b + t];
      v[b + t] = before + fixed;
      list[n] = t;
      n += (int) (((before - 1) & -fixed) >>> 63); // as in addFixed
    }
    touchedCount = n;
  }

  /** Adds an input of either sign (a receptor made with signed = true). */
  void addSigned(int neuron, float weight) {
    addFixedSigned(neuron, FixedPoint.fromFloat(weight));
  }

  void addFixedSigned(int neuron, long fixed) {
    value[base + neuron] += fixed;
    touched[touchedCount] = neuron;
    touchedCount += listed[neuron] ? 0 : 1;
    listed[neuron] = true;
  }

  /**
   * x += input for every listed neuron whose input is not 0 ({@code x} the receptor variable);
   * clears the inputs.
   */
  void foldInto(float[] x) {
    final long[] in = value;
    final int b = base;
    final int[] list = touched;
    if (listed == null) {
      for (int k = 0, n = touchedCount; k < n; k++) {
        int i = list[k];
        x[i] = x[i] + FixedPoint.toFloat(in[b + i]);
        in[b + i] = 0;
      }
    } else {
      for (int k = 0, n = touchedCount; k < n; k++) {
        int i = list[k];
        if (in[b + i] != 0) {
          x[i] = x[i] + FixedPoint.toFloat(in[b + i]);
          in[b + i] = 0;
        }
        listed[i] = false;
      }
    }
    touchedCount = 0;
  }

  /**
   * With several threads, each delivers into a copy of the ring of its own (the first over the
   * state's array), listing what it delivers in two lists over it: {@code own}, the input for its
   * own neurons from static projections, and a spill list (for the rest: potential sets, whose
   * targets may be anyone's). Folds neurons [lo, hi), this member's: x += the sum of every copy's
   * input, in fixed point, so the result is the same as with one ring; clears those inputs. A
   * member reads its own list and every spill list, not the others' own lists.
   */
  static void fold(InputSum own, InputSum[] spills, float[] x, int lo, int hi) {
    foldListed(own, spills, x, lo, hi);
    for (InputSum p : spills) {
      foldListed(p, spills, x, lo, hi);
    }
  }

  /** The neurons of p's list in [lo, hi): each neuron's sum over every copy, added once. */
  private static void foldListed(InputSum p, InputSum[] copies, float[] x, int lo, int hi) {
    final int[] list = p.touched;
    for (int k = 0, n = p.touchedCount; k < n; k++) {
      int i = list[k];
      if (i < lo || i >= hi) {
        continue;
      }
      long sum = 0;
      for (InputSum q : copies) { // a neuron listed several times: the first visit sums all
        long v = q.value[q.base + i];
        if (v != 0) { // a store to another thread's copy only where it has input
          sum += v;
          q.value[q.base + i] = 0;
        }
      }
      if (sum != 0) {
        x[i] = x[i] + FixedPoint.toFloat(sum);
      }
      if (p.listed != null) {
        p.listed[i] = false;
      }
    }
  }

  /** After every member's {@link #fold}: the lists are empty. */
  void forget() {
    touchedCount = 0;
  }

  /**
   * Moves the input that {@code lists} list (over other threads' copies) into {@code into}'s array
   * (the state's) and lists it there, so that the state holds all pending input: before a
   * snapshot of the state.
   */
  static void gather(InputSum into, InputSum... lists) {
    for (InputSum p : lists) {
      for (int k = 0; k < p.touchedCount; k++) {
        int i = p.touched[k];
        long v = p.value[p.base + i];
        if (v == 0) {
          continue;
        }
        p.value[p.base + i] = 0;
        if (into.listed == null) {
          into.addFixed(i, v);
        } else {
          into.addFixedSigned(i, v);
        }
      }
      if (p.listed != null) {
        for (int k = 0; k < p.touchedCount; k++) {
          p.listed[p.touched[k]] = false;
        }
      }
      p.touchedCount = 0;
    }
  }

  /** Lists the neurons whose input is not 0 (after a restore). */
  private void relist() {
    touchedCount = 0;
    for (int i = 0; i < touched.length - 1; i++) {
      if (value[base + i] != 0) {
        touched[touchedCount++] = i;
        if (listed != null) {
          listed[i] = true;
        }
      }
    }
  }
}
