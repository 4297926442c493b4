package dev.rewire.bench;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.nio.file.Path;
import java.util.List;

/**
 * Bytes of Java heap per synapse of a network set up on the Java backend (bench/scale.sh): heap in
 * use after a GC with the simulation open and stepped once, less the heap before it was opened,
 * divided by its synapses (static and active). Arguments: model files. Prints one CSV row each:
 * model, neurons, synapses, heap bytes, bytes per synapse.
 */
public final class SynapseMemory {
  private SynapseMemory() {}

  public static void main(String[] args) {
    System.out.println("model,neurons,synapses,heap_bytes,bytes_per_synapse");
    for (String file : args) {
      Plan plan = Plan.compile(ModelFile.load(Path.of(file), List.of()));
      long before = usedAfterGc();
      try (Simulation sim = new JavaBackend(false, 1).open(plan)) {
        sim.run(1, new dev.rewire.backend.SimulationListener() {
          @Override
          public void onSpikes(int step, int[] neurons, int count) {}

          @Override
          public void onStructural(dev.rewire.backend.StructuralEvent event) {}
        });
        long heap = usedAfterGc() - before;
        long synapses = 0;
        for (ProjectionPlan p : plan.projections()) {
          synapses += sim.activeSynapses(p.name()).size();
        }
        System.out.printf("%s,%d,%d,%d,%.1f%n", plan.model().name(), plan.neuronCount(), synapses,
            heap, heap / (double) synapses);
      }
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
