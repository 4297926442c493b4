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

  /** Adds source i's weights to the receptor's input (weights >= 0). */
  void deliver(int i, InputSum input) {
    input.addRow(target, fixedWeight, rowStart[i], rowStart[i + 1]);
  }

  /** Adds source i's weights to the receptor's input, which may get negative input. */
  void deliverSigned(int i, InputSum input) {
    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
      input.addFixedSigned(target[k], fixedWeight[k]);
    }
  }
}
