package dev.rewire.random;

import java.util.Arrays;

/**
 * Uniform sampling of k distinct ranks out of n, without replacement, by Floyd's algorithm: k draws,
 * whatever n is, and every k-subset equally likely. Draw d (0-based) uses Philox counter
 * (c0, c1, d, 0), so the subset is a pure function of the key and (c0, c1): the device runs the same
 * loop on one work-item and gets the same ranks.
 */
public final class SubsetSampler {
  private SubsetSampler() {}

  /**
   * Returns {@code min(k, n)} distinct ranks in [0, n), sorted ascending.
   *
   * @param n population size, at least 0
   * @param k how many to choose, at least 0
   */
  public static int[] sample(int n, int k, int key0, int key1, int c0, int c1) {
    if (n < 0 || k < 0) {
      throw new IllegalArgumentException("n and k must be >= 0, got n=" + n + ", k=" + k);
    }
    int take = Math.min(k, n);
    int[] chosen = new int[take];
    IntHashSet seen = new IntHashSet(take);
    int d = 0;
    for (int j = n - take; j < n; j++, d++) {
      int t = Draws.below(Philox.first(c0, c1, d, 0, key0, key1), j + 1);
      int pick = seen.add(t) ? t : j;
      if (pick == j) {
        seen.add(j);
      }
      chosen[d] = pick;
    }
    Arrays.sort(chosen);
    return chosen;
  }

  /** Open-addressing set of non-negative ints; just enough for Floyd's membership test. */
  private static final class IntHashSet {
    private final int[] slots;
    private final int mask;

    IntHashSet(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
      slots = new int[cap];
      Arrays.fill(slots, -1);
      mask = cap - 1;
    }

    /** Adds {@code v}; returns false if it was already there. */
    boolean add(int v) {
      int i = (v * 0x9E3779B9) >>> 7 & mask;
      while (slots[i] != -1) {
        if (slots[i] == v) {
          return false;
        }
        i = (i + 1) & mask;
      }
      slots[i] = v;
      return true;
    }
  }
}
