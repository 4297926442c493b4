package dev.rewire.backend.opencl.step;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.Rewiring;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.backend.opencl.cl.ClProgram;
import dev.rewire.backend.opencl.device.DeviceParams;
import dev.rewire.backend.opencl.device.DeviceProgram;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.backend.opencl.device.DeviceState;
import dev.rewire.backend.opencl.device.SampleIndex;
import dev.rewire.backend.opencl.device.Snapshots;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-step engine: a network stepped on an OpenCL device by launches per phase and step, in
 * {@link Plan#stepOrder()}: one per neuron group, one per stepped input (which also delivers to
 * the static projections it drives), one for the static projections from the neurons, one per
 * projection with a potential set for each of its pathways, and one per structural call. Its state
 * is a {@link DeviceState} of one network, laid out as the resident engine lays out each of its.
 * The queue is in order, so no step waits for the host: the spikes and the structural-plasticity
 * counts of a chunk of steps are recorded on the device and read back once per chunk, then
 * reported in step order.
 */
public final class PerStepSimulation implements Simulation {
  /** Steps per chunk: one read-back per structural period of seed-ei. */
  private static final int CHUNK_STEPS = 500;

  private final Plan plan;
  private final ClContext ctx;
  private final StepDevice d;
  private final List<NeuronUpdateKernel> neuronUpdates = new ArrayList<>();
  private final List<PoissonInputKernel> inputs = new ArrayList<>();
  private final List<SynapsePreKernel> pre = new ArrayList<>();
  private final List<SynapsePostKernel> post = new ArrayList<>();
  private final List<StructuralPlasticityKernel> structural = new ArrayList<>();
  /** Per structural projection in model order: its device kernel or its host call. */
  private final List<Object> structuralOrder = new ArrayList<>();

  /**
   * A structural call of a chunk, in step and model order: a device call's index in the stats
   * and the position of its kernel, or a host call's event and changes.
   */
  private record Call(int step, int stats, int kernel, StructuralEvent event, Rewiring rewiring) {}
  private final InitialConnectivity.StaticRows[] staticRows;
  private final ClBuffer stats;
  /** State sampling (sampleState): the kernel, its buffers, the steps sampled in this chunk. */
  private ClKernel sampleKernel;
  private ClKernel.Arg sampleRow;
  private ClBuffer sampleBuffer;
  private int sampleCount;
  private int sampleEvery;
  private int sampleVariables;
  private final List<Integer> sampledSteps = new ArrayList<>();
  private final int chunkSteps;
  private int step;

  /** {@code arrays}: every array of the plan's layout, as at {@code step}. */
  public PerStepSimulation(Plan plan, ClDevice device, boolean profile,
      Map<String, Object> arrays, int step) {
    this.plan = plan;
    this.step = step;
    this.chunkSteps = (int) Math.max(1, Math.min(CHUNK_STEPS, (1L << 24) / plan.neuronCount()));
    ClContext c = new ClContext(device, profile);
    try {
      this.ctx = c;
      int seed = plan.seed();
      DeviceShape shape = new DeviceShape(plan);
      ClProgram program = DeviceProgram.build(ctx, shape, false);
      DeviceState state = new DeviceState(ctx, plan.layout(), 1);
      state.upload(0, arrays);
      DeviceParams params = DeviceParams.of(shape, List.of(plan));
      ClBuffer rowOffset = ctx.buffer("row_offset", params.rowOffsets());
      ClBuffer colOffset = ctx.buffer("col_offset", params.colOffsets());
      d = new StepDevice(ctx, program, shape, state, ctx.buffer("fparams", params.fparams()),
          ctx.buffer("iparams", params.iparams()), ctx.buffer("decay", params.decayTables()),
          rowOffset, colOffset, chunkSteps);
      for (GroupPlan g : plan.groups()) {
        neuronUpdates.add(new NeuronUpdateKernel(d, g, plan.dtMs(), seed));
      }
      int calls = (chunkSteps + 1) * Math.max(1, plan.structuralProjections().size());
      stats = ctx.buffer("structural_stats", 16L * calls);
      staticRows = new InitialConnectivity.StaticRows[plan.projections().size()];
      for (ProjectionPlan p : plan.projections()) {
        if (!p.hasPotentialSet()) {
          staticRows[p.index()] = InitialConnectivity.staticRows(p, seed);
        }
      }
      // Inputs first: their kernels own the lists that static projections into a ring read.
      Map<Integer, PoissonInputKernel> byInput = new HashMap<>();
      List<InputPlan> stepped = plan.steppedInputs();
      for (int q = 0; q < stepped.size(); q++) {
        InputPlan in = stepped.get(q);
        List<ProjectionPlan> from = staticFrom(in.index());
        PoissonInputKernel k = new PoissonInputKernel(d, in, q, merged(in.size(),
            from.stream().filter(p -> !ring(p)).toList()), from.stream().anyMatch(this::ring));
        byInput.put(in.index(), k);
        inputs.add(k);
      }
      List<ProjectionPlan> fromNeurons = staticFrom(-1);
      if (fromNeurons.stream().anyMatch(p -> !ring(p))) {
        pre.add(SynapsePreKernel.merged(d, merged(plan.neuronCount(),
            fromNeurons.stream().filter(p -> !ring(p)).toList())));
      }
      for (ProjectionPlan p : plan.projections()) {
        if (p.hasPotentialSet()) {
          int pp = plan.potentialProjections().indexOf(p);
          pre.add(SynapsePreKernel.potential(d, p, pp));
          if (p.plasticity() != null) {
            post.add(new SynapsePostKernel(d, pp));
          }
          if (p.activeOnly()) {
            HostRewiring h = new HostRewiring(d, p, pp, rowOffset, colOffset);
            h.publishStarts(arrays); // the pathways read an active-only set's starts there
            if (p.structural() != null) {
              structuralOrder.add(h);
            }
          } else if (p.structural() != null) {
            StructuralPlasticityKernel k = new StructuralPlasticityKernel(d, p, pp, stats,
                chunkSteps);
            structural.add(k);
            structuralOrder.add(k);
          }
        } else if (ring(p)) {
          PoissonInputKernel in = p.sourceIsInput() ? byInput.get(p.sourceInput()) : null;
          pre.add(SynapsePreKernel.ring(d, p, StaticPathway.ring(p, staticRows[p.index()]),
              in == null ? d.spikes : in.list, in == null ? d.spikeCount : in.listCount,
              in == null ? plan.neuronCount() : p.sourceSize()));
        }
      }
      ctx.finish();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Whether static projection p's receptor has a delay ring (it is not merged). */
  private boolean ring(ProjectionPlan p) {
    return plan.receptorOf(p).slots() > 1;
  }

  /** The static projections whose source is input {@code input} (-1: the neurons). */
  private List<ProjectionPlan> staticFrom(int input) {
    return plan.projections().stream()
        .filter(p -> !p.hasPotentialSet() && p.sourceInput() == input).toList();
  }

  private StaticPathway merged(int rows, List<ProjectionPlan> projections) {
    return StaticPathway.merge(d.shape, rows, projections,
        projections.stream().map(p -> staticRows[p.index()]).toList());
  }

  @Override
  public Plan plan() {
    return plan;
  }

  @Override
  public int step() {
    return step;
  }

  @Override
  public void run(int steps, SimulationListener listener) {
    int left = steps;
    while (left > 0) {
      int n = Math.min(left, chunkSteps);
      runChunk(n, listener);
      left -= n;
    }
  }

  private void runChunk(int steps, SimulationListener listener) {
    int calls = 0;
    List<Call> callOrder = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      int n = step + k;
      for (Phase phase : plan.stepOrder()) {
        switch (phase) {
          case STRUCTURAL_PLASTICITY -> {
            for (Object o : structuralOrder) {
              if (o instanceof StructuralPlasticityKernel kernel && kernel.dueAt(n)) {
                kernel.enqueue(n, calls);
                callOrder.add(new Call(n, calls++, structural.indexOf(kernel), null, null));
              } else if (o instanceof HostRewiring h && h.dueAt(n)) {
                HostRewiring.Done done = h.call(n, plan.seed());
                callOrder.add(new Call(n, -1, -1, done.event(), done.rewiring()));
              }
            }
          }
          case NEURON_UPDATE -> {
            for (NeuronUpdateKernel u : neuronUpdates) {
              u.enqueue(n);
            }
          }
          case POISSON_INPUT -> {
            for (PoissonInputKernel in : inputs) {
              in.enqueue(n);
            }
          }
          case SYNAPSE_PRE -> {
            for (SynapsePreKernel p : pre) {
              p.enqueue(n);
            }
          }
          case SYNAPSE_POST -> {
            for (SynapsePostKernel p : post) {
              p.enqueue(n);
            }
            if (sampleKernel != null && n % sampleEvery == 0) {
              sampleRow.set(sampledSteps.size());
              sampleKernel.launch(sampleCount, 0);
              sampledSteps.add(n);
            }
          }
          default -> throw new IllegalStateException("unknown phase " + phase);
        }
      }
    }
    deliver(steps, calls, callOrder, listener);
    sampledSteps.clear();
    if (ctx.profile() != null) {
      ctx.profile().collect();
    }
    step += steps;
  }

  /** Device time per kernel so far ({total ns, launches}); empty unless profiling was asked for. */
  @Override
  public Map<String, long[]> profile() {
    return ctx.profile() == null ? Map.of() : ctx.profile().totals();
  }

  /** Reads the chunk's records and reports them in step order, structural events first. */
  private void deliver(int steps, int calls, List<Call> callOrder, SimulationListener listener) {
    int[] count = new int[1];
    d.recordCount.read(count);
    if (count[0] > d.recordCapacity) {
      throw new IllegalStateException("spike record overflow: " + count[0] + " spikes in "
          + steps + " steps, room for " + d.recordCapacity);
    }
    int[] pairs = new int[2 * count[0]]; // only what was written
    d.record.read(pairs);
    d.recordCount.zeroFirstInt();
    long[] keys = new long[count[0]];
    for (int r = 0; r < count[0]; r++) {
      keys[r] = (long) pairs[2 * r] << 32 | pairs[2 * r + 1];
    }
    Arrays.sort(keys);
    int[] st = new int[4 * calls];
    stats.read(st);
    List<int[]> logSlots = new ArrayList<>();
    List<float[]> logWeights = new ArrayList<>();
    for (StructuralPlasticityKernel k : structural) {
      int[] used = new int[1];
      k.logCount.read(used);
      if (used[0] > k.logCapacity) {
        throw new IllegalStateException("structural-event log of " + k.plan.name()
            + " overflowed its " + k.logCapacity + " entries");
      }
      int[] slots = new int[used[0]];
      float[] weights = new float[used[0]];
      k.logSlot.read(slots);
      k.logWeight.read(weights);
      k.logCount.zeroFirstInt();
      logSlots.add(slots);
      logWeights.add(weights);
    }
    float[] samples = new float[sampleCount * sampledSteps.size()];
    if (samples.length > 0) {
      sampleBuffer.read(samples);
    }
    float[][] values = new float[sampleVariables][sampleVariables == 0 ? 0
        : sampleCount / sampleVariables];
    int sampleRowAt = 0;
    int[] logAt = new int[structural.size()];
    int[] buffer = new int[plan.neuronCount()];
    int r = 0;
    int c = 0;
    for (int n = step; n < step + steps; n++) {
      while (c < callOrder.size() && callOrder.get(c).step() == n) {
        Call call = callOrder.get(c);
        if (call.event() != null) {
          listener.onStructural(call.event());
          listener.onRewiring(call.rewiring());
          c++;
          continue;
        }
        int i = call.stats();
        int q = call.kernel();
        StructuralPlasticityKernel k = structural.get(q);
        int np = st[4 * i + 1];
        int nc = st[4 * i + 2];
        listener.onStructural(new StructuralEvent(n, k.plan.name(), np, nc, st[4 * i + 3]));
        int at = logAt[q];
        listener.onRewiring(k.geometry.rewiring(n,
            Arrays.copyOfRange(logSlots.get(q), at, at + np),
            Arrays.copyOfRange(logWeights.get(q), at, at + np),
            Arrays.copyOfRange(logSlots.get(q), at + np, at + np + nc),
            Arrays.copyOfRange(logWeights.get(q), at + np, at + np + nc)));
        logAt[q] = at + np + nc;
        c++;
      }
      int m = 0;
      while (r < keys.length && (int) (keys[r] >>> 32) == n) {
        buffer[m++] = (int) keys[r];
        r++;
      }
      if (m > 0) {
        listener.onSpikes(n, buffer, m);
      }
      if (sampleRowAt < sampledSteps.size() && sampledSteps.get(sampleRowAt) == n) {
        int per = values.length == 0 ? 0 : values[0].length;
        for (int v = 0; v < values.length; v++) {
          System.arraycopy(samples, sampleCount * sampleRowAt + v * per, values[v], 0, per);
        }
        listener.onState(n, values);
        sampleRowAt++;
      }
    }
  }

  @Override
  public void sampleState(int[] neuronIndices, List<String> variables, int everySteps) {
    if (neuronIndices.length == 0) {
      sampleKernel = null;
      return;
    }
    int[] index = SampleIndex.of(plan, d.shape, neuronIndices, variables);
    sampleCount = index.length;
    sampleVariables = variables.size();
    sampleEvery = everySteps;
    int rows = chunkSteps / everySteps + 1;
    sampleBuffer = ctx.buffer("state_samples", 4L * sampleCount * rows);
    sampleKernel = d.kernel(DeviceProgram.NEURON_UPDATE_SAMPLE);
    sampleKernel.arg("sample_index", ctx.buffer("sample_index", index))
        .arg("count", sampleCount).arg("samples", sampleBuffer);
    sampleRow = sampleKernel.arg("row");
  }

  @Override
  public String describe(String backend) {
    return backend + ", per-step engine";
  }

  @Override
  public SimulationState state() {
    return d.state.state(0, step);
  }

  @Override
  public NeuronValues neuronValues() {
    return d.state.variables()[0];
  }

  @Override
  public List<String> badWeights() {
    List<String> bad = new ArrayList<>();
    int[] flags = new int[Math.max(1, d.shape.potentials.size())];
    d.bad.read(flags);
    for (int pp = 0; pp < d.shape.potentials.size(); pp++) {
      if (flags[pp] != 0) {
        bad.add(d.shape.potentials.get(pp).name());
      }
    }
    return bad;
  }

  @Override
  public ActiveSynapses activeSynapses(String name) {
    ProjectionPlan p = plan.projection(name);
    if (p.hasPotentialSet()) {
      return Snapshots.potential(d.state, 0, p);
    }
    return Snapshots.statics(p, staticRows[p.index()]);
  }

  /** Bytes read back from the device so far. */
  public long bytesRead() {
    return ctx.bytesRead();
  }

  @Override
  public void close() {
    ctx.close();
  }
}
