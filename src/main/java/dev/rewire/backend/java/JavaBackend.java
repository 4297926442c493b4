package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.InitialState;
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
    checkMemory(plan);
    return new JavaSimulation(plan, InitialState.arrays(plan), 0, profile);
  }

  @Override
  public Simulation restore(Plan plan, SimulationState state) {
    checkMemory(plan);
    return new JavaSimulation(plan, InitialState.arrays(plan, state), state.step(), profile);
  }

  private void checkMemory(Plan plan) {
    long need = heapBytes(plan);
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need > free) {
      throw new ResourceException("the model needs about " + Footprint.bytes(need) + " of Java heap"
          + " and " + Footprint.bytes(free) + " is free (limit " + Footprint.bytes(rt.maxMemory())
          + "); give Java more with REWIRE_JAVA_OPTS=-Xmx..., or make the model smaller");
    }
  }

  /**
   * Host memory of a simulation: its state ({@link dev.rewire.plan.StateLayout#bytes}), twice
   * while it is set up (the initial draw of the potential sets), plus what the Java backend keeps
   * beside it: per potential slot the below-threshold flag (1 byte), per static synapse target,
   * weight and fixed-point weight, per neuron the candidate flags and input lists, per Poisson
   * source its wheel link, and the decay tables.
   */
  @Override
  public long heapBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    return 2 * plan.layout().bytes() + f.potentialSlots() + f.staticSynapses() * 16
        + f.neurons() * 32 + f.sources() * 16 + f.traceTableEntries() * 4 + (1 << 20);
  }
}
