package dev.rewire.backend.opencl.resident;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.BatchSimulation;
import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.InitialState;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.SlotGeometry;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.backend.opencl.device.DeviceState;
import dev.rewire.backend.opencl.device.SampleIndex;
import dev.rewire.backend.opencl.device.Snapshots;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Host side of the resident engine (kernels/resident.cl): a batch of networks of one
 * {@link DeviceShape} on one device, each in a work-group that runs every phase of many steps per
 * launch. The networks' state is a {@link DeviceState} (network k's slice of each pack at k times
 * the pack's length). A chunk of steps (at most one structural period, so at most one call per
 * rewired projection) is one launch, or two when a structural call falls inside it: the host
 * starts a launch at every structural step. After each chunk the host reads back what each
 * running network wrote (spikes, structural counts, the changed synapses; only the used parts)
 * and reports it, per network in step order, to that network's listener.
 */
public final class ResidentBatch implements BatchSimulation {
  /** Steps per chunk at most: one read-back per 50 ms of seed-ei, as the per-step engine. */
  static final int CHUNK_STEPS = 500;

  final DeviceShape shape;
  final List<Plan> plans;
  final int size;
  private final ClContext ctx;
  private final ResidentKernel kernel;
  private final ResidentBuffers buf;
  private final int[] steps;
  private final InitialConnectivity.StaticRows[][] staticRows;
  private final List<Simulation> members = new ArrayList<>();
  private final int chunkSteps;
  private final boolean ownedByMember;
  /** Every network's state variables after the last chunk (read on demand), else null. */
  private NeuronValues[] neuronCache;
  /** The bad-weight flags of every network after the last chunk (read on demand), else null. */
  private int[] badCache;
  private int[] sampleNeurons;
  private List<String> sampleVariables;
  private int sampleCount;
  private int sampleEvery;

  /**
   * {@code states.get(k)} null: network k starts at step 0. {@code ownedByMember}: a batch of one
   * made for {@code OpenClBackend.open}, closed with its member.
   */
  public ResidentBatch(ClDevice device, boolean profile, List<Plan> plans,
      List<SimulationState> states, boolean ownedByMember) {
    this.plans = List.copyOf(plans);
    this.size = plans.size();
    this.ownedByMember = ownedByMember;
    this.shape = new DeviceShape(plans.get(0));
    for (Plan p : plans) {
      if (!new DeviceShape(p).header.equals(shape.header) || p.steps() != plans.get(0).steps()
          || p.dtMs() != plans.get(0).dtMs()) {
        throw new IllegalArgumentException("the networks of a batch must share a shape, steps "
            + "and dt: " + p.name() + " differs from " + plans.get(0).name());
      }
    }
    if (!device.roundedDivideSqrt() && dividesOrRoots(plans.get(0))) {
      throw new IllegalArgumentException(noRoundedDivide(device));
    }
    int period = plans.get(0).structuralProjections().stream()
        .mapToInt(p -> p.structural().periodSteps()).reduce(CHUNK_STEPS, Math::min);
    this.chunkSteps = period;
    this.steps = new int[size];
    this.staticRows = new InitialConnectivity.StaticRows[size][];
    ClContext c = new ClContext(device, profile);
    try {
      this.ctx = c;
      kernel = new ResidentKernel(ctx, shape);
      // Each network's initial state: Philox draws per potential and static pair, the networks on
      // every core (for a batch of seed-ei, most of the set-up).
      List<Map<String, Object>> arrays = java.util.stream.IntStream.range(0, size).parallel()
          .mapToObj(k -> initial(k, plans.get(k), states == null ? null : states.get(k)))
          .toList();
      DeviceState state = new DeviceState(ctx, shape.layout, size);
      int most = 1;
      for (int k = 0; k < size; k++) {
        steps[k] = states == null || states.get(k) == null ? 0 : states.get(k).step();
        state.upload(k, arrays.get(k));
        for (ProjectionPlan p : shape.potentials) {
          most = Math.max(most, ((int[]) arrays.get(k).get(p.array("active_count")))[0]);
        }
      }
      buf = new ResidentBuffers(ctx, shape, state, plans, staticRows, most, chunkSteps,
          kernel.workGroup);
      // A launch that runs nothing (no network is running yet): the device compiles the kernel
      // for its work-group size now, during set-up, instead of in the first chunk.
      kernel.launch(buf, size, 0, 0, 0, 0, 0, 0);
      ctx.finish();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    for (int k = 0; k < size; k++) {
      members.add(new ResidentMember(this, k));
    }
  }

  /** Network k's arrays at its start (restored from its state, if any); fills its static rows. */
  private Map<String, Object> initial(int k, Plan p, SimulationState s) {
    staticRows[k] = new InitialConnectivity.StaticRows[p.projections().size()];
    for (ProjectionPlan pr : p.projections()) {
      if (!pr.hasPotentialSet()) {
        staticRows[k][pr.index()] = InitialConnectivity.staticRows(pr, p.seed());
      }
    }
    return s == null ? InitialState.arrays(p) : InitialState.arrays(p, s);
  }

  /** Whether a plan's code divides or takes a square root (rules, neuron models). */
  public static boolean dividesOrRoots(Plan plan) {
    return plan.projections().stream().anyMatch(p -> p.plasticity() != null
        && p.plasticity().dividesOrRoots())
        || plan.groups().stream().anyMatch(g -> g.code().dividesOrRoots());
  }

  /** Why {@code device} cannot run a plan whose code divides or takes a square root. */
  public static String noRoundedDivide(ClDevice device) {
    return "a plasticity rule or neuron model divides or takes a square root (or draws noise), "
        + "and device " + device.name() + " cannot round single-precision division and sqrt "
        + "correctly, which bit-identical results need; use another device or the Java backend";
  }

  @Override
  public List<Simulation> members() {
    return members;
  }

  int step(int k) {
    return steps[k];
  }

  /** The member's own run: advances it alone (the batch of one of a plain OpenCL run). */
  void runOne(int k, int n, SimulationListener listener) {
    boolean[] running = new boolean[size];
    running[k] = true;
    List<SimulationListener> listeners = new ArrayList<>();
    for (int q = 0; q < size; q++) {
      listeners.add(q == k ? listener : SimulationListener.NONE);
    }
    run(n, listeners, running);
  }

  @Override
  public void run(int n, List<SimulationListener> listeners, boolean[] running) {
    int first = -1;
    for (int k = 0; k < size; k++) {
      if (running[k]) {
        if (first >= 0 && steps[k] != steps[first]) {
          throw new IllegalArgumentException("running members of a batch advance together; "
              + "member " + k + " is at step " + steps[k] + ", member " + first + " at "
              + steps[first]);
        }
        first = first < 0 ? k : first;
      }
    }
    if (first < 0) {
      return;
    }
    buf.running(running);
    int left = n;
    while (left > 0) {
      int at = steps[first];
      int chunk = Math.min(left, chunkSteps - at % chunkSteps);
      runChunk(at, chunk, listeners, running);
      for (int k = 0; k < size; k++) {
        if (running[k]) {
          steps[k] += chunk;
        }
      }
      left -= chunk;
    }
    neuronCache = null;
    badCache = null;
  }

  /**
   * One chunk from step {@code at}: launches split at the structural steps inside it (the chunk
   * holds at most one per projection), then the read-back and the reports.
   */
  private void runChunk(int at, int chunk, List<SimulationListener> listeners, boolean[] running) {
    Plan plan = plans.get(0);
    int end = at + chunk;
    List<Integer> starts = new ArrayList<>();
    starts.add(at);
    for (ProjectionPlan p : plan.structuralProjections()) {
      int period = p.structural().periodSteps();
      int s = (at + period - 1) / period * period;
      if (s > at && s < end && !starts.contains(s)) {
        starts.add(s);
      }
    }
    starts.sort(Integer::compare);
    buf.startChunk();
    int sampled = 0;
    for (int q = 0; q < starts.size(); q++) {
      int from = starts.get(q);
      int to = q + 1 < starts.size() ? starts.get(q + 1) : end;
      int due = 0;
      for (int pp = 0; pp < shape.potentials.size(); pp++) {
        ProjectionPlan p = shape.potentials.get(pp);
        if (p.structural() != null && p.structural().dueAt(from)) {
          due |= 1 << pp;
        }
      }
      kernel.launch(buf, size, from, to - from, due, sampleEvery, sampleCount, sampled);
      sampled += sampledIn(from, to);
    }
    deliver(at, chunk, listeners, running);
  }

  private int sampledIn(int from, int to) {
    if (sampleEvery <= 0) {
      return 0;
    }
    int first = (from + sampleEvery - 1) / sampleEvery * sampleEvery;
    return first >= to ? 0 : (to - 1 - first) / sampleEvery + 1;
  }

  /**
   * Reads the chunk's records of every network (counts first, then the used parts, packed on the
   * device for one read each) and reports each running network's in step order.
   */
  private void deliver(int at, int chunk, List<SimulationListener> listeners, boolean[] running) {
    int[] counts = buf.recordCounts();
    int[] stats = buf.stats();
    int[] logCounts = buf.logCounts();
    int npp = shape.potentials.size();
    for (int k = 0; k < size; k++) {
      if (counts[k] > buf.recordCapacity) {
        throw new IllegalStateException("spike record overflow in network " + k + ": "
            + counts[k] + " spikes in " + chunk + " steps, room for " + buf.recordCapacity);
      }
      for (int pp = 0; pp < npp; pp++) {
        if (logCounts[k * npp + pp] > buf.logCapacity) {
          throw new IllegalStateException("structural-event log of "
              + shape.potentials.get(pp).name() + " overflowed its " + buf.logCapacity
              + " entries in network " + k);
        }
      }
    }
    int[] recordOffsets = new int[size];
    int records = prefix(counts, recordOffsets);
    int[] pairsAll = buf.records(kernel, counts, recordOffsets, records);
    int[] logOffsets = new int[logCounts.length];
    int logged = prefix(logCounts, logOffsets);
    int[] slotsAll = new int[logged];
    float[] weightsAll = new float[logged];
    buf.logs(kernel, logOffsets, logged, slotsAll, weightsAll);
    for (int k = 0; k < size; k++) {
      if (!running[k]) {
        continue;
      }
      int from = 2 * recordOffsets[k];
      long[] keys = new long[counts[k]];
      for (int r = 0; r < keys.length; r++) {
        keys[r] = (long) pairsAll[from + 2 * r] << 32 | pairsAll[from + 2 * r + 1];
      }
      Arrays.sort(keys);
      SimulationListener listener = listeners.get(k);
      int[] callStep = new int[npp];
      int[][] logSlots = new int[npp][];
      float[][] logWeights = new float[npp][];
      for (int pp = 0; pp < npp; pp++) {
        callStep[pp] = -1;
        ProjectionPlan p = shape.potentials.get(pp);
        if (p.structural() == null) {
          continue;
        }
        int period = p.structural().periodSteps();
        int s = (at + period - 1) / period * period;
        if (s < at + chunk) {
          callStep[pp] = s;
          int o = logOffsets[k * npp + pp];
          int used = logCounts[k * npp + pp];
          logSlots[pp] = Arrays.copyOfRange(slotsAll, o, o + used);
          logWeights[pp] = Arrays.copyOfRange(weightsAll, o, o + used);
        }
      }
      float[] samples = sampleEvery > 0 ? buf.samples(k, sampledIn(at, at + chunk), sampleCount)
          : null;
      int per = sampleNeurons == null ? 0 : sampleNeurons.length;
      float[][] values = new float[sampleVariables == null ? 0 : sampleVariables.size()][per];
      int sampleRow = 0;
      int[] buffer = new int[shape.neurons];
      int r = 0;
      for (int n = at; n < at + chunk; n++) {
        for (int pp = 0; pp < npp; pp++) {
          if (callStep[pp] != n) {
            continue;
          }
          ProjectionPlan p = shape.potentials.get(pp);
          int b = (k * npp + pp) * 4;
          int np = stats[b + 1];
          int nc = stats[b + 2];
          listener.onStructural(new StructuralEvent(n, p.name(), np, nc, stats[b + 3]));
          listener.onRewiring(new SlotGeometry(p).rewiring(n,
              Arrays.copyOfRange(logSlots[pp], 0, np), Arrays.copyOfRange(logWeights[pp], 0, np),
              Arrays.copyOfRange(logSlots[pp], np, np + nc),
              Arrays.copyOfRange(logWeights[pp], np, np + nc)));
        }
        int m = 0;
        while (r < keys.length && (int) (keys[r] >>> 32) == n) {
          buffer[m++] = (int) keys[r];
          r++;
        }
        if (m > 0) {
          listener.onSpikes(n, buffer, m);
        }
        if (sampleEvery > 0 && n % sampleEvery == 0) {
          int base = sampleCount * sampleRow++;
          for (int v = 0; v < values.length; v++) {
            System.arraycopy(samples, base + v * per, values[v], 0, per);
          }
          listener.onState(n, values);
        }
      }
    }
    if (ctx.profile() != null) {
      ctx.profile().collect();
    }
  }

  /** Exclusive prefix sum of counts into offsets; the total. */
  private static int prefix(int[] counts, int[] offsets) {
    long total = 0;
    for (int q = 0; q < counts.length; q++) {
      offsets[q] = (int) total;
      total += counts[q];
    }
    if (total > Integer.MAX_VALUE / 2) {
      throw new IllegalStateException("a chunk's records of the batch exceed " + Integer.MAX_VALUE
          / 2 + " entries; make the batch smaller");
    }
    return (int) total;
  }

  /** State sampling for every member (one list for the batch: the members share a plan shape). */
  void sampleState(int[] neurons, List<String> variables, int every) {
    if (sampleNeurons != null && (!Arrays.equals(sampleNeurons, neurons)
        || !sampleVariables.equals(variables) || sampleEvery != every)) {
      throw new IllegalStateException("the members of a batch sample the same neurons");
    }
    if (neurons.length == 0) {
      return;
    }
    sampleNeurons = neurons.clone();
    sampleVariables = List.copyOf(variables);
    sampleEvery = every;
    int[] index = SampleIndex.of(plans.get(0), shape, neurons, variables);
    sampleCount = index.length;
    buf.sampling(index, chunkSteps / every + 1);
  }

  NeuronValues neuronValues(int k) {
    if (neuronCache == null) {
      neuronCache = buf.state.variables();
    }
    return neuronCache[k];
  }

  /** The projections of network k whose rule made a weight not a finite number >= 0. */
  List<String> badWeights(int k) {
    int npp = shape.potentials.size();
    if (badCache == null) {
      badCache = new int[size * Math.max(1, npp)];
      buf.bad.read(badCache);
    }
    List<String> bad = new ArrayList<>();
    for (int pp = 0; pp < npp; pp++) {
      if (badCache[k * npp + pp] != 0) {
        bad.add(shape.potentials.get(pp).name());
      }
    }
    return bad;
  }

  SimulationState state(int k) {
    return buf.state.state(k, steps[k]);
  }

  ActiveSynapses activeSynapses(int k, String name) {
    ProjectionPlan p = plans.get(k).projection(name);
    return p.hasPotentialSet() ? Snapshots.potential(buf.state, k, p)
        : Snapshots.statics(p, staticRows[k][p.index()]);
  }

  java.util.Map<String, long[]> profile() {
    return ctx.profile() == null ? java.util.Map.of() : ctx.profile().totals();
  }

  /** Bytes read back from the device so far. */
  public long bytesRead() {
    return ctx.bytesRead();
  }

  boolean ownedByMember() {
    return ownedByMember;
  }

  @Override
  public void close() {
    ctx.close();
  }
}
