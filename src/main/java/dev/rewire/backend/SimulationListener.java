package dev.rewire.backend;

/** Receives what a simulation produces, in step order. */
public interface SimulationListener {
  /**
   * Neurons that spiked in {@code step}: global indices in {@code neurons[0..count)}, ascending. Only
   * called for steps with at least one spike. The array is reused: copy what you keep.
   */
  void onSpikes(int step, int[] neurons, int count);

  /** One structural-plasticity call of one projection. */
  void onStructural(StructuralEvent event);

  /**
   * The synapses that call changed; reported right after its {@link #onStructural}. Listeners that
   * do not keep the structural-event log ignore it.
   */
  default void onRewiring(Rewiring rewiring) {}

  /**
   * State of the neurons chosen with {@link Simulation#sampleState} at the end of {@code step}
   * (after the update, threshold and reset; input that arrived in the step is added at the start
   * of the next): {@code values[k][q]} is variable k of chosen neuron q. Reused: copy what you
   * keep.
   */
  default void onState(int step, float[][] values) {}

  /** A listener that ignores everything. */
  SimulationListener NONE = new SimulationListener() {
    @Override
    public void onSpikes(int step, int[] neurons, int count) {}

    @Override
    public void onStructural(StructuralEvent event) {}
  };
}
