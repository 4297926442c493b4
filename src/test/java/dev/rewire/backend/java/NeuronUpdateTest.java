package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

class NeuronUpdateTest {
  private final Plan plan = Plan.compile(TestModels.isolated(1, 100));
  private final NeuronState state = new NeuronState(plan);
  private final SpikeList spikes = new SpikeList(1);
  private final NeuronUpdate update = new NeuronUpdate(plan.groups(), state, spikes);

  @Test
  void run_conductanceInputArrivesNextStepAndDecaysByOneMinusDtOverTau() {
    state.addInput(state.inputAmpa, 0, 0.4f);
    state.addInput(state.inputGaba, 0, 0.4f);
    update.run(0, SimulationListener.NONE);
    assertEquals(0.4f * 0.98f, state.gAmpa[0]);
    assertEquals(0.4f * 0.99f, state.gGaba[0]);
    float expectA = 0.4f * 0.98f;
    for (int n = 1; n < 200; n++) {
      update.run(n, SimulationListener.NONE);
      expectA *= 0.98f;
    }
    assertEquals(expectA, state.gAmpa[0]);
    assertEquals(0.4 * Math.pow(0.98, 200), state.gAmpa[0], 1e-6 * 0.4 * Math.pow(0.98, 200) * 20);
  }

  @Test
  void run_eulerStepUsesOldValuesOnTheRightHandSide() {
    state.v[0] = -55f;
    state.gAmpa[0] = 3f;
    state.gGaba[0] = 2f;
    update.run(0, SimulationListener.NONE);
    // dv/dt = (-gl (v - el) - (ga v + gg (v - er))) / C with v = -55, ga = 3, gg = 2:
    // (-10*5 - (3*-55 + 2*25)) / 200 = (-50 + 115) / 200 = 0.325 mV/ms; times dt = 0.1 ms.
    assertEquals(-55.0 + 0.0325, state.v[0], 1e-5);
    assertEquals(3f * 0.98f, state.gAmpa[0]);
  }

  @Test
  void run_fixedPointInputsSumIndependentlyOfOrder() {
    float[] w = {0.1f, 0.30000001f, 1e-3f, 7.25f, 0.4f};
    long forward = 0;
    long backward = 0;
    for (int i = 0; i < w.length; i++) {
      forward += FixedPoint.fromFloat(w[i]);
      backward += FixedPoint.fromFloat(w[w.length - 1 - i]);
    }
    assertEquals(forward, backward);
    assertEquals(8.05100001f, FixedPoint.toFloat(forward), 1e-6f);
  }

  @Test
  void run_refractoryNeuronIsFrozenAt_elFor49UpdatesThenFreeToSpike() {
    state.v[0] = -49f; // above vt = -50 after one update with no input (leak moves it 0.005 mV)
    update.run(0, SimulationListener.NONE);
    assertEquals(1, spikes.count, "spikes at step 0");
    assertEquals(-60f, state.v[0]);
    for (int n = 1; n < 50; n++) {
      state.gAmpa[0] = 50f; // strong drive that would move v if it were not frozen
      update.run(n, SimulationListener.NONE);
      assertEquals(-60f, state.v[0], "frozen at step " + n);
      assertEquals(0, spikes.count);
    }
    state.v[0] = -40f; // above threshold, and step 50 is no longer refractory
    update.run(50, SimulationListener.NONE);
    assertEquals(1, spikes.count, "free to spike at step 50");
  }

  @Test
  void addInput_everyNeuronOnBothReceptorsInOneStep_fitsAndFoldsOnce() {
    // A step in which all neurons receive AMPA and GABA input fills the touched list exactly; a
    // further input to an already-touched neuron must not write past it (it did, once).
    Plan big = Plan.compile(TestModels.isolated(7, 1));
    NeuronState s = new NeuronState(big);
    for (int i = 0; i < 7; i++) {
      s.addInput(s.inputAmpa, i, 0.5f);
      s.addInput(s.inputGaba, i, 0.25f);
    }
    s.addInput(s.inputAmpa, 3, 0.5f);
    s.foldInput();
    assertEquals(0.5f, s.gAmpa[0]);
    assertEquals(1.0f, s.gAmpa[3]);
    assertEquals(0.25f, s.gGaba[6]);
  }

  @Test
  void run_conductancesKeepDecayingWhileRefractory() {
    state.v[0] = -49f;
    update.run(0, SimulationListener.NONE);
    state.gAmpa[0] = 1f;
    update.run(1, SimulationListener.NONE);
    assertEquals(0.98f, state.gAmpa[0]);
    assertTrue(state.v[0] == -60f);
  }
}
