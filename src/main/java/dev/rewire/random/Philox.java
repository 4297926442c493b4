package dev.rewire.random;

/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11), the
 * counter-based generator of the determinism contract: a draw is a pure function of a 2-word key and
 * a 4-word counter. rewire keys it by (seed, stream) and counts by (step, element, ...), so a draw
 * never depends on how many draws came before it, nor on which thread made them.
 *
 * <p>Checked against the Random123 known-answer vectors in {@code PhiloxTest}.
 */
public final class Philox {
  private static final int M0 = 0xD2511F53;
  private static final int M1 = 0xCD9E8D57;
  private static final int W0 = 0x9E3779B9;
  private static final int W1 = 0xBB67AE85;
  private static final int ROUNDS = 10;

  private Philox() {}

  /**
   * Computes Philox4x32-10 of {@code (c0, c1, c2, c3)} under key {@code (k0, k1)} into {@code out},
   * which must hold at least 4 ints. All words are unsigned 32-bit values carried in Java ints.
   */
  public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
    for (int r = 0; r < ROUNDS; r++) {
      long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
      long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
      int hi0 = (int) (p0 >>> 32);
      int lo0 = (int) p0;
      int hi1 = (int) (p1 >>> 32);
      int lo1 = (int) p1;
      c0 = hi1 ^ c1 ^ k0;
      c1 = lo1;
      c2 = hi0 ^ c3 ^ k1;
      c3 = lo0;
      k0 += W0;
      k1 += W1;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
  }

  /** The first output word of {@link #block}; the common case of one 32-bit draw per counter. */
  public static int first(int c0, int c1, int c2, int c3, int k0, int k1) {
    for (int r = 0; r < ROUNDS; r++) {
      long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
      long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
      int nc0 = (int) (p1 >>> 32) ^ c1 ^ k0;
      int nc2 = (int) (p0 >>> 32) ^ c3 ^ k1;
      c1 = (int) p1;
      c3 = (int) p0;
      c0 = nc0;
      c2 = nc2;
      k0 += W0;
      k1 += W1;
    }
    return c0;
  }
}
