package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.plan.FixedPoint;
import org.junit.jupiter.api.Test;

/** The touched-neuron list behind the fixed-point input: who is listed, and what the fold adds. */
class InputSumTest {
  private final InputSum ampa = new InputSum(4);
  private final InputSum gaba = new InputSum(4);

  @Test
  void add_listsANeuronWhenItsInputLeavesZero_once() {
    ampa.add(2, 0.0f); // a zero weight leaves the input at 0: not listed
    assertEquals(0, ampa.touchedCount);
    ampa.add(2, 0.4f);
    ampa.add(2, 0.3f);
    ampa.add(2, 0.0f);
    assertEquals(1, ampa.touchedCount);
    assertEquals(2, ampa.touched[0]);
    gaba.add(2, 0.5f); // the other receptor has its own list
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
  void restore_listsExactlyTheNonZeroInputs() {
    ampa.add(0, 0.5f); // pending before the restore: replaced
    ampa.restore(new long[] {0, 7, 0, 9});
    assertEquals(2, ampa.touchedCount);
    float[] g = new float[4];
    ampa.foldInto(g);
    assertEquals(FixedPoint.toFloat(7), g[1]);
    assertEquals(FixedPoint.toFloat(9), g[3]);
    assertEquals(0f, g[0]);
  }
}
