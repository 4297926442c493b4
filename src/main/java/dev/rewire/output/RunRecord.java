package dev.rewire.output;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.Rewiring;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced that its HDF5 file holds: every spike as (step, global neuron), every
 * rewiring, the sampled neuron states and the weight snapshots. Kept by a {@link RunRecorder} made
 * with {@link RunRecorder#recordAll()}; carried by checkpoints so that a resumed run writes the
 * same file as one that was never interrupted.
 */
public final class RunRecord {
  /** Active synapses of one projection at one time. */
  public record Snapshot(double timeS, ActiveSynapses synapses) {}

  private int[] steps = new int[1 << 12];
  private int[] neurons = new int[1 << 12];
  private int count;
  private final List<Rewiring> rewirings = new ArrayList<>();
  private final List<Integer> stateSteps = new ArrayList<>();
  private final List<float[][]> stateValues = new ArrayList<>();
  private final Map<String, List<Snapshot>> snapshots = new LinkedHashMap<>();

  void addSpike(int step, int neuron) {
    if (count == steps.length) {
      steps = Arrays.copyOf(steps, 2 * count);
      neurons = Arrays.copyOf(neurons, 2 * count);
    }
    steps[count] = step;
    neurons[count++] = neuron;
  }

  /** Adds the spikes of a digest stream: (step, neuron) pairs of big-endian int32s. */
  void addSpikes(byte[] pairs) {
    ByteBuffer b = ByteBuffer.wrap(pairs);
    while (b.remaining() >= 8) {
      addSpike(b.getInt(), b.getInt());
    }
  }

  void addRewiring(Rewiring r) {
    rewirings.add(r);
  }

  void addState(int step, float[][] values) {
    stateSteps.add(step);
    float[][] copy = new float[values.length][];
    for (int k = 0; k < copy.length; k++) {
      copy[k] = values[k].clone();
    }
    stateValues.add(copy);
  }

  /** Adds a weight snapshot of one projection. */
  public void addSnapshot(String projection, Snapshot s) {
    snapshots.computeIfAbsent(projection, k -> new ArrayList<>()).add(s);
  }

  public int spikeCount() {
    return count;
  }

  public int step(int k) {
    return steps[k];
  }

  public int neuron(int k) {
    return neurons[k];
  }

  public List<Rewiring> rewirings() {
    return rewirings;
  }

  public List<Integer> stateSteps() {
    return stateSteps;
  }

  /** Per sample: per recorded variable, its value for each sampled neuron. */
  public List<float[][]> stateValues() {
    return stateValues;
  }

  /** Weight snapshots by projection, in the order they were taken. */
  public Map<String, List<Snapshot>> snapshots() {
    return snapshots;
  }

  /**
   * What a checkpoint keeps of a record; the spikes are not in it, since the checkpoint's spike
   * digest stream holds the same (step, neuron) pairs.
   */
  public record State(List<Rewiring> rewirings, List<Integer> stateSteps,
      List<float[][]> stateValues, Map<String, List<Snapshot>> snapshots) {}

  State state() {
    Map<String, List<Snapshot>> copy = new LinkedHashMap<>();
    snapshots.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return new State(List.copyOf(rewirings), List.copyOf(stateSteps), List.copyOf(stateValues),
        copy);
  }

  void restore(State s, byte[] spikePairs) {
    addSpikes(spikePairs);
    rewirings.addAll(s.rewirings());
    stateSteps.addAll(s.stateSteps());
    stateValues.addAll(s.stateValues());
    s.snapshots().forEach((k, v) -> snapshots.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
  }
}
