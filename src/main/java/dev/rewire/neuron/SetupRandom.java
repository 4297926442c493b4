package dev.rewire.neuron;

import dev.rewire.random.Philox;

/**
 * rand() and randn() of a neuron group's set-up expressions, in double: draw {@code call} of
 * neuron i for item {@code item} of kind {@code kind} (0: per-neuron params, 1: variables) is
 * Philox counter (i, call, kind, item) under key (seed, the group's key). uniform is the 53 bits of
 * words 0 and 1 over 2^53; normal is Box–Muller, sqrt(-2 ln u1) cos(2 pi u2) with u1 in (0, 1]
 * from words 0 and 1 and u2 from words 2 and 3, in StrictMath.
 */
public final class SetupRandom {
  private final int seed;
  private final int key;

  public SetupRandom(int seed, int key) {
    this.seed = seed;
    this.key = key;
  }

  double uniform(int neuron, int call, int kind, int item) {
    int[] w = new int[4];
    Philox.block(neuron, call, kind, item, seed, key, w);
    return unit(w[0], w[1]);
  }

  double normal(int neuron, int call, int kind, int item) {
    int[] w = new int[4];
    Philox.block(neuron, call, kind, item, seed, key, w);
    double u1 = 1.0 - unit(w[0], w[1]);
    double u2 = unit(w[2], w[3]);
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** Uniform in [0, 1) from 53 bits of two words. */
  private static double unit(int a, int b) {
    return ((long) (a >>> 5) << 26 | (b >>> 6)) * 0x1p-53;
  }
}
