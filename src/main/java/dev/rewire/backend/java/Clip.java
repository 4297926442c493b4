package dev.rewire.backend.java;

/** The weight clip of the STDP rule, written with comparisons as the kernels write it. */
final class Clip {
  private Clip() {}

  static float weight(float w, float gmax) {
    return w < 0.0f ? 0.0f : (w > gmax ? gmax : w);
  }
}
