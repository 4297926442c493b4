package dev.rewire.random;

/**
 * Standard normal draws for white noise, from Philox and float operations that OpenCL C repeats
 * bit for bit ({@code rw_normal} in kernels/philox.cl): Marsaglia's polar method. Draw
 * {@code index} of element {@code element} at {@code step} takes Philox counter
 * (step, element, index, attempt) for attempt = 0, 1, ...; each block gives two candidate pairs
 * (u, v) uniform in [-1, 1) (24 bits each, exact); the first with 0 < s = u² + v² < 1 gives
 * u·sqrt(-2 ln(s) / s). The logarithm is {@link FloatLog}'s, the division and square root are
 * IEEE's (correctly rounded; OpenCL builds with -cl-fp32-correctly-rounded-divide-sqrt).
 */
public final class Normal {
  private Normal() {}

  /** The draw; {@code scratch} holds at least 4 ints. */
  public static float draw(int step, int element, int index, int seed, int key, int[] scratch) {
    for (int attempt = 0; ; attempt++) {
      Philox.block(step, element, index, attempt, seed, key, scratch);
      for (int pair = 0; pair < 4; pair += 2) {
        float u = (scratch[pair] >>> 8) * 0x1p-23f - 1.0f;
        float v = (scratch[pair + 1] >>> 8) * 0x1p-23f - 1.0f;
        float s = u * u + v * v;
        if (s < 1.0f && s > 0.0f) {
          return u * (float) Math.sqrt(-2.0f * FloatLog.log(s) / s);
        }
      }
    }
  }
}
