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
    state.ampa.add(0, 0.4f);
    state.gaba.add(0, 0.4f);
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
  void run_foldsInputsThatArrivedInAnyOrderIntoTheSameConductance() {
    float[] w = {0.6f, 0.15f, 0.2f};
    assertTrue((w[0] + w[1]) + w[2] != (w[2] + w[1]) + w[0],
        "weights whose float sum depends on the order, so that the test can tell");
    float[] g = new float[2];
    for (int order = 0; order < 2; order++) {
      NeuronState st = new NeuronState(plan);
      NeuronUpdate up = new NeuronUpdate(plan.groups(), st, new SpikeList(1));
      for (int k = 0; k < w.length; k++) {
        st.ampa.add(0, w[order == 0 ? k : w.length - 1 - k]);
      }
      up.run(0, SimulationListener.NONE);
      g[order] = st.gAmpa[0];
      assertEquals(0L, st.ampa.value[0], "the input was folded and cleared");
    }
    assertEquals(Float.floatToRawIntBits(g[0]), Float.floatToRawIntBits(g[1]),
        "the same bits whatever the order: " + g[0] + " vs " + g[1]);
    long fixed = FixedPoint.fromFloat(w[0]) + FixedPoint.fromFloat(w[1])
        + FixedPoint.fromFloat(w[2]);
    assertEquals(FixedPoint.toFloat(fixed) * 0.98f, g[0], "folded, then decayed once");
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
  void input_everyNeuronOnBothReceptorsInOneStep_fitsAndFoldsOnce() {
    // A step in which all neurons receive AMPA and GABA input fills both touched lists exactly; a
    // further input to an already-touched neuron must not write past them (it did, once).
    Plan big = Plan.compile(TestModels.isolated(7, 1));
    NeuronState s = new NeuronState(big);
    for (int i = 0; i < 7; i++) {
      s.ampa.add(i, 0.5f);
      s.gaba.add(i, 0.25f);
    }
    s.ampa.add(3, 0.5f);
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

  @Test
  void run_spikesAtTheEdgesAndSideBySide_areAllFoundInAscendingOrder() {
    // The search for candidates treats the first slot, runs of neighbours and the last slot apart.
    Network net = Network.of(100);
    NeuronState s = net.state();
    SpikeList out = net.spikes();
    NeuronUpdate u = net.update();
    int[] above = {0, 1, 2, 50, 97, 98, 99};
    for (int i : above) {
      s.v[i] = -45f;
    }
    s.v[60] = Float.NaN; // a candidate, but not a spike
    u.run(0, SimulationListener.NONE);
    assertEquals(above.length, out.count);
    for (int k = 0; k < above.length; k++) {
      assertEquals(above[k], out.index[k]);
      assertEquals(0, s.lastSpike[above[k]]);
      assertEquals(-60f, s.v[above[k]]);
    }
    s.v[60] = -60f;
    u.run(1, SimulationListener.NONE); // nothing left over from the search
    assertEquals(0, out.count);
  }

  @Test
  void run_manyRefractoryPeriodsInARow_eachFreezesExactly49Updates() {
    // Three neurons driven to spike again as soon as they may, for many periods: the queue of
    // refractory neurons wraps around many times.
    Network net = Network.of(3);
    NeuronState s = net.state();
    SpikeList out = net.spikes();
    NeuronUpdate u = net.update();
    int[] spikeCount = new int[3];
    int[] previous = {-1, -1, -1};
    for (int n = 0; n < 5000; n++) {
      for (int i = 0; i < 3; i++) {
        if (n % 3 == i || n % 7 == 0) {
          s.v[i] = -40f; // above threshold; must not spike while refractory
        }
      }
      u.run(n, SimulationListener.NONE);
      for (int k = 0; k < out.count; k++) {
        int i = out.index[k];
        if (previous[i] >= 0) {
          // Frozen for 49 updates, then driven again within 7 steps.
          int gap = n - previous[i];
          assertTrue(gap >= 50 && gap <= 57, "neuron " + i + " spiked " + gap + " steps apart");
        }
        previous[i] = n;
        spikeCount[i]++;
      }
      for (int i = 0; i < 3; i++) {
        if (previous[i] >= 0 && n - previous[i] < 50) {
          assertEquals(-60f, s.v[i], "neuron " + i + " frozen at step " + n);
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(spikeCount[i] >= 5000 / 57, "spikes of " + i + ": " + spikeCount[i]);
    }
  }

  @Test
  void rebuildRefractory_releasesEachNeuronWhenItsOwnPeriodEnds() {
    // Neuron 5 spiked at step 960, neuron 2 at step 980, neuron 7 long ago; restored at step 1000.
    Network net = Network.of(10);
    NeuronState s = net.state();
    SpikeList out = net.spikes();
    NeuronUpdate u = net.update();
    s.lastSpike[5] = 960;
    s.lastSpike[2] = 980;
    s.lastSpike[7] = 900;
    u.rebuildRefractory(1000);
    for (int n = 1000; n < 1040; n++) {
      for (int i : new int[] {2, 5, 7}) {
        if (n == 1000 || s.lastSpike[i] < 1000) {
          s.v[i] = -40f; // drive until the first spike after the restore
        }
      }
      u.run(n, SimulationListener.NONE);
      assertEquals(n == 1000, contains(out, 7), "neuron 7 at step " + n);
      assertEquals(n == 1010, contains(out, 5), "neuron 5 at step " + n);
      assertEquals(n == 1030, contains(out, 2), "neuron 2 at step " + n);
      if (n < 1010) {
        assertEquals(-60f, s.v[5], "neuron 5 frozen at step " + n);
      }
      if (n < 1030) {
        assertEquals(-60f, s.v[2], "neuron 2 frozen at step " + n);
      }
    }
  }

  /** An isolated group of {@code size} neurons with its update phase. */
  private record Network(NeuronState state, SpikeList spikes, NeuronUpdate update) {
    static Network of(int size) {
      Plan plan = Plan.compile(TestModels.isolated(size, 100));
      NeuronState state = new NeuronState(plan);
      SpikeList spikes = new SpikeList(size);
      return new Network(state, spikes, new NeuronUpdate(plan.groups(), state, spikes));
    }
  }

  private static boolean contains(SpikeList list, int i) {
    for (int k = 0; k < list.count; k++) {
      if (list.index[k] == i) {
        return true;
      }
    }
    return false;
  }
}
