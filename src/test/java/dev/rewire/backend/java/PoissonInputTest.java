package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PoissonInputTest {
  private static final int SEED = 11;

  /**
   * The timing wheel spikes every source exactly at the steps of its own chain of geometric
   * waiting times. At 2 Hz most waits exceed one turn of the wheel, so sources pass through their
   * bucket several times before they are due.
   */
  @Test
  void run_spikesEachSourceAtItsDrawnSteps_alsoWhenWaitsExceedOneTurnOfTheWheel() {
    Plan plan = Plan.compile(TestModels.seedEi(1000, SEED, "inputs.P.rate_hz=2"));
    InputPlan in = plan.inputs().get(0);
    PoissonInput input = new PoissonInput(in, SEED, first(in));
    int steps = 5 * PoissonInput.WHEEL;
    int[] next = new int[in.size()];
    int longWaits = 0;
    for (int i = 0; i < next.length; i++) {
      next[i] = in.nextSpikeAfter(-1, i, SEED);
    }
    int spikes = 0;
    for (int step = 0; step < steps; step++) {
      input.run(step, SimulationListener.NONE);
      BitSet expected = new BitSet();
      for (int i = 0; i < next.length; i++) {
        if (next[i] == step) {
          expected.set(i);
          int after = in.nextSpikeAfter(step, i, SEED);
          longWaits += after - step > PoissonInput.WHEEL ? 1 : 0;
          next[i] = after;
        }
      }
      BitSet got = new BitSet();
      for (int k = 0; k < input.spikes.count; k++) {
        got.set(input.spikes.index[k]);
      }
      assertEquals(expected.cardinality(), input.spikes.count, "no source twice, step " + step);
      assertEquals(expected, got, "step " + step);
      spikes += input.spikes.count;
    }
    assertTrue(longWaits > 100, "the test needs waits longer than a turn, had " + longWaits);
    assertTrue(spikes > 1000, "spikes " + spikes);
  }

  @Test
  void restore_continuesWithTheSameSpikesAsAnUninterruptedInput() {
    Plan plan = Plan.compile(TestModels.seedEi(1000, SEED, "inputs.P.rate_hz=2"));
    InputPlan in = plan.inputs().get(0);
    int[] nextA = first(in);
    PoissonInput a = new PoissonInput(in, SEED, nextA);
    int split = PoissonInput.WHEEL + 123;
    for (int step = 0; step < split; step++) {
      a.run(step, SimulationListener.NONE);
    }
    PoissonInput b = new PoissonInput(in, SEED, nextA.clone()); // a checkpoint's next spikes
    for (int step = split; step < split + 3 * PoissonInput.WHEEL; step++) {
      a.run(step, SimulationListener.NONE);
      b.run(step, SimulationListener.NONE);
      int[] x = Arrays.copyOf(a.spikes.index, a.spikes.count);
      int[] y = Arrays.copyOf(b.spikes.index, b.spikes.count);
      Arrays.sort(x);
      Arrays.sort(y);
      assertEquals(Arrays.toString(x), Arrays.toString(y), "step " + step);
    }
  }

  /** Each source's first spike, as the initial state has it. */
  private static int[] first(InputPlan in) {
    int[] next = new int[in.size()];
    for (int i = 0; i < next.length; i++) {
      next[i] = in.nextSpikeAfter(-1, i, SEED);
    }
    return next;
  }
}
