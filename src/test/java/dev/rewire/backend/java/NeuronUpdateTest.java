package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.InitialState;
import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeuronUpdateTest {
  private final Network net = Network.of(1);

  @Test
  void run_conductanceInputArrivesNextStepAndDecaysByOneMinusDtOverTau() {
    net.ampa().add(0, 0.4f);
    net.gaba().add(0, 0.4f);
    net.update.run(0, SimulationListener.NONE);
    assertEquals(0.4f * 0.98f, net.gAmpa()[0]);
    assertEquals(0.4f * 0.99f, net.gGaba()[0]);
    float expectA = 0.4f * 0.98f;
    for (int n = 1; n < 200; n++) {
      net.update.run(n, SimulationListener.NONE);
      expectA *= 0.98f;
    }
    assertEquals(expectA, net.gAmpa()[0]);
    assertEquals(0.4 * Math.pow(0.98, 200), net.gAmpa()[0], 1e-6 * 0.4 * Math.pow(0.98, 200) * 20);
  }

  @Test
  void run_eulerStepUsesOldValuesOnTheRightHandSide() {
    net.v()[0] = -55f;
    net.gAmpa()[0] = 3f;
    net.gGaba()[0] = 2f;
    net.update.run(0, SimulationListener.NONE);
    // dv/dt = (-gl (v - el) - (ga v + gg (v - er))) / C with v = -55, ga = 3, gg = 2:
    // (-10*5 - (3*-55 + 2*25)) / 200 = (-50 + 115) / 200 = 0.325 mV/ms; times dt = 0.1 ms.
    assertEquals(-55.0 + 0.0325, net.v()[0], 1e-5);
    assertEquals(3f * 0.98f, net.gAmpa()[0]);
  }

  @Test
  void run_foldsInputsThatArrivedInAnyOrderIntoTheSameConductance() {
    float[] w = {0.6f, 0.15f, 0.2f};
    assertTrue((w[0] + w[1]) + w[2] != (w[2] + w[1]) + w[0],
        "weights whose float sum depends on the order, so that the test can tell");
    float[] g = new float[2];
    for (int order = 0; order < 2; order++) {
      Network n = Network.of(1);
      for (int k = 0; k < w.length; k++) {
        n.ampa().add(0, w[order == 0 ? k : w.length - 1 - k]);
      }
      n.update.run(0, SimulationListener.NONE);
      g[order] = n.gAmpa()[0];
      assertEquals(0L, n.ampa().value[0], "the input was folded and cleared");
    }
    assertEquals(Float.floatToRawIntBits(g[0]), Float.floatToRawIntBits(g[1]),
        "the same bits whatever the order: " + g[0] + " vs " + g[1]);
    long fixed = FixedPoint.fromFloat(w[0]) + FixedPoint.fromFloat(w[1])
        + FixedPoint.fromFloat(w[2]);
    assertEquals(FixedPoint.toFloat(fixed) * 0.98f, g[0], "folded, then decayed once");
  }

  @Test
  void run_refractoryNeuronIsFrozenAt_elFor49UpdatesThenFreeToSpike() {
    net.v()[0] = -49f; // above vt = -50 after one update with no input (leak moves it 0.005 mV)
    net.update.run(0, SimulationListener.NONE);
    assertEquals(1, net.spikes.count, "spikes at step 0");
    assertEquals(-60f, net.v()[0]);
    for (int n = 1; n < 50; n++) {
      net.gAmpa()[0] = 50f; // strong drive that would move v if it were not frozen
      net.update.run(n, SimulationListener.NONE);
      assertEquals(-60f, net.v()[0], "frozen at step " + n);
      assertEquals(0, net.spikes.count);
    }
    net.v()[0] = -40f; // above threshold, and step 50 is no longer refractory
    net.update.run(50, SimulationListener.NONE);
    assertEquals(1, net.spikes.count, "free to spike at step 50");
  }

  @Test
  void run_aRefractoryNeuronsClampedVariableKeepsTheInputThatArrived() {
    // Input to a clamped variable while refractory is added, then held: the held value is the
    // one after the input (as on the device, where the update selects the old value).
    Network n = Network.of(1);
    n.v()[0] = -49f;
    n.update.run(0, SimulationListener.NONE);
    assertEquals(-60f, n.v()[0]);
    n.gAmpa()[0] = 0f;
    n.update.run(1, SimulationListener.NONE);
    assertEquals(-60f, n.v()[0], "held");
  }

  @Test
  void input_everyNeuronOnBothReceptorsInOneStep_fitsAndFoldsOnce() {
    // A step in which all neurons receive AMPA and GABA input fills both touched lists exactly; a
    // further input to an already-touched neuron must not write past them (it did, once).
    Network n = Network.of(7);
    for (int i = 0; i < 7; i++) {
      n.ampa().add(i, 0.5f);
      n.gaba().add(i, 0.25f);
    }
    n.ampa().add(3, 0.5f);
    n.ampa().foldInto(n.gAmpa());
    n.gaba().foldInto(n.gGaba());
    assertEquals(0.5f, n.gAmpa()[0]);
    assertEquals(1.0f, n.gAmpa()[3]);
    assertEquals(0.25f, n.gGaba()[6]);
  }

  @Test
  void run_conductancesKeepDecayingWhileRefractory() {
    net.v()[0] = -49f;
    net.update.run(0, SimulationListener.NONE);
    net.gAmpa()[0] = 1f;
    net.update.run(1, SimulationListener.NONE);
    assertEquals(0.98f, net.gAmpa()[0]);
    assertTrue(net.v()[0] == -60f);
  }

  @Test
  void run_spikesAtTheEdgesAndSideBySide_areAllFoundInAscendingOrder() {
    // The search for candidates treats the first slot, runs of neighbours and the last slot apart.
    Network n = Network.of(100);
    int[] above = {0, 1, 2, 50, 97, 98, 99};
    for (int i : above) {
      n.v()[i] = -45f;
    }
    n.v()[60] = Float.NaN; // a candidate, but not a spike
    n.update.run(0, SimulationListener.NONE);
    assertEquals(above.length, n.spikes.count);
    for (int k = 0; k < above.length; k++) {
      assertEquals(above[k], n.spikes.index[k]);
      assertEquals(0, n.lastSpike()[above[k]]);
      assertEquals(-60f, n.v()[above[k]]);
    }
    n.v()[60] = -60f;
    n.update.run(1, SimulationListener.NONE); // nothing left over from the search
    assertEquals(0, n.spikes.count);
  }

  @Test
  void run_manyRefractoryPeriodsInARow_eachFreezesExactly49Updates() {
    // Three neurons driven to spike again as soon as they may, for many periods: the queue of
    // refractory neurons wraps around many times.
    Network net3 = Network.of(3);
    int[] spikeCount = new int[3];
    int[] previous = {-1, -1, -1};
    for (int n = 0; n < 5000; n++) {
      for (int i = 0; i < 3; i++) {
        if (n % 3 == i || n % 7 == 0) {
          net3.v()[i] = -40f; // above threshold; must not spike while refractory
        }
      }
      net3.update.run(n, SimulationListener.NONE);
      for (int k = 0; k < net3.spikes.count; k++) {
        int i = net3.spikes.index[k];
        if (previous[i] >= 0) {
          // Frozen for 49 updates, then driven again within 7 steps.
          int gap = n - previous[i];
          assertTrue(gap >= 50 && gap <= 57, "neuron " + i + " spiked " + gap + " steps apart");
        }
        previous[i] = n;
        spikeCount[i]++;
      }
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(spikeCount[i] >= 5000 / 57, "spikes of " + i + ": " + spikeCount[i]);
    }
  }

  @Test
  void restore_releasesEachNeuronWhenItsOwnPeriodEnds() {
    // Neuron 5 spiked at step 960, neuron 2 at step 980, neuron 7 long ago; restored at step 1000.
    Network n = Network.at(10, 1000, Map.of(5, 960, 2, 980, 7, 900));
    for (int s = 1000; s < 1040; s++) {
      for (int i : new int[] {2, 5, 7}) {
        if (s == 1000 || n.lastSpike()[i] < 1000) {
          n.v()[i] = -40f; // drive until the first spike after the restore
        }
      }
      n.update.run(s, SimulationListener.NONE);
      assertEquals(s == 1000, contains(n.spikes, 7), "neuron 7 at step " + s);
      assertEquals(s == 1010, contains(n.spikes, 5), "neuron 5 at step " + s);
      assertEquals(s == 1030, contains(n.spikes, 2), "neuron 2 at step " + s);
    }
  }

  /**
   * A group of {@code size} lif_cond neurons with receptors g_ampa and g_gaba, its state arrays,
   * their input rings and its update phase.
   */
  private record Network(Map<String, Object> arrays, InputSum[][] rings, SpikeList spikes,
      NeuronUpdate update) {
    static Network of(int size) {
      return at(size, 0, Map.of());
    }

    /** At {@code step}, with these last spikes (neuron to step). */
    static Network at(int size, int step, Map<Integer, Integer> lastSpikes) {
      Plan plan = Plan.compile(TestModels.receiving(size, 100));
      Map<String, Object> arrays = InitialState.arrays(plan);
      lastSpikes.forEach((i, s) -> ((int[]) arrays.get("neurons.net.lastspike"))[i] = s);
      InputSum[][] rings = JavaSimulation.rings(plan, arrays);
      SpikeList spikes = new SpikeList(size);
      return new Network(arrays, rings, spikes,
          new NeuronUpdate(plan, arrays, rings, spikes, step));
    }

    float[] v() {
      return (float[]) arrays.get("neurons.net.v");
    }

    float[] gAmpa() {
      return (float[]) arrays.get("neurons.net.g_ampa");
    }

    float[] gGaba() {
      return (float[]) arrays.get("neurons.net.g_gaba");
    }

    int[] lastSpike() {
      return (int[]) arrays.get("neurons.net.lastspike");
    }

    InputSum ampa() {
      return rings[0][0];
    }

    InputSum gaba() {
      return rings[1][0];
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
