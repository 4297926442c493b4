package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.InitialState;
import dev.rewire.backend.ResourceException;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Footprint;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;

/**
 * The reference backend: plain Java, a network on one thread or shared by several, with the same
 * result for any number of threads (docs/design.md, section 4).
 */
public final class JavaBackend implements Backend {
  public static final String NAME = "java";

  private final boolean profile;
  private final int threads;

  public JavaBackend() {
    this(false);
  }

  /** With {@code profile}, each phase of each step is timed (see {@link Simulation#profile()}). */
  public JavaBackend(boolean profile) {
    this(profile, 1);
  }

  /**
   * {@code threads} for each network: one network on every core when its steps cost enough to
   * gain, measured as it runs ({@link AdaptiveSimulation}).
   */
  public static final int AUTO_THREADS = 0;

  /** Each network on {@code threads} threads (at least 1), or {@link #AUTO_THREADS}. */
  public JavaBackend(boolean profile, int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be at least 1 or AUTO, got " + threads);
    }
    this.profile = profile;
    this.threads = threads;
  }

  /** A step's cost on one thread from which auto moves a network to every core, in us. */
  public static double autoThreadsFromStepMicros() {
    return AdaptiveSimulation.Rule.MEASURED.stepMicros();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Java " + Runtime.version() + ", " + (threads == AUTO_THREADS ? "threads auto (1, or "
        + cores() + " once a step costs " + (int) autoThreadsFromStepMicros() + " us or more)"
        : threads + (threads == 1 ? " thread" : " threads"));
  }

  @Override
  public Simulation open(Plan plan) {
    checkMemory(plan);
    return simulation(plan, InitialState.arrays(plan), 0);
  }

  @Override
  public Simulation restore(Plan plan, SimulationState state) {
    checkMemory(plan);
    return simulation(plan, InitialState.arrays(plan, state), state.step());
  }

  private Simulation simulation(Plan plan, java.util.Map<String, Object> arrays, int step) {
    if (threads != AUTO_THREADS) {
      return new JavaSimulation(plan, arrays, step, profile, threads);
    }
    JavaSimulation first = new JavaSimulation(plan, arrays, step, profile, 1);
    return cores() == 1 ? first
        : new AdaptiveSimulation(first, profile, cores(), AdaptiveSimulation.Rule.MEASURED);
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
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
   * Host memory of a simulation: its state ({@link dev.rewire.plan.StateLayout#bytes}; a restore
   * copies the state it is given, whose own arrays are already in use) plus what the Java backend
   * keeps or makes beside it: per potential slot the initial draw's weight and flag and the
   * below-threshold flag (6 bytes), per synapse of an active-only set a call's copies of its lists
   * and the flag (21 bytes), per static synapse target, weight and fixed-point weight, per neuron
   * the candidate flags and input lists, per Poisson source its wheel link, and the decay tables;
   * per thread beyond the first, its copy of the pending input, its candidate flags and wheels.
   */
  @Override
  public long heapBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    long perThread = plan.layout().packLength("input") * 8 + f.neurons() * 32 + f.sources() * 8;
    long sets = 0;
    for (ProjectionPlan p : plan.potentialProjections()) {
      sets += p.activeOnly() ? 21L * plan.layout().entry(p.array("row_weight")).length()
          : 6L * p.pairCount();
    }
    return plan.layout().bytes() + sets + f.staticSynapses() * 16
        + f.neurons() * 32 + f.sources() * 16 + f.traceTableEntries() * 4 + (1 << 20)
        + (Math.max(threads, threads == AUTO_THREADS ? cores() : 1) - 1) * perThread;
  }
}
