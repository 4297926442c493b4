package dev.rewire.output;

import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.plan.Plan;
import dev.rewire.plan.PopulationPlan;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to a run and keeps what the summary reports: spike counts per population and simulated
 * second, the SHA-256 of every spike as (step, neuron) pairs in order (each a big-endian int32), and
 * one entry per structural-plasticity call.
 */
public final class RunRecorder implements SimulationListener {
  private final Plan plan;
  private final List<PopulationPlan> populations;
  private final int[] populationOf;
  private final long[][] countsPerSecond;
  private final long[] totalCounts;
  private final MessageDigest spikeDigest;
  private final ByteBuffer pending = ByteBuffer.allocate(8 * 1024);
  private final Map<String, StructuralLog> structural = new LinkedHashMap<>();
  /**
   * With checkpoints, every spike byte hashed so far, because a MessageDigest's state cannot be
   * saved: a resumed run re-hashes them. Null otherwise.
   */
  private java.io.ByteArrayOutputStream hashed;

  /** With {@link #recordAll()}: everything the HDF5 file holds. Else null. */
  private RunRecord all;

  /** Keeps every spike, rewiring and state sample from now on (see {@link #record()}). */
  public RunRecorder recordAll() {
    if (all == null) {
      all = new RunRecord();
    }
    return this;
  }

  /** What {@link #recordAll()} kept, or null. */
  public RunRecord record() {
    return all;
  }

  /**
   * What a checkpoint keeps of a recorder: counts, structural log, the spike stream hashed so far
   * and, when it records everything, its record (else null).
   */
  public record State(long[][] countsPerSecond, long[] totalCounts,
      Map<String, StructuralLog> structural, byte[] spikeBytes, RunRecord.State record) {}

  /** Structural counts of one projection, one entry per call. */
  public record StructuralLog(List<Integer> steps, List<Integer> pruned, List<Integer> regrown,
      List<Integer> active) {
    StructuralLog() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  public RunRecorder(Plan plan) {
    this.plan = plan;
    this.populations = List.copyOf(plan.populations().values());
    this.populationOf = new int[plan.neuronCount()];
    java.util.Arrays.fill(populationOf, -1);
    for (int p = 0; p < populations.size(); p++) {
      PopulationPlan pop = populations.get(p);
      java.util.Arrays.fill(populationOf, pop.start(), pop.start() + pop.size(), p);
    }
    int seconds = Math.max(1, secondOf(plan.steps() - 1) + 1);
    this.countsPerSecond = new long[populations.size()][seconds];
    this.totalCounts = new long[populations.size()];
    try {
      this.spikeDigest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
    plan.structuralProjections().forEach(p -> structural.put(p.name(), new StructuralLog()));
  }

  /** Simulated second that step n falls in (its midpoint, so float steps never land on an edge). */
  private int secondOf(int step) {
    return (int) Math.floor((step + 0.5) * plan.dtMs() / 1000.0);
  }

  @Override
  public void onSpikes(int step, int[] neurons, int count) {
    int second = secondOf(step);
    for (int k = 0; k < count; k++) {
      int n = neurons[k];
      int p = populationOf[n];
      if (p >= 0) {
        countsPerSecond[p][second]++;
        totalCounts[p]++;
      }
      if (pending.remaining() < 8) {
        flush();
      }
      pending.putInt(step).putInt(n);
      if (all != null) {
        all.addSpike(step, n);
      }
    }
  }

  @Override
  public void onStructural(StructuralEvent e) {
    StructuralLog log = structural.get(e.projection());
    log.steps().add(e.step());
    log.pruned().add(e.pruned());
    log.regrown().add(e.regrown());
    log.active().add(e.active());
  }

  @Override
  public void onState(int step, float[][] values) {
    if (all != null) {
      all.addState(step, values);
    }
  }

  @Override
  public void onRewiring(dev.rewire.backend.Rewiring r) {
    if (all != null) {
      all.addRewiring(r);
    }
  }

  private void flush() {
    spikeDigest.update(pending.array(), 0, pending.position());
    if (hashed != null) {
      hashed.write(pending.array(), 0, pending.position());
    }
    pending.clear();
  }

  /** Keeps the hashed spike bytes from now on, so that {@link #state()} can be taken. */
  public RunRecorder resumable() {
    if (hashed == null) {
      hashed = new java.io.ByteArrayOutputStream();
    }
    return this;
  }

  /** The recorder's state, for a checkpoint; needs {@link #resumable()} from the start. */
  public State state() {
    if (hashed == null) {
      throw new IllegalStateException("recorder was not made resumable");
    }
    flush();
    long[][] counts = new long[countsPerSecond.length][];
    for (int p = 0; p < counts.length; p++) {
      counts[p] = countsPerSecond[p].clone();
    }
    Map<String, StructuralLog> logs = new LinkedHashMap<>();
    structural.forEach((k, v) -> logs.put(k, new StructuralLog(new ArrayList<>(v.steps()),
        new ArrayList<>(v.pruned()), new ArrayList<>(v.regrown()), new ArrayList<>(v.active()))));
    return new State(counts, totalCounts.clone(), logs, hashed.toByteArray(),
        all == null ? null : all.state());
  }

  /**
   * Continues from a checkpoint's state: counts, structural log, the spike digest and, if this
   * recorder records everything, the record (which the checkpoint must then hold).
   */
  public void restore(State s) {
    if (all != null && s.record() == null) {
      throw new IllegalStateException("the checkpoint holds no record of the run so far");
    }
    resumable();
    for (int p = 0; p < countsPerSecond.length; p++) {
      System.arraycopy(s.countsPerSecond()[p], 0, countsPerSecond[p], 0,
          Math.min(countsPerSecond[p].length, s.countsPerSecond()[p].length));
    }
    System.arraycopy(s.totalCounts(), 0, totalCounts, 0, totalCounts.length);
    s.structural().forEach((k, v) -> {
      StructuralLog log = structural.get(k);
      log.steps().addAll(v.steps());
      log.pruned().addAll(v.pruned());
      log.regrown().addAll(v.regrown());
      log.active().addAll(v.active());
    });
    spikeDigest.update(s.spikeBytes());
    hashed.write(s.spikeBytes(), 0, s.spikeBytes().length);
    if (all != null) {
      all.restore(s.record(), s.spikeBytes());
    }
  }

  /** SHA-256 hex of all spikes so far; the digest is not reset. */
  public String spikeDigestHex() {
    flush();
    try {
      return Digests.hex(((MessageDigest) spikeDigest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
    }
  }

  public Map<String, Long> spikeCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int p = 0; p < populations.size(); p++) {
      out.put(populations.get(p).name(), totalCounts[p]);
    }
    return out;
  }

  /**
   * Mean rate of each population in each simulated second [Hz]; the last second may be partial and
   * is divided by its true length.
   */
  public Map<String, double[]> ratesPerSecond(int stepsRun) {
    Map<String, double[]> out = new LinkedHashMap<>();
    int seconds = stepsRun == 0 ? 0 : secondOf(stepsRun - 1) + 1;
    double totalS = stepsRun * plan.dtMs() / 1000.0;
    for (int p = 0; p < populations.size(); p++) {
      double[] rates = new double[seconds];
      for (int s = 0; s < seconds; s++) {
        double length = Math.min(1.0, totalS - s);
        rates[s] = countsPerSecond[p][s] / (populations.get(p).size() * length);
      }
      out.put(populations.get(p).name(), rates);
    }
    return out;
  }

  public Map<String, StructuralLog> structural() {
    return structural;
  }

  public Plan plan() {
    return plan;
  }
}
