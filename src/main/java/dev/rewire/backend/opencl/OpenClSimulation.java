package dev.rewire.backend.opencl;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The per-step engine: a network stepped on an OpenCL device by launches per phase and step, in
 * {@link Plan#stepOrder()}: one per neuron group, one per input (which also delivers to the static
 * projections it drives), one for the static projections from the neurons, one per projection with
 * a potential set for each of its pathways, and one per structural call. The queue is in order, so
 * no step waits for the host: the spikes and the structural-plasticity counts of a chunk of steps
 * are recorded on the device and read back once per chunk, then reported in step order.
 */
final class OpenClSimulation implements Simulation {
  /** Steps per chunk: one read-back per structural period of seed-ei. */
  private static final int CHUNK_STEPS = 500;

  private final Plan plan;
  private final ClContext ctx;
  private final DeviceNeurons neurons;
  private final List<NeuronUpdateKernel> neuronUpdates = new ArrayList<>();
  private final List<PoissonInputKernel> inputs = new ArrayList<>();
  private final List<SynapsePreKernel> pre = new ArrayList<>();
  private final List<SynapsePostKernel> post = new ArrayList<>();
  private final List<StructuralPlasticityKernel> structural = new ArrayList<>();
  private final DevicePotentialSet[] potential;
  private final InitialConnectivity.StaticRows[] staticRows;
  private final ClBuffer stats;
  private final PoissonInputKernel[] inputByIndex;
  private final ClProgram program;
  /** State sampling (sampleState): the kernel, its buffers, the steps sampled in this chunk. */
  private ClKernel sampleKernel;
  private ClBuffer sampleBuffer;
  private int sampleCount;
  private int sampleEvery;
  private final List<Integer> sampledSteps = new ArrayList<>();
  private final int chunkSteps;
  private int step;

  OpenClSimulation(Plan plan, ClDevice device, boolean profile) {
    this.plan = plan;
    this.chunkSteps = (int) Math.max(1, Math.min(CHUNK_STEPS, (1L << 24) / plan.neuronCount()));
    ClContext c = new ClContext(device, profile);
    try {
      this.ctx = c;
      int seed = plan.seed();
      if (!device.roundedDivideSqrt() && plan.projections().stream().anyMatch(
          p -> p.plasticity() != null && p.plasticity().dividesOrRoots())) {
        throw new IllegalArgumentException(OpenClBackend.noRoundedDivide(device));
      }
      program = Kernels.build(ctx, plan);
      neurons = new DeviceNeurons(ctx, plan, chunkSteps);
      for (GroupPlan g : plan.groups()) {
        neuronUpdates.add(new NeuronUpdateKernel(ctx, program, neurons, g));
      }
      int calls = (chunkSteps + 1) * Math.max(1, plan.structuralProjections().size());
      stats = ctx.buffer("structural_stats", 16L * calls);
      potential = new DevicePotentialSet[plan.projections().size()];
      staticRows = new InitialConnectivity.StaticRows[plan.projections().size()];
      for (ProjectionPlan p : plan.projections()) {
        if (p.hasPotentialSet()) {
          int pp = plan.potentialProjections().indexOf(p);
          DevicePotentialSet d = new DevicePotentialSet(ctx, p, seed);
          potential[p.index()] = d;
          pre.add(new SynapsePreKernel(ctx, program, d, pp, neurons.spikes, neurons.spikeCount,
              plan.neuronCount(), neurons.input, p.targetStart()
                  + DeviceNeurons.inputOffset(p.receptor(), neurons.gabaOffset)));
          if (p.plasticity() != null) {
            post.add(new SynapsePostKernel(ctx, program, d, pp, neurons.spikes,
                neurons.spikeCount, plan.neuronCount()));
          }
          if (p.structural() != null) {
            structural.add(new StructuralPlasticityKernel(ctx, program, d, pp, seed, stats,
                chunkSteps));
          }
        } else {
          staticRows[p.index()] = InitialConnectivity.staticRows(p, seed);
        }
      }
      // Static projections: those from the neurons in one launch, those from an input delivered
      // by the input's own launch.
      List<ProjectionPlan> fromNeurons = staticFrom(-1);
      if (!fromNeurons.isEmpty()) {
        pre.add(new SynapsePreKernel(ctx, program, pathway(plan.neuronCount(), fromNeurons),
            neurons.spikes, neurons.spikeCount, plan.neuronCount(), neurons.input));
      }
      inputByIndex = new PoissonInputKernel[plan.inputs().size()];
      for (InputPlan in : plan.inputs()) {
        if (plan.drivesAProjection(in)) {
          inputByIndex[in.index()] = new PoissonInputKernel(ctx, program, in, seed,
              pathway(in.size(), staticFrom(in.index())), neurons.input);
          inputs.add(inputByIndex[in.index()]);
        }
      }
      ctx.finish();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The static projections whose source is input {@code input} (-1: the neurons). */
  private List<ProjectionPlan> staticFrom(int input) {
    return plan.projections().stream()
        .filter(p -> !p.hasPotentialSet() && p.sourceInput() == input).toList();
  }

  private StaticPathway pathway(int rows, List<ProjectionPlan> projections) {
    return StaticPathway.merge(rows, projections,
        projections.stream().map(p -> staticRows[p.index()]).toList(), neurons.gabaOffset);
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
    List<int[]> callOrder = new ArrayList<>(); // (index in stats, projection position)
    for (int k = 0; k < steps; k++) {
      int n = step + k;
      for (Phase phase : plan.stepOrder()) {
        switch (phase) {
          case STRUCTURAL_PLASTICITY -> {
            for (int q = 0; q < structural.size(); q++) {
              if (structural.get(q).dueAt(n)) {
                structural.get(q).enqueue(n, calls);
                callOrder.add(new int[] {calls++, q});
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
              sampleKernel.arg(6, sampledSteps.size()).launch(sampleCount, 0);
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
  private void deliver(int steps, int calls, List<int[]> callOrder, SimulationListener listener) {
    int[] count = new int[1];
    neurons.recordCount.read(count);
    if (count[0] > neurons.recordCapacity) {
      throw new IllegalStateException("spike record overflow: " + count[0] + " spikes in "
          + steps + " steps, room for " + neurons.recordCapacity);
    }
    int[] pairs = new int[2 * count[0]]; // only what was written
    neurons.record.read(pairs);
    neurons.recordCount.zeroFirstInt();
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
    float[] samples = new float[3 * sampleCount * sampledSteps.size()];
    if (samples.length > 0) {
      sampleBuffer.read(samples);
    }
    float[] sv = new float[sampleCount];
    float[] sga = new float[sampleCount];
    float[] sgg = new float[sampleCount];
    int sampleRow = 0;
    int[] logAt = new int[structural.size()];
    int[] buffer = new int[plan.neuronCount()];
    int r = 0;
    int c = 0;
    for (int n = step; n < step + steps; n++) {
      while (c < calls && st[4 * callOrder.get(c)[0]] == n) {
        int i = callOrder.get(c)[0];
        int q = callOrder.get(c)[1];
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
      if (sampleRow < sampledSteps.size() && sampledSteps.get(sampleRow) == n) {
        int base = 3 * sampleCount * sampleRow;
        System.arraycopy(samples, base, sv, 0, sampleCount);
        System.arraycopy(samples, base + sampleCount, sga, 0, sampleCount);
        System.arraycopy(samples, base + 2 * sampleCount, sgg, 0, sampleCount);
        listener.onState(n, sv, sga, sgg);
        sampleRow++;
      }
    }
  }

  @Override
  public void sampleState(int[] neuronIndices, int everySteps) {
    if (neuronIndices.length == 0) {
      sampleKernel = null;
      return;
    }
    sampleCount = neuronIndices.length;
    sampleEvery = everySteps;
    int rows = chunkSteps / everySteps + 1;
    sampleBuffer = ctx.buffer("state_samples", 12L * sampleCount * rows);
    // Arguments in the order of neuron_update_sample in kernels/neuron_update.cl; 6 is the row.
    sampleKernel = program.kernel(ctx, Phase.NEURON_UPDATE.kernelName() + "_sample")
        .arg(0, neurons.v).arg(1, neurons.gAmpa).arg(2, neurons.gGaba)
        .arg(3, ctx.buffer("state_neurons", neuronIndices)).arg(4, sampleCount)
        .arg(5, sampleBuffer);
  }

  @Override
  public SimulationState state() {
    NeuronValues nv = neuronValues();
    int n = plan.neuronCount();
    int[] last = new int[n];
    long[] inA = new long[n];
    long[] inG = new long[n];
    neurons.lastSpike.read(last);
    neurons.input.read(0, inA);
    neurons.input.read(neurons.gabaOffset, inG);
    List<int[]> next = new ArrayList<>();
    for (InputPlan in : plan.inputs()) {
      int[] ns = new int[in.size()];
      if (inputByIndex[in.index()] != null) {
        inputByIndex[in.index()].nextSpike.read(ns);
      } else {
        for (int i = 0; i < ns.length; i++) {
          ns[i] = in.nextSpikeAfter(-1, i, plan.seed()); // never stepped: still its first draw
        }
      }
      next.add(ns);
    }
    List<SimulationState.PotentialState> sets = new ArrayList<>();
    for (ProjectionPlan p : plan.projections()) {
      sets.add(potential[p.index()] == null ? null : potential[p.index()].state());
    }
    return new SimulationState(step, nv.v(), nv.gAmpa(), nv.gGaba(), last, inA, inG, next, sets);
  }

  /** Continues from {@code s} (a fresh simulation only). */
  void restore(SimulationState s) {
    if (step != 0) {
      throw new IllegalStateException("restore into a fresh simulation only");
    }
    neurons.v.write(s.v());
    neurons.gAmpa.write(s.gAmpa());
    neurons.gGaba.write(s.gGaba());
    neurons.lastSpike.write(s.lastSpike());
    neurons.input.write(0, s.inputAmpa());
    neurons.input.write(neurons.gabaOffset, s.inputGaba());
    for (InputPlan in : plan.inputs()) {
      if (inputByIndex[in.index()] != null) {
        inputByIndex[in.index()].nextSpike.write(s.inputNextSpike().get(in.index()));
      }
    }
    for (ProjectionPlan p : plan.projections()) {
      if (potential[p.index()] != null) {
        potential[p.index()].restore(s.potential().get(p.index()));
      }
    }
    step = s.step();
  }

  @Override
  public NeuronValues neuronValues() {
    int n = plan.neuronCount();
    float[] v = new float[n];
    float[] ga = new float[n];
    float[] gg = new float[n];
    neurons.v.read(v);
    neurons.gAmpa.read(ga);
    neurons.gGaba.read(gg);
    return new NeuronValues(v, ga, gg);
  }

  @Override
  public List<String> badWeights() {
    List<String> bad = new ArrayList<>();
    int[] flag = new int[1];
    for (ProjectionPlan p : plan.projections()) {
      if (potential[p.index()] != null && p.plasticity() != null) {
        potential[p.index()].bad.read(flag);
        if (flag[0] != 0) {
          bad.add(p.name());
        }
      }
    }
    return bad;
  }

  @Override
  public ActiveSynapses activeSynapses(String name) {
    ProjectionPlan p = plan.projection(name);
    if (potential[p.index()] != null) {
      return potential[p.index()].snapshot();
    }
    InitialConnectivity.StaticRows rows = staticRows[p.index()];
    int n = rows.target().length;
    int[] src = new int[n];
    int[] tgt = new int[n];
    for (int i = 0; i < p.sourceSize(); i++) {
      for (int q = rows.rowStart()[i]; q < rows.rowStart()[i + 1]; q++) {
        src[q] = i;
        tgt[q] = rows.target()[q] - p.targetStart();
      }
    }
    return new ActiveSynapses(name, src, tgt, rows.weight().clone());
  }

  /** Bytes read back from the device so far (what a chunk costs the host). */
  long bytesRead() {
    return ctx.bytesRead();
  }

  @Override
  public void close() {
    ctx.close();
  }
}
