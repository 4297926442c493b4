package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.plan.FixedPoint;
import org.junit.jupiter.api.Test;

/** The touched-neuron list behind the fixed-point input: who is listed, and what the fold adds. */
class InputSumTest {
  /** Two slots of one ring: each its own list. */
  private final long[] ring = new long[8];
  private final InputSum ampa = new InputSum(ring, 0, 4, false);
  private final InputSum gaba = new InputSum(ring, 4, 4, false);

  @Test
  void add_listsANeuronWhenItsInputLeavesZero_once() {
    ampa.add(2, 0.0f); // a zero weight leaves the input at 0: not listed
    assertEquals(0, ampa.touchedCount);
    ampa.add(2, 0.4f);
    ampa.add(2, 0.3f);
    ampa.add(2, 0.0f);
    assertEquals(1, ampa.touchedCount);
    assertEquals(2, ampa.touched[0]);
    gaba.add(2, 0.5f); // the other slot has its own list
    ampa.add(1, 0.1f);
    assertEquals(2, ampa.touchedCount);
    assertEquals(1, gaba.touchedCount);
  }

  @Test
  void foldInto_addsEachSumOnce_andClearsInputAndList() {
    float[] g = new float[4];
    g[2] = 1.0f;
    ampa.add(2, 0.4f);
    ampa.add(2, 0.3f);
    ampa.foldInto(g);
    long sum = FixedPoint.fromFloat(0.4f) + FixedPoint.fromFloat(0.3f);
    assertEquals(1.0f + FixedPoint.toFloat(sum), g[2]);
    assertEquals(0, ampa.value[2]);
    assertEquals(0, ampa.touchedCount);
    assertEquals(0f, g[1]);
    ampa.foldInto(g); // nothing listed: nothing added
    assertEquals(1.0f + FixedPoint.toFloat(sum), g[2]);
  }

  @Test
  void aRestoredRing_listsExactlyTheNonZeroInputs() {
    long[] restored = {0, 7, 0, 9};
    InputSum in = new InputSum(restored, 0, 4, false);
    assertEquals(2, in.touchedCount);
    float[] g = new float[4];
    in.foldInto(g);
    assertEquals(FixedPoint.toFloat(7), g[1]);
    assertEquals(FixedPoint.toFloat(9), g[3]);
    assertEquals(0f, g[0]);
  }

  @Test
  void signed_aSumThatReturnsToZeroAndLeavesAgain_isListedOnceAndAddedIfNotZero() {
    InputSum in = new InputSum(new long[3], 0, 3, true);
    in.addSigned(1, 0.5f);
    in.addSigned(1, -0.5f);  // back to 0
    in.addSigned(1, -0.25f); // away again: still one entry
    in.addSigned(2, 0.75f);
    in.addSigned(2, -0.75f); // ends at 0: nothing added
    assertEquals(2, in.touchedCount);
    float[] x = {0f, 1f, -0.0f};
    in.foldInto(x);
    assertEquals(0.75f, x[1]);
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(x[2]),
        "an input that sums to 0 leaves the variable as it is (-0 stays -0)");
    assertEquals(0, in.touchedCount);
    in.addSigned(2, 0.5f); // listed again after the fold
    assertEquals(1, in.touchedCount);
  }
}
