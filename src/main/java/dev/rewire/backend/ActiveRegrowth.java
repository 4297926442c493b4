package dev.rewire.backend;

import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StructuralPlan;
import dev.rewire.random.Draws;
import dev.rewire.random.Philox;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Where an active-only potential set regrows (docs/design.md, section 1): pairs drawn exactly
 * uniformly, without replacement, among the allowed pairs that were inactive before the call, by
 * rejection, so that it costs the draws and not the pairs. Attempt d of a call at step n uses Philox
 * counter (n, -1, d, 2) in global mode, (n, row, d, 2) for a source row, under key (seed, regrowth
 * key): word 0 gives the source (global mode), word 1 the target, each by
 * {@link Draws#belowOrReject}; the attempt is rejected when a word is, when the pair is excluded
 * (exclude_same_index), active before the call (a binary search of its sorted row) or chosen earlier
 * in the call. Word 2 of an accepted attempt gives the weight when regrowth weights are drawn. When
 * no more inactive pairs remain than are wanted, all of them are taken. The same host code serves
 * every backend (the OpenCL per-step engine reads the set back for a call).
 */
public final class ActiveRegrowth {
  /** The chosen synapses, ascending by (source, target), with their weights. */
  public record Chosen(int[] source, int[] target, float[] weight) {}

  private ActiveRegrowth() {}

  /**
   * One structural call of an active-only set at {@code step}: prunes the synapses at row
   * positions {@code pruned} (ascending: those the prune condition selects), regrows as many
   * ({@link #global} or {@link #perSource}) and makes the lists anew ({@link ActiveLists#rewire}).
   */
  public static Rewiring rewire(PotentialSet p, int[] pruned, int step, int seed) {
    int[] ps = new int[pruned.length];
    int[] pt = new int[pruned.length];
    float[] pw = new float[pruned.length];
    for (int k = 0; k < pruned.length; k++) {
      ps[k] = p.sourceOf(pruned[k]);
      pt[k] = p.rowTarget[pruned[k]];
      pw[k] = p.weightOf(pruned[k]);
    }
    Chosen c = pruned.length == 0 ? new Chosen(new int[0], new int[0], new float[0])
        : p.plan.structural().perSource() ? perSource(p, pruned, step, seed)
        : global(p, pruned.length, step, seed);
    if (pruned.length > 0) {
      ActiveLists.rewire(p, pruned, c.source(), c.target(), c.weight());
    }
    return new Rewiring(step, p.plan.name(), ps, pt, pw, c.source(), c.target(), c.weight());
  }

  /** {@code count} synapses anywhere in the projection. */
  public static Chosen global(PotentialSet p, int count, int step, int seed) {
    ProjectionPlan plan = p.plan;
    long inactive = plan.pairCount() - p.activeCount();
    if (count >= inactive) {
      return allInactive(p, 0, plan.sourceSize(), step, seed);
    }
    return draw(p, -1, count, step, seed);
  }

  /**
   * Per source row: as many as each row lost, among its own inactive pairs; {@code pruned} are row
   * positions, ascending.
   */
  public static Chosen perSource(PotentialSet p, int[] pruned, int step, int seed) {
    int[] source = new int[pruned.length];
    int[] target = new int[pruned.length];
    float[] weight = new float[pruned.length];
    int n = 0;
    int k = 0;
    while (k < pruned.length) {
      int row = p.sourceOf(pruned[k]);
      int end = p.rowOffset[row + 1];
      int lost = 0;
      while (k < pruned.length && pruned[k] < end) {
        lost++;
        k++;
      }
      Chosen c = lost >= p.rowLength(row) - p.rowCount[row] ? allInactive(p, row, row + 1, step, seed)
          : draw(p, row, lost, step, seed);
      System.arraycopy(c.source, 0, source, n, c.source.length);
      System.arraycopy(c.target, 0, target, n, c.target.length);
      System.arraycopy(c.weight, 0, weight, n, c.weight.length);
      n += c.source.length;
    }
    return new Chosen(Arrays.copyOf(source, n), Arrays.copyOf(target, n),
        Arrays.copyOf(weight, n));
  }

  /** {@code count} pairs by rejection, in row {@code row} or anywhere (row -1). */
  private static Chosen draw(PotentialSet p, int row, int count, int step, int seed) {
    ProjectionPlan plan = p.plan;
    StructuralPlan sp = plan.structural();
    int rows = plan.sourceSize();
    int cols = plan.targetSize();
    if (count >= 1 << 29) {
      throw new IllegalArgumentException(plan.name() + ": " + count + " regrowths in one call");
    }
    Set<Long> taken = new HashSet<>();
    // (pair index << 29 | draw index): sorting these sorts by (source, target)
    long[] order = new long[count];
    float[] drawn = new float[count];
    int[] word = new int[4];
    int n = 0;
    for (int d = 0; n < count; d++) {
      Philox.block(step, row, d, 2, seed, plan.regrowthKey(), word);
      int i = row >= 0 ? row : Draws.belowOrReject(word[0], rows);
      int j = Draws.belowOrReject(word[1], cols);
      if (i < 0 || j < 0 || plan.excludeSameIndex() && i == j || connected(p, i, j)) {
        continue;
      }
      long pair = (long) i * cols + j;
      if (!taken.add(pair)) {
        continue;
      }
      drawn[n] = sp.regrowthDrawn()
          ? sp.regrowthLow() + (sp.regrowthHigh() - sp.regrowthLow()) * Draws.uniform(word[2])
          : sp.regrowthLow();
      order[n] = pair << 29 | n;
      n++;
    }
    Arrays.sort(order);
    int[] source = new int[count];
    int[] target = new int[count];
    float[] weight = new float[count];
    for (int q = 0; q < count; q++) {
      long pair = order[q] >>> 29;
      source[q] = (int) (pair / cols);
      target[q] = (int) (pair % cols);
      weight[q] = drawn[(int) (order[q] & ((1 << 29) - 1))];
    }
    return new Chosen(source, target, weight);
  }

  /**
   * Every inactive pair of rows [from, to), ascending; weights from word 0 of Philox counter
   * (n, source, target, 3) when drawn.
   */
  private static Chosen allInactive(PotentialSet p, int from, int to, int step, int seed) {
    ProjectionPlan plan = p.plan;
    int total = 0;
    for (int i = from; i < to; i++) {
      total += p.rowLength(i) - p.rowCount[i];
    }
    int[] source = new int[total];
    int[] target = new int[total];
    float[] weight = new float[total];
    StructuralPlan sp = plan.structural();
    int n = 0;
    for (int i = from; i < to; i++) {
      for (int k = 0, len = p.rowLength(i); k < len; k++) {
        int j = plan.potentialTarget(i, k);
        if (!connected(p, i, j)) {
          source[n] = i;
          target[n] = j;
          weight[n++] = sp.regrowthDrawn() ? sp.regrowthLow() + (sp.regrowthHigh()
              - sp.regrowthLow()) * Draws.uniform(Philox.first(step, i, j, 3, seed,
                  plan.regrowthKey())) : sp.regrowthLow();
        }
      }
    }
    return new Chosen(source, target, weight);
  }

  /** Whether local pair (i, j) is an active synapse: a binary search of row i (sorted). */
  public static boolean connected(PotentialSet p, int i, int j) {
    return Arrays.binarySearch(p.rowTarget, p.rowOffset[i], p.rowOffset[i] + p.rowCount[i], j)
        >= 0;
  }
}
