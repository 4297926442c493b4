package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClipTest {
  /** The kernels' clip, written with comparisons. */
  private static float kernelClip(float w, float gmax) {
    return w < 0.0f ? 0.0f : (w > gmax ? gmax : w);
  }

  @Test
  void weight_givesTheKernelsBitsForEveryWeightThatCanOccur() {
    float gmax = 20.0f;
    float[] edges = {0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 0.005f, -0.005f,
        19.999998f, 20.0f, 20.000002f, 1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (float w : edges) {
      assertEquals(Float.floatToRawIntBits(kernelClip(w, gmax)),
          Float.floatToRawIntBits(Clip.weight(w, gmax)), "w = " + w);
    }
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 1_000_000; k++) {
      float w = Float.intBitsToFloat(r.nextInt());
      if (Float.isNaN(w) || Float.floatToRawIntBits(w) == 0x80000000) {
        continue; // never a weight: see Clip
      }
      assertEquals(Float.floatToRawIntBits(kernelClip(w, gmax)),
          Float.floatToRawIntBits(Clip.weight(w, gmax)), "w = " + w);
    }
  }
}
