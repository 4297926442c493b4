package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

/** The touched-neuron list behind the fixed-point input: who is listed, and what the fold adds. */
class NeuronStateTest {
  private final NeuronState s = new NeuronState(Plan.compile(TestModels.isolated(4, 100)));

  @Test
  void input_listsANeuronWhenItsInputLeavesZero_once() {
    s.addInput(s.inputAmpa, 2, 0.0f); // a zero weight leaves the input at 0: not listed
    assertEquals(0, s.touchedCount);
    s.addInput(s.inputAmpa, 2, 0.4f);
    s.addInput(s.inputAmpa, 2, 0.3f);
    s.addInput(s.inputAmpa, 2, 0.0f);
    assertEquals(1, s.touchedCount);
    assertEquals(2, s.touched[0]);
    s.addInput(s.inputGaba, 2, 0.5f); // the other receptor's array lists it again
    s.addInput(s.inputAmpa, 1, 0.1f);
    assertEquals(3, s.touchedCount);
  }

  @Test
  void fold_addsEachSumOnce_andClearsInputAndList() {
    s.addInput(s.inputAmpa, 2, 0.4f);
    s.addInput(s.inputAmpa, 2, 0.3f);
    s.addInput(s.inputGaba, 2, 0.5f);
    s.foldInput();
    long sum = FixedPoint.fromFloat(0.4f) + FixedPoint.fromFloat(0.3f);
    assertEquals(FixedPoint.toFloat(sum), s.gAmpa[2]);
    assertEquals(FixedPoint.toFloat(FixedPoint.fromFloat(0.5f)), s.gGaba[2]);
    assertEquals(0, s.inputAmpa[2]);
    assertEquals(0, s.inputGaba[2]);
    assertEquals(0, s.touchedCount);
    assertEquals(0f, s.gAmpa[1]);
  }
}
