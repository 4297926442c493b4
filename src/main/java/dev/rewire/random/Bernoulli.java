package dev.rewire.random;

/**
 * Which of n positions succeed, each with probability p, in time proportional to the successes:
 * the gaps between successes are geometric ({@link Draws#geometric}), gap d from Philox counter
 * (c0, d, c2, c3), whose word 1 is left to the caller (a success's weight, say).
 */
public final class Bernoulli {
  /** Receives each success: its position and word 1 of the block that chose it. */
  public interface Visitor {
    void success(int position, int word1);
  }

  private Bernoulli() {}

  /** Visits the successes among positions 0..n-1 in ascending order; returns their number. */
  public static int walk(int n, float p, int c0, int c2, int c3, int key0, int key1,
      Visitor visitor) {
    if (p <= 0 || n == 0) {
      return 0;
    }
    float invLogQ = p >= 1 ? -0f : (float) (1.0 / StrictMath.log1p(-p));
    int[] word = new int[4];
    int count = 0;
    long position = -1;
    for (int d = 0; ; d++) {
      Philox.block(c0, d, c2, c3, key0, key1, word);
      position += p >= 1 ? 1 : Draws.geometric(word[0], invLogQ);
      if (position >= n) {
        return count;
      }
      visitor.success((int) position, word[1]);
      count++;
    }
  }

  /** The number of successes {@link #walk} visits. */
  public static int count(int n, float p, int c0, int c2, int c3, int key0, int key1) {
    return walk(n, p, c0, c2, c3, key0, key1, (position, word1) -> { });
  }
}
