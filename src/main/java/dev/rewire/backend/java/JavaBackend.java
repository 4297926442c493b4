package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.InitialState;
import dev.rewire.backend.ResourceException;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Footprint;
import dev.rewire.plan.Plan;

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

  /** Each network on {@code threads} threads (at least 1). */
  public JavaBackend(boolean profile, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.profile = profile;
    this.threads = threads;
  }

  public int threads() {
    return threads;
  }

  /** Networks of at least this many neurons share the cores by default (docs/design.md, 4). */
  public static final int THREADS_FROM_NEURONS = 10_000;

  /**
   * The threads for one network of {@code plan} on a machine with {@code cores} cores: all of them
   * for a network of {@link #THREADS_FROM_NEURONS} neurons or more, else one. A threaded step
   * costs microseconds of synchronisation, which smaller networks do not win back: measured with
   * bench/scale.sh on 2 cores, 2 threads against 1 gave COBA 4000 1.3x and COBA 16000 1.56x, but
   * seed-ei 500 0.22x and seed-ei 5000 0.67x (README, Speed).
   */
  public static int threadsFor(Plan plan, int cores) {
    return plan.neuronCount() >= THREADS_FROM_NEURONS ? Math.max(1, cores) : 1;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Java " + Runtime.version() + ", " + threads + (threads == 1 ? " thread" : " threads");
  }

  @Override
  public Simulation open(Plan plan) {
    checkMemory(plan);
    return new JavaSimulation(plan, InitialState.arrays(plan), 0, profile, threads);
  }

  @Override
  public Simulation restore(Plan plan, SimulationState state) {
    checkMemory(plan);
    return new JavaSimulation(plan, InitialState.arrays(plan, state), state.step(), profile,
        threads);
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
   * source its wheel link, and the decay tables; per thread beyond the first, its copy of the
   * pending input, its candidate flags and wheels.
   */
  @Override
  public long heapBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    long perThread = plan.layout().packLength("input") * 8 + f.neurons() * 32 + f.sources() * 8;
    return 2 * plan.layout().bytes() + f.potentialSlots() + f.staticSynapses() * 16
        + f.neurons() * 32 + f.sources() * 16 + f.traceTableEntries() * 4 + (1 << 20)
        + (threads - 1) * perThread;
  }
}
