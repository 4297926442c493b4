package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Rewiring;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.backend.opencl.resident.ResidentBatch;
import dev.rewire.backend.opencl.step.PerStepSimulation;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chunk reads back what it wrote and nothing more: the (step, neuron) pairs of its spikes, the
 * counts of its structural calls and the slots and weights they changed, and one counter per
 * record. (It read whole buffers before: ~2 MB of spike record and ~5 MB of ee's event log per
 * chunk of seed-ei.)
 */
class ReadBackIT {
  @Test
  void perStepChunk_readsOnlyTheUsedPartOfItsRecords() {
    Plan plan = Plan.compile(TestModels.seedEi(1500, 2, "projections.ee.structural.threshold=0.13"));
    long[] spikes = new long[1];
    long[] calls = new long[1];
    long[] changed = new long[1];
    try (PerStepSimulation sim = (PerStepSimulation) new OpenClBackend(
        NativeTestSupport.device(), false, OpenClBackend.Engine.PER_STEP).open(plan)) {
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

  /**
   * The resident engine per chunk: the spike count, the structural counts and log counts of each
   * potential projection, then only the used parts: spikes and, in a chunk with a call, the
   * changed synapses.
   */
  @Test
  void residentChunk_readsOnlyTheUsedPartOfItsRecords() {
    Plan plan = Plan.compile(TestModels.seedEi(1500, 2, "projections.ee.structural.threshold=0.13"));
    long[] spikes = new long[1];
    long[] changed = new long[1];
    ResidentBatch batch = new ResidentBatch(NativeTestSupport.device(), false, List.of(plan), null,
        false);
    try (batch) {
      long before = batch.bytesRead();
      batch.members().get(0).run(plan.steps(), new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {
          spikes[0] += count;
        }

        @Override
        public void onStructural(StructuralEvent e) {}

        @Override
        public void onRewiring(Rewiring r) {
          changed[0] += r.prunedSource().length + r.regrownSource().length;
        }
      });
      int chunks = (plan.steps() + 499) / 500;
      int potentials = plan.potentialProjections().size();
      assertTrue(changed[0] > 100, "the run rewired: " + changed[0]);
      long expected = 8 * spikes[0] + 8 * changed[0] + (long) chunks * (4 + 20 * potentials);
      assertEquals(expected, batch.bytesRead() - before);
    }
  }
}
