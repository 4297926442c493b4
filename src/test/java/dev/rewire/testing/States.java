package dev.rewire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.backend.SimulationState;

/** Compares simulation states array by array, bit for bit. */
public final class States {
  private States() {}

  /**
   * Asserts that {@code actual} holds the arrays of {@code expected}, every element with the same
   * bits (floats by their raw bits: a last-bit drift or a -0.0 for 0.0 fails); the message names
   * the array, the first differing index and both values.
   */
  public static void assertIdentical(String what, SimulationState expected,
      SimulationState actual) {
    assertEquals(expected.step(), actual.step(), what + ": step");
    assertEquals(expected.arrays().keySet(), actual.arrays().keySet(), what + ": array names");
    for (String name : expected.arrays().keySet()) {
      Object a = expected.arrays().get(name);
      Object b = actual.arrays().get(name);
      assertEquals(SimulationState.type(a), SimulationState.type(b), what + ": type of " + name);
      int n = java.lang.reflect.Array.getLength(a);
      assertEquals(n, java.lang.reflect.Array.getLength(b), what + ": length of " + name);
      for (int i = 0; i < n; i++) {
        if (bits(a, i) != bits(b, i)) {
          throw new AssertionError(what + ": " + name + "[" + i + "] is "
              + java.lang.reflect.Array.get(b, i) + ", expected "
              + java.lang.reflect.Array.get(a, i) + " (" + differing(a, b) + " of " + n
              + " elements differ)");
        }
      }
    }
  }

  private static long bits(Object array, int i) {
    if (array instanceof float[] f) {
      return Float.floatToRawIntBits(f[i]);
    } else if (array instanceof int[] v) {
      return v[i];
    } else if (array instanceof long[] l) {
      return l[i];
    }
    return ((boolean[]) array)[i] ? 1 : 0;
  }

  private static int differing(Object a, Object b) {
    int count = 0;
    for (int i = 0; i < java.lang.reflect.Array.getLength(a); i++) {
      if (bits(a, i) != bits(b, i)) {
        count++;
      }
    }
    return count;
  }
}
