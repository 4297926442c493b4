package dev.rewire.backend;

import dev.rewire.plan.Plan;
import java.util.Map;

/**
 * The state of one network being simulated. Not thread-safe; close it to release native resources.
 */
public interface Simulation extends AutoCloseable {
  Plan plan();

  /** The next step to be run (0 before the first). */
  int step();

  /**
   * Runs {@code steps} steps, reporting to {@code listener}; spikes are reported in step order, and
   * a structural event before the spikes of its step.
   */
  void run(int steps, SimulationListener listener);

  /**
   * Time spent per phase (Java) or kernel (OpenCL) so far, as {total nanoseconds, calls}, in order
   * of first use; empty unless the backend was created with profiling on.
   */
  default Map<String, long[]> profile() {
    return Map.of();
  }

  /**
   * From now on, reports {@code variables} (each a variable of every sampled neuron's model) of
   * {@code neurons} (global indices) at the end of every step that is a multiple of
   * {@code everySteps}, through {@link SimulationListener#onState}.
   */
  void sampleState(int[] neurons, java.util.List<String> variables, int everySteps);

  /** Everything needed to continue from {@link #step()}: a checkpoint. */
  SimulationState state();

  /** A copy of every state variable of every neuron now. */
  NeuronValues neuronValues();

  /** The active synapses of projection {@code name} now, sorted by (source, target). */
  ActiveSynapses activeSynapses(String name);

  /**
   * The projections whose plasticity rule has made a weight that is not a finite number >= 0 (the
   * numerical guard stops such a run); empty when none has.
   */
  java.util.List<String> badWeights();

  @Override
  void close();

  /**
   * {@code backend}'s description of where this simulation runs, with anything the simulation
   * chose as it ran (the Java backend's automatic threads say how many they took).
   */
  default String describe(String backend) {
    return backend;
  }
}
