package dev.rewire.backend;

import dev.rewire.plan.Plan;

/** A way to execute plans: the Java reference, or an OpenCL device. */
public interface Backend {
  /** Short name used on the command line and in summaries ("java"). */
  String name();

  /** A one-line description of where it runs (device, threads), for reports. */
  String description();

  /** Allocates and initialises the state of {@code plan} at step 0. */
  Simulation open(Plan plan);

  /**
   * Opens {@code plan} and continues from {@code state} (a checkpoint, from this or another
   * backend: they share the state layout, and their results are bit-identical).
   */
  Simulation restore(Plan plan, SimulationState state);

  /**
   * Java heap that a simulation of {@code plan} holds while it runs (for admitting runs of a sweep
   * side by side), in bytes; a device's own memory is the backend's to check when it opens one.
   */
  long heapBytes(Plan plan);
}
