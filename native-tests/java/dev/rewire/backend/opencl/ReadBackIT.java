package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Rewiring;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

/**
 * A chunk reads back what it wrote and nothing more: the (step, neuron) pairs of its spikes, the
 * counts of its structural calls and the slots and weights they changed, and one counter per
 * record. (It read whole buffers before: ~2 MB of spike record and ~5 MB of ee's event log per
 * chunk of seed-ei.)
 */
class ReadBackIT {
  @Test
  void chunk_readsOnlyTheUsedPartOfItsRecords() {
    Plan plan = Plan.compile(TestModels.seedEi(1500, 2, "projections.ee.structural.threshold=0.13"));
    long[] spikes = new long[1];
    long[] calls = new long[1];
    long[] changed = new long[1];
    try (OpenClSimulation sim = (OpenClSimulation) new OpenClBackend(NativeTestSupport.device())
        .open(plan)) {
      long before = sim.bytesRead();
      sim.run(plan.steps(), new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {
          spikes[0] += count;
        }

        @Override
        public void onStructural(StructuralEvent e) {
          calls[0]++;
        }

        @Override
        public void onRewiring(Rewiring r) {
          changed[0] += r.prunedSource().length + r.regrownSource().length;
        }
      });
      int chunks = (plan.steps() + 499) / 500;
      int structural = plan.structuralProjections().size();
      assertTrue(changed[0] > 100, "the run rewired: " + changed[0]);
      long expected = 8 * spikes[0] + 16 * calls[0] + 8 * changed[0]
          + 4L * chunks * (1 + structural); // the spike count and each event log's count
      assertEquals(expected, sim.bytesRead() - before, "bytes read back for " + spikes[0]
          + " spikes, " + calls[0] + " calls, " + changed[0] + " changed synapses in " + chunks
          + " chunks");
    }
  }
}
