package dev.rewire.output;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.HashMap;
import java.util.Map;

/**
 * A long run with every structural-plasticity call checked: active counts conserved, and the
 * active synapses of every rewired projection in range, without duplicates or excluded pairs; heap
 * use sampled after a GC once per simulated second. Used by {@code SoakTest} (CI length) and
 * {@code bench/soak.sh} (1000 s).
 */
public final class SoakCheck implements SimulationListener {
  private final Plan plan;
  private final Map<String, Integer> active = new HashMap<>();
  private int calls;
  private String failure;

  public SoakCheck(Plan plan) {
    this.plan = plan;
  }

  /** Heap used after a GC at the start and at the end, in bytes, and the number of calls checked. */
  public record Result(long heapStart, long heapEnd, long heapMax, int calls) {}

  /** Runs {@code seconds} simulated seconds; throws IllegalStateException on the first violation. */
  public Result run(Simulation sim, int seconds) {
    int perSecond = (int) Math.round(1000.0 / plan.dtMs());
    long start = usedHeap();
    long max = start;
    for (int s = 0; s < seconds; s++) {
      sim.run(perSecond, this);
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      checkSynapses(sim);
      max = Math.max(max, usedHeap());
    }
    return new Result(start, usedHeap(), max, calls);
  }

  @Override
  public void onSpikes(int step, int[] neurons, int count) {}

  @Override
  public void onStructural(StructuralEvent e) {
    calls++;
    Integer before = active.put(e.projection(), e.active());
    if (failure == null && before != null && before != e.active()) {
      failure = e.projection() + ": active count went from " + before + " to " + e.active()
          + " at step " + e.step();
    }
    if (failure == null && e.pruned() != e.regrown()) {
      failure = e.projection() + ": pruned " + e.pruned() + " but regrew " + e.regrown()
          + " at step " + e.step();
    }
  }

  private void checkSynapses(Simulation sim) {
    for (ProjectionPlan p : plan.structuralProjections()) {
      ActiveSynapses a = sim.activeSynapses(p.name());
      long previous = -1;
      for (int k = 0; k < a.size(); k++) {
        int i = a.source()[k];
        int j = a.target()[k];
        if (i < 0 || i >= p.sourceSize() || j < 0 || j >= p.targetSize()) {
          throw new IllegalStateException(p.name() + ": synapse (" + i + ", " + j + ") out of range");
        }
        if (p.excludeSameIndex() && i == j) {
          throw new IllegalStateException(p.name() + ": excluded pair (" + i + ", " + i + ")");
        }
        long key = (long) i << 32 | j;
        if (key <= previous) {
          throw new IllegalStateException(p.name() + ": duplicate or unsorted synapse at " + k);
        }
        previous = key;
      }
      if (active.containsKey(p.name()) && a.size() != active.get(p.name())) {
        throw new IllegalStateException(p.name() + ": " + a.size() + " active synapses, the last "
            + "call reported " + active.get(p.name()));
      }
    }
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
