package dev.rewire.random;

/**
 * Turns 32-bit Philox words into the numbers the simulator needs, with arithmetic an OpenCL kernel
 * can repeat bit for bit (float multiplies by powers of two, integer shifts, {@link FloatLog}).
 */
public final class Draws {
  private static final float TWO_POW_MINUS_24 = 0x1p-24f;

  private Draws() {}

  /** Uniform float in [0, 1): the top 24 bits of {@code word}, exact in float. */
  public static float uniform(int word) {
    return (word >>> 8) * TWO_POW_MINUS_24;
  }

  /** Uniform float in (0, 1]: never 0, so its logarithm is finite. */
  public static float uniformOpenZero(int word) {
    return ((word >>> 8) + 1) * TWO_POW_MINUS_24;
  }

  /**
   * Integer uniform in [0, bound) by Lemire's multiply-shift, without rejection: the bias is below
   * bound / 2^32, far under anything a simulation of this size can see, and it needs no loop, so the
   * device computes it in one step.
   */
  public static int below(int word, int bound) {
    return (int) (((word & 0xFFFFFFFFL) * bound) >>> 32);
  }

  /**
   * Integer exactly uniform in [0, bound) or -1: Lemire's multiply-shift that rejects the words
   * that would make some values more likely ({@code (2^32 - bound) mod bound} of them); a caller
   * that needs a value draws again from its next counter.
   */
  public static int belowOrReject(int word, int bound) {
    long m = (word & 0xFFFFFFFFL) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound && low < (0x1_0000_0000L - bound) % bound) {
      return -1;
    }
    return (int) (m >>> 32);
  }

  /**
   * Geometric number of Bernoulli trials up to and including the first success, at least 1, given
   * {@code invLogQ = 1 / ln(1 - p)} (negative, computed once on the host). Inverts the CDF:
   * {@code 1 + floor(ln(u) / ln(1 - p))} with u uniform in (0, 1]. Saturates at
   * {@link Integer#MAX_VALUE}, which callers treat as "never".
   */
  public static int geometric(int word, float invLogQ) {
    float trials = FloatLog.log(uniformOpenZero(word)) * invLogQ;
    if (!(trials < 2.0e9f)) {
      return Integer.MAX_VALUE;
    }
    return 1 + (int) trials;
  }
}
