package dev.rewire.backend;

import dev.rewire.plan.ProjectionPlan;
import dev.rewire.random.Draws;
import dev.rewire.random.Philox;
import java.util.Arrays;

/**
 * The synapses a projection starts with, the same for every backend. The pair (local source i, local
 * target j) uses Philox counter (i, j, 0, 0) under key (seed, projection's connectivity key): word 0
 * decides whether the synapse exists (fixed_probability) or is active (all_pairs) by
 * {@code uniform < p}, word 1 gives its weight {@code low + (high - low) * uniform}. Pairs excluded by
 * exclude_same_index are never drawn. Large projections and active-only sets draw by geometric
 * gaps instead ({@link ProjectionPlan#drawsByGaps}), in time proportional to their synapses.
 */
public final class InitialConnectivity {
  /**
   * A projection in compressed rows by source: targets (global for a static projection, local for
   * an active-only set), ascending, and weights.
   */
  public record StaticRows(int[] rowStart, int[] target, float[] weight) {}

  /** Weight and active flag of every potential slot, row-major (see {@link PotentialSet}). */
  public record PotentialSlots(float[] weight, boolean[] active) {}

  private InitialConnectivity() {}

  public static StaticRows staticRows(ProjectionPlan p, int seed) {
    if (p.drawsByGaps()) {
      StaticRows local = gapRows(p, seed);
      int[] target = local.target();
      for (int q = 0; q < target.length; q++) {
        target[q] += p.targetStart();
      }
      return local;
    }
    int rows = p.sourceSize();
    int[] rowStart = new int[rows + 1];
    int[] targets = new int[1024];
    float[] weights = new float[1024];
    int n = 0;
    // Draws are decided on word 0 alone; the whole block is made for the synapses drawn only.
    int[] row = new int[p.targetSize()];
    int[] word = new int[4];
    for (int i = 0; i < rows; i++) {
      int count = drawRow(p, seed, i, row);
      if (n + count > targets.length) {
        targets = Arrays.copyOf(targets, Math.max(2 * targets.length, n + count));
        weights = Arrays.copyOf(weights, targets.length);
      }
      for (int q = 0; q < count; q++) {
        Philox.block(i, row[q], 0, 0, seed, p.connectivityKey(), word);
        targets[n] = p.targetStart() + row[q];
        weights[n++] = weight(p, word[1]);
      }
      rowStart[i + 1] = n;
    }
    return new StaticRows(rowStart, Arrays.copyOf(targets, n), Arrays.copyOf(weights, n));
  }

  /**
   * The local targets of row i that exist, ascending, into {@code out}; their count. A method of
   * its own so that it is compiled as one, not by on-stack replacement of a loop over every pair
   * (which ran 5x slower in a 50 000-neuron network's set-up).
   */
  private static int drawRow(ProjectionPlan p, int seed, int i, int[] out) {
    int key = p.connectivityKey();
    int cols = p.targetSize();
    int skip = p.excludeSameIndex() ? i : -1;
    float prob = (float) p.p();
    int n = 0;
    for (int j = 0; j < cols; j++) {
      if (j != skip && Draws.uniform(Philox.first(i, j, 0, 0, seed, key)) < prob) {
        out[n++] = j;
      }
    }
    return n;
  }

  public static PotentialSlots potentialSlots(ProjectionPlan p, int seed) {
    long total = p.pairCount();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("projection " + p.name() + " has " + total
          + " potential synapses; at most " + (Integer.MAX_VALUE - 8) + " are supported");
    }
    float[] weight = new float[(int) total];
    boolean[] active = new boolean[(int) total];
    int[] word = new int[4];
    float prob = (float) p.p();
    int s = 0;
    for (int i = 0; i < p.sourceSize(); i++) {
      for (int k = 0, len = p.potentialRowLength(i); k < len; k++, s++) {
        Philox.block(i, p.potentialTarget(i, k), 0, 0, seed, p.connectivityKey(), word);
        if (Draws.uniform(word[0]) < prob) {
          active[s] = true;
          weight[s] = weight(p, word[1]);
        }
      }
    }
    return new PotentialSlots(weight, active);
  }

  /**
   * The initial synapses of a projection drawn by gaps ({@link ProjectionPlan#initialActiveRow}:
   * word 1 of the block that chose a pair gives its weight), in compressed rows of local targets.
   */
  public static StaticRows gapRows(ProjectionPlan p, int seed) {
    int rows = p.sourceSize();
    int[] rowStart = new int[rows + 1];
    int[] targets = new int[1024];
    float[] weights = new float[1024];
    int n = 0;
    // One walk: each row's draws go to row-sized scratch first, then to the growing lists.
    int[] slot = new int[p.targetSize()];
    int[] word = new int[p.targetSize()];
    int[] drawn = new int[1];
    for (int i = 0; i < rows; i++) {
      drawn[0] = 0;
      int count = p.initialActiveRow(i, seed, (k, w) -> {
        slot[drawn[0]] = k;
        word[drawn[0]++] = w;
      });
      if (n + count > targets.length) {
        targets = Arrays.copyOf(targets, Math.max(2 * targets.length, n + count));
        weights = Arrays.copyOf(weights, targets.length);
      }
      for (int q = 0; q < count; q++) {
        targets[n] = p.potentialTarget(i, slot[q]);
        weights[n++] = weight(p, word[q]);
      }
      rowStart[i + 1] = n;
    }
    return new StaticRows(rowStart, Arrays.copyOf(targets, n), Arrays.copyOf(weights, n));
  }

  private static float weight(ProjectionPlan p, int word) {
    return p.weightLow() + (p.weightHigh() - p.weightLow()) * Draws.uniform(word);
  }
}
