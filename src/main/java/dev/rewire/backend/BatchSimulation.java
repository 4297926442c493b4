package dev.rewire.backend;

import java.util.List;

/**
 * Many networks of one shape advanced together, as an engine that runs a batch per launch does.
 * Each member is a {@link Simulation} for everything but stepping (its state, its synapses, its
 * neuron values); {@link #run} advances the members that are still running, each reporting to its
 * own listener, with results bit-identical to each member run on its own.
 */
public interface BatchSimulation extends AutoCloseable {
  List<Simulation> members();

  /**
   * Advances every member k with {@code running[k]} by {@code steps} steps (the others stay where
   * they are); member k reports to {@code listeners.get(k)}.
   */
  void run(int steps, List<SimulationListener> listeners, boolean[] running);

  @Override
  void close();
}
