package dev.rewire.backend.java;

import dev.rewire.plan.FixedPoint;

/**
 * A static projection in compressed rows by source: row i holds the target indices (in the target
 * group) and the fixed-point weights of source i's synapses, in ascending target order.
 */
final class StaticSynapses {
  final int[] rowStart;
  final int[] target;
  final long[] fixedWeight;
  final float[] weight;

  StaticSynapses(int[] rowStart, int[] target, float[] weight) {
    this.rowStart = rowStart;
    this.target = target;
    this.weight = weight;
    this.fixedWeight = new long[weight.length];
    for (int k = 0; k < weight.length; k++) {
      fixedWeight[k] = FixedPoint.fromFloat(weight[k]);
    }
  }

  /** Adds the weights at [from, to) (of one row) to the receptor's input (weights >= 0). */
  void deliver(InputSum input, int from, int to) {
    input.addRow(target, fixedWeight, from, to);
  }

  /** Adds the weights at [from, to) to the receptor's input, which may get negative input. */
  void deliverSigned(InputSum input, int from, int to) {
    for (int k = from; k < to; k++) {
      input.addFixedSigned(target[k], fixedWeight[k]);
    }
  }

  /**
   * Where each row's synapses onto targets at or above {@code first} begin (rows are in ascending
   * target order): row i's synapses onto the range [first, next) are at
   * [cut(first)[i], cut(next)[i]); onto every target, [cut(0)[i], cut(size)[i]).
   */
  int[] cut(int first) {
    int rows = rowStart.length - 1;
    int[] at = new int[rows];
    for (int i = 0; i < rows; i++) {
      int lo = rowStart[i];
      int hi = rowStart[i + 1];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (target[mid] < first) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      at[i] = lo;
    }
    return at;
  }
}
