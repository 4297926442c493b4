package dev.rewire.backend.java;

/**
 * The weight clip of the STDP rule. The kernels write {@code w < 0 ? 0 : (w > gmax ? gmax : w)};
 * here the lower bound is taken without a branch, by clearing every float whose sign bit is set
 * to +0. That gives the same bits for every weight that occurs (finite, never -0: weights start
 * above 0 and only this clip makes 0, a +0). A weight reaches 0 rarely and at an unpredictable time,
 * so as a branch it would be compiled as never taken and cost a deoptimisation when it first is.
 */
final class Clip {
  private Clip() {}

  static float weight(float w, float gmax) {
    int bits = Float.floatToRawIntBits(w);
    float low = Float.intBitsToFloat(bits & ~(bits >> 31));
    return low > gmax ? gmax : low;
  }
}
