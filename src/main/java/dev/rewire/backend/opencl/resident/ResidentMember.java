package dev.rewire.backend.opencl.resident;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Plan;
import java.util.Map;

/** One network of a {@link ResidentBatch}, seen as a simulation of its own. */
final class ResidentMember implements Simulation {
  private final ResidentBatch batch;
  private final int k;

  ResidentMember(ResidentBatch batch, int k) {
    this.batch = batch;
    this.k = k;
  }

  @Override
  public String describe(String backend) {
    return backend + ", resident engine";
  }

  @Override
  public Plan plan() {
    return batch.plans.get(k);
  }

  @Override
  public int step() {
    return batch.step(k);
  }

  /** Advances this network alone (the others of the batch stay where they are). */
  @Override
  public void run(int steps, SimulationListener listener) {
    batch.runOne(k, steps, listener);
  }

  @Override
  public Map<String, long[]> profile() {
    return batch.profile();
  }

  @Override
  public void sampleState(int[] neurons, java.util.List<String> variables, int everySteps) {
    batch.sampleState(neurons, variables, everySteps);
  }

  @Override
  public SimulationState state() {
    return batch.state(k);
  }

  @Override
  public NeuronValues neuronValues() {
    return batch.neuronValues(k);
  }

  @Override
  public ActiveSynapses activeSynapses(String name) {
    return batch.activeSynapses(k, name);
  }

  @Override
  public java.util.List<String> badWeights() {
    return batch.badWeights(k);
  }

  /** Closes the batch when it was made for this member alone; a batch's owner closes it else. */
  @Override
  public void close() {
    if (batch.ownedByMember()) {
      batch.close();
    }
  }
}
