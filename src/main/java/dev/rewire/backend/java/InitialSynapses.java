package dev.rewire.backend.java;

import dev.rewire.plan.ProjectionPlan;
import dev.rewire.random.Draws;
import dev.rewire.random.Philox;

/**
 * Draws the synapses a projection starts with. The pair (local source i, local target j) uses Philox
 * counter (i, j, 0, 0) under key (seed, projection's connectivity key): word 0 decides whether the
 * synapse exists (fixed_probability) or is active (all_pairs) by {@code uniform < p}, word 1 gives its
 * weight {@code low + (high - low) * uniform}. Pairs excluded by exclude_same_index are never drawn.
 */
final class InitialSynapses {
  private InitialSynapses() {}

  static StaticSynapses staticSynapses(ProjectionPlan p, int seed) {
    int rows = p.sourceSize();
    int[] rowStart = new int[rows + 1];
    IntList targets = new IntList();
    FloatList weights = new FloatList();
    int[] word = new int[4];
    float prob = (float) p.p();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < p.targetSize(); j++) {
        if (p.excludeSameIndex() && i == j) {
          continue;
        }
        Philox.block(i, j, 0, 0, seed, p.connectivityKey(), word);
        if (Draws.uniform(word[0]) < prob) {
          targets.add(p.targetStart() + j);
          weights.add(weight(p, word[1]));
        }
      }
      rowStart[i + 1] = targets.size;
    }
    return new StaticSynapses(rowStart, targets.toArray(), weights.toArray());
  }

  static PotentialSynapses potentialSynapses(ProjectionPlan p, int seed) {
    int rows = p.sourceSize();
    long total = 0;
    for (int i = 0; i < rows; i++) {
      total += p.potentialRowLength(i);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("projection " + p.name() + " has " + total
          + " potential synapses; at most " + (Integer.MAX_VALUE - 8) + " are supported");
    }
    float[] weight = new float[(int) total];
    boolean[] active = new boolean[(int) total];
    int[] word = new int[4];
    float prob = (float) p.p();
    int s = 0;
    for (int i = 0; i < rows; i++) {
      for (int k = 0, len = p.potentialRowLength(i); k < len; k++, s++) {
        int j = p.potentialTarget(i, k);
        Philox.block(i, j, 0, 0, seed, p.connectivityKey(), word);
        if (Draws.uniform(word[0]) < prob) {
          active[s] = true;
          weight[s] = weight(p, word[1]);
        }
      }
    }
    return new PotentialSynapses(p, weight, active);
  }

  private static float weight(ProjectionPlan p, int word) {
    return p.weightLow() + (p.weightHigh() - p.weightLow()) * Draws.uniform(word);
  }

  /** Growable int array; avoids boxing while the row sizes are unknown. */
  private static final class IntList {
    int[] data = new int[1024];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }

  private static final class FloatList {
    float[] data = new float[1024];
    int size;

    void add(float v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
