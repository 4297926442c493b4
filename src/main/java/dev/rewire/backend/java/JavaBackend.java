package dev.rewire.backend.java;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
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
    return new JavaSimulation(plan, profile);
  }
}
