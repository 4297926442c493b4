package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.ResourceException;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Footprint;
import dev.rewire.plan.Plan;

/** The reference backend: plain Java on one thread. */
public final class JavaBackend implements Backend {
  public static final String NAME = "java";

  private final boolean profile;

  public JavaBackend() {
    this(false);
  }

  /** With {@code profile}, each phase of each step is timed (see {@link Simulation#profile()}). */
  public JavaBackend(boolean profile) {
    this.profile = profile;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Java " + Runtime.version() + ", 1 thread";
  }

  @Override
  public Simulation open(Plan plan) {
    long need = estimateBytes(plan);
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need > free) {
      throw new ResourceException("the model needs about " + Footprint.bytes(need) + " of Java heap"
          + " and " + Footprint.bytes(free) + " is free (limit " + Footprint.bytes(rt.maxMemory())
          + "); give Java more with REWIRE_JAVA_OPTS=-Xmx..., or make the model smaller");
    }
    return new JavaSimulation(plan, profile);
  }

  @Override
  public Simulation restore(Plan plan, SimulationState state) {
    JavaSimulation sim = (JavaSimulation) open(plan);
    sim.restore(state);
    return sim;
  }

  /**
   * Host memory of a simulation, from the layout: per potential slot the flags, positions and the
   * row and column lists (PotentialSet, 33 bytes) plus the below-threshold flag and the initial
   * draw (6 bytes); per static synapse target, weight and fixed-point weight; per neuron its state
   * and input lists; per Poisson source its next spike and wheel link.
   */
  public static long estimateBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    return f.potentialSlots() * 39 + f.staticSynapses() * 16 + f.neurons() * 72
        + f.sources() * 16 + f.traceTableEntries() * 4 + (1 << 20);
  }
}
