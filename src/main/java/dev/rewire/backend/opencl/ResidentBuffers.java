package dev.rewire.backend.opencl;

import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.PotentialSet;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.SlotGeometry;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The device buffers of a resident batch, in the order of the arguments of kernels/resident.cl:
 * batch-wide buffers with network k's slice at k times its per-network size, the shared geometry
 * of the potential sets, and the pool of trace decay tables (a table is stored once however many
 * networks use it). Uploads each network's initial (or restored) state and reads slices back.
 */
final class ResidentBuffers {
  final ResidentShape shape;
  private final int size;
  private final ClContext ctx;
  final ClBuffer fparams;
  final ClBuffer iparams;
  final ClBuffer running;
  final ClBuffer v;
  final ClBuffer gAmpa;
  final ClBuffer gGaba;
  final ClBuffer lastSpike;
  final ClBuffer inputAmpa;
  final ClBuffer inputGaba;
  final ClBuffer nextSpike;
  final ClBuffer staticRowStart;
  final ClBuffer staticBase;
  final ClBuffer staticTarget;
  final ClBuffer staticWeight;
  final ClBuffer rowOffset;
  final ClBuffer colOffset;
  final ClBuffer active;
  final ClBuffer slotPos;
  final ClBuffer rowCount;
  final ClBuffer rowSyn;
  final ClBuffer rowTarget;
  final ClBuffer rowWeight;
  final ClBuffer rowToCol;
  final ClBuffer colCount;
  final ClBuffer colSyn;
  final ClBuffer colSource;
  final ClBuffer colToRow;
  final ClBuffer activeCount;
  final ClBuffer traceValue;
  final ClBuffer traceLast;
  final ClBuffer decayTables;
  /** Per network and potential projection: its rule made a weight not a finite number >= 0. */
  final ClBuffer bad;
  final ClBuffer spikeRecord;
  final ClBuffer spikeRecordCount;
  final ClBuffer stats;
  final ClBuffer logSlot;
  final ClBuffer logWeight;
  final ClBuffer logCount;
  final ClBuffer scratch;
  /** Floyd's marks, a byte per potential slot, zero between calls. */
  final ClBuffer structuralMark;
  /** The used parts of every network's records, packed for one read each. */
  private final ClBuffer packedRecord;
  private final ClBuffer recordOffsets;
  private final ClBuffer packedLogSlot;
  private final ClBuffer packedLogWeight;
  private final ClBuffer logOffsets;
  ClBuffer sampleNeurons;
  ClBuffer samples;
  final int recordCapacity;
  final int logCapacity;
  final int maxActive;
  final int scratchStride;
  int sampleRows;
  /** The geometry of each potential projection (row offsets), shared by every network. */
  final SlotGeometry[] geometry;
  final int inputSourcesStride;

  ResidentBuffers(ClContext ctx, ResidentShape shape, List<Plan> plans,
      List<PotentialSet[]> sets, InitialConnectivity.StaticRows[][] staticRows, int chunkSteps,
      int workGroup) {
    this.ctx = ctx;
    this.shape = shape;
    this.size = plans.size();
    int n = shape.neurons;
    int npp = shape.potentials.size();
    long b = size;
    inputSourcesStride = Math.max(1, shape.inputSources);

    // Parameters, with the decay tables pooled.
    List<float[]> pool = new ArrayList<>();
    int poolSize = 0;
    float[] fp = new float[size * shape.fparams];
    int[] ip = new int[size * shape.iparams];
    for (int k = 0; k < size; k++) {
      Plan p = plans.get(k);
      int[][] tables = new int[p.projections().size()][];
      for (ProjectionPlan pr : p.projections()) {
        if (pr.plasticity() == null) {
          continue;
        }
        List<float[]> own = new ArrayList<>(List.of(pr.plasticity().preDecay()));
        own.addAll(List.of(pr.plasticity().postDecay()));
        int[] t = new int[2 * own.size()];
        for (int q = 0; q < own.size(); q++) {
          int at = -1;
          int offset = 0;
          for (float[] known : pool) {
            if (Arrays.equals(known, own.get(q))) {
              at = offset;
              break;
            }
            offset += known.length;
          }
          if (at < 0) {
            at = poolSize;
            pool.add(own.get(q));
            poolSize += own.get(q).length;
          }
          t[2 * q] = at;
          t[2 * q + 1] = own.get(q).length;
        }
        tables[pr.index()] = t;
      }
      System.arraycopy(shape.fparams(p), 0, fp, k * shape.fparams, shape.fparams);
      System.arraycopy(shape.iparams(p, tables), 0, ip, k * shape.iparams, shape.iparams);
    }
    float[] allTables = new float[Math.max(1, poolSize)];
    int at = 0;
    for (float[] t : pool) {
      System.arraycopy(t, 0, allTables, at, t.length);
      at += t.length;
    }
    fparams = ctx.buffer("fparams", fp);
    iparams = ctx.buffer("iparams", ip);
    decayTables = ctx.buffer("decay_tables", allTables);
    bad = ctx.buffer("bad_weights", 4 * b * Math.max(1, npp));
    running = ctx.buffer("running", 4 * b);

    v = ctx.buffer("v", 4 * b * n);
    gAmpa = ctx.buffer("g_ampa", 4 * b * n);
    gGaba = ctx.buffer("g_gaba", 4 * b * n);
    lastSpike = ctx.buffer("last_spike", 4 * b * n);
    inputAmpa = ctx.buffer("input_ampa", 8 * b * n);
    inputGaba = ctx.buffer("input_gaba", 8 * b * n);
    nextSpike = ctx.buffer("next_spike", 4 * b * inputSourcesStride);

    // Static synapses: each network's projections one after another, its block at staticBase.
    int[] base = new int[size];
    long total = 0;
    for (int k = 0; k < size; k++) {
      base[k] = (int) total;
      for (InitialConnectivity.StaticRows rows : staticRows[k]) {
        total += rows == null ? 0 : rows.target().length;
      }
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new dev.rewire.backend.ResourceException("the batch has " + total + " static "
          + "synapses; at most " + (Integer.MAX_VALUE - 8) + " fit one batch; make it smaller");
    }
    staticBase = ctx.buffer("static_base", base);
    staticRowStart = ctx.buffer("static_row_start", 4 * b * Math.max(1, shape.staticRowStarts));
    staticTarget = ctx.buffer("static_target", 4 * Math.max(1, total));
    staticWeight = ctx.buffer("static_weight", 8 * Math.max(1, total));
    for (int k = 0; k < size; k++) {
      int[] starts = new int[shape.staticRowStarts];
      int projBase = 0;
      for (ProjectionPlan p : shape.projections) {
        InitialConnectivity.StaticRows rows = staticRows[k][p.index()];
        if (rows == null) {
          continue;
        }
        int rb = shape.staticRowBase[p.index()];
        for (int i = 0; i <= p.sourceSize(); i++) {
          starts[rb + i] = projBase + rows.rowStart()[i];
        }
        staticTarget.write(base[k] + projBase, rows.target());
        staticWeight.write(base[k] + projBase, ResidentBatch.fixed(rows.weight()));
        projBase += rows.target().length;
      }
      staticRowStart.write((long) k * shape.staticRowStarts, starts);
    }

    // Potential sets: the shared geometry, then each network's lists.
    geometry = new SlotGeometry[npp];
    int[] rowOffsets = new int[Math.max(1, shape.rows + npp)];
    int[] colOffsets = new int[Math.max(1, shape.cols + npp)];
    int most = 1;
    for (int pp = 0; pp < npp; pp++) {
      PotentialSet first = sets.get(0)[shape.potentials.get(pp).index()];
      geometry[pp] = first.geometry;
      System.arraycopy(first.rowOffset, 0, rowOffsets, shape.rowOffsetBase[pp],
          first.rowOffset.length);
      System.arraycopy(first.colOffset, 0, colOffsets, shape.colOffsetBase[pp],
          first.colOffset.length);
      for (PotentialSet[] s : sets) {
        most = Math.max(most, s[shape.potentials.get(pp).index()].activeCount);
      }
    }
    maxActive = most;
    rowOffset = ctx.buffer("row_offset", rowOffsets);
    colOffset = ctx.buffer("col_offset", colOffsets);
    long slots = Math.max(1, shape.slots);
    active = ctx.buffer("active", 4 * b * slots);
    slotPos = ctx.buffer("slot_pos", 4 * b * slots);
    rowSyn = ctx.buffer("row_syn", 4 * b * slots);
    rowTarget = ctx.buffer("row_target", 4 * b * slots);
    rowWeight = ctx.buffer("row_weight", 4 * b * slots);
    rowToCol = ctx.buffer("row_to_col", 4 * b * slots);
    colSyn = ctx.buffer("col_syn", 4 * b * slots);
    colSource = ctx.buffer("col_source", 4 * b * slots);
    colToRow = ctx.buffer("col_to_row", 4 * b * slots);
    rowCount = ctx.buffer("row_count", 4 * b * Math.max(1, shape.rows));
    colCount = ctx.buffer("col_count", 4 * b * Math.max(1, shape.cols));
    activeCount = ctx.buffer("active_count", 4 * b * Math.max(1, npp));
    traceValue = ctx.buffer("trace_value", 4 * b * Math.max(1, shape.traceValues));
    traceLast = ctx.buffer("trace_last", 4 * b * Math.max(1, shape.traceLasts));

    // What a chunk writes: spikes (a neuron spikes at most once per refractory period), one call
    // per rewired projection with its counts and changed synapses, the call's scratch.
    int refractory = plans.stream().flatMap(p -> p.groups().stream())
        .mapToInt(g -> Math.max(1, g.refractorySteps())).min().orElse(1);
    recordCapacity = (int) Math.min(Integer.MAX_VALUE / 2 / size,
        (long) n * ((chunkSteps + refractory - 1) / refractory));
    spikeRecord = ctx.buffer("spike_record", 8 * b * Math.max(1, recordCapacity));
    spikeRecordCount = ctx.buffer("spike_record_count", 4 * b);
    stats = ctx.buffer("structural_stats", 16 * b * Math.max(1, npp));
    logCapacity = 2 * maxActive;
    logSlot = ctx.buffer("log_slot", 4 * b * Math.max(1, npp) * logCapacity);
    logWeight = ctx.buffer("log_weight", 4 * b * Math.max(1, npp) * logCapacity);
    logCount = ctx.buffer("log_count", 4 * b * Math.max(1, npp));
    packedRecord = ctx.buffer("packed_spike_record", 8 * b * Math.max(1, recordCapacity));
    recordOffsets = ctx.buffer("spike_record_offsets", 4 * b);
    packedLogSlot = ctx.buffer("packed_log_slot", 4 * b * Math.max(1, npp) * logCapacity);
    packedLogWeight = ctx.buffer("packed_log_weight", 4 * b * Math.max(1, npp) * logCapacity);
    logOffsets = ctx.buffer("log_offsets", 4 * b * Math.max(1, npp));
    scratchStride = 2 * maxActive + 2 * (shape.maxRows + 1) + workGroup + 1;
    scratch = ctx.buffer("structural_scratch", 4 * b * scratchStride);
    structuralMark = ctx.buffer("structural_mark", b * slots);
    sampleNeurons = ctx.buffer("sample_neurons", 4);
    samples = ctx.buffer("samples", 4);

    for (int k = 0; k < size; k++) {
      fresh(k, plans.get(k), sets.get(k));
    }
  }

  /** Network k at step 0: resting neurons, first Poisson spikes, its initial synapses. */
  private void fresh(int k, Plan plan, PotentialSet[] sets) {
    int n = shape.neurons;
    v.write((long) k * n, ResidentBatch.restingV(plan));
    int[] never = new int[n];
    Arrays.fill(never, DeviceNeurons.NEVER);
    lastSpike.write((long) k * n, never);
    nextSpike.write((long) k * inputSourcesStride, ResidentBatch.firstSpikes(shape, plan));
    for (int pp = 0; pp < shape.potentials.size(); pp++) {
      writeLists(k, pp, sets[shape.potentials.get(pp).index()]);
      ProjectionPlan p = shape.potentials.get(pp);
      if (p.plasticity() != null) {
        int[] lasts = new int[p.sourceSize() + p.targetSize()];
        Arrays.fill(lasts, DeviceNeurons.NEVER);
        traceLast.write((long) k * shape.traceLasts + shape.traceLastBase[pp], lasts);
      }
    }
  }

  private void writeLists(int k, int pp, PotentialSet s) {
    long slots = (long) k * shape.slots + shape.slotBase[pp];
    int[] flags = new int[s.potentialCount()];
    for (int q = 0; q < flags.length; q++) {
      flags[q] = s.active[q] ? 1 : 0;
    }
    active.write(slots, flags);
    slotPos.write(slots, s.slotPos);
    rowSyn.write(slots, s.rowSyn);
    rowTarget.write(slots, s.rowTarget);
    rowWeight.write(slots, s.rowWeight);
    rowToCol.write(slots, s.rowToCol);
    colSyn.write(slots, s.colSyn);
    colSource.write(slots, s.colSource);
    colToRow.write(slots, s.colToRow);
    rowCount.write((long) k * shape.rows + shape.rowBase[pp], s.rowCount);
    colCount.write((long) k * shape.cols + shape.colBase[pp], s.colCount);
    activeCount.write((long) k * shape.potentials.size() + pp, new int[] {s.activeCount});
  }

  /** Network k continues from a checkpoint's state. */
  void restore(int k, SimulationState s) {
    int n = shape.neurons;
    v.write((long) k * n, s.v());
    gAmpa.write((long) k * n, s.gAmpa());
    gGaba.write((long) k * n, s.gGaba());
    lastSpike.write((long) k * n, s.lastSpike());
    inputAmpa.write((long) k * n, s.inputAmpa());
    inputGaba.write((long) k * n, s.inputGaba());
    int[] next = new int[inputSourcesStride];
    for (int q = 0; q < shape.stepped.size(); q++) {
      int[] src = s.inputNextSpike().get(shape.stepped.get(q).index());
      System.arraycopy(src, 0, next, shape.inputFirst[q], src.length);
    }
    nextSpike.write((long) k * inputSourcesStride, next);
    for (int pp = 0; pp < shape.potentials.size(); pp++) {
      ProjectionPlan p = shape.potentials.get(pp);
      SimulationState.PotentialState ps = s.potential().get(p.index());
      // the lists were imported into the PotentialSet uploaded by fresh(); the traces now
      if (p.plasticity() != null) {
        int ns = p.sourceSize();
        int nt = p.targetSize();
        float[] values = new float[shape.preTraces[pp] * ns + shape.postTraces[pp] * nt];
        for (int t = 0; t < shape.preTraces[pp]; t++) {
          System.arraycopy(ps.preTraces()[t], 0, values, t * ns, ns);
        }
        for (int t = 0; t < shape.postTraces[pp]; t++) {
          System.arraycopy(ps.postTraces()[t], 0, values, shape.preTraces[pp] * ns + t * nt, nt);
        }
        traceValue.write((long) k * shape.traceValues + shape.traceValueBase[pp], values);
        int[] lasts = new int[ns + nt];
        System.arraycopy(ps.preLast(), 0, lasts, 0, ns);
        System.arraycopy(ps.postLast(), 0, lasts, ns, nt);
        traceLast.write((long) k * shape.traceLasts + shape.traceLastBase[pp], lasts);
      }
    }
  }

  void running(boolean[] flags) {
    int[] r = new int[size];
    for (int k = 0; k < size; k++) {
      r[k] = flags[k] ? 1 : 0;
    }
    running.write(r);
  }

  /** A chunk starts: no spikes recorded, no structural changes logged. */
  void startChunk() {
    spikeRecordCount.zero();
    logCount.zero();
  }

  int[] recordCounts() {
    int[] c = new int[size];
    spikeRecordCount.read(c);
    return c;
  }

  int[] stats() {
    int[] s = new int[size * shape.potentials.size() * 4];
    stats.read(s);
    return s;
  }

  int[] logCounts() {
    int[] c = new int[size * shape.potentials.size()];
    logCount.read(c);
    return c;
  }

  /**
   * Every network's (step, neuron) pairs of the chunk, packed on the device network after network
   * and read at once: the used parts only ({@code counts} per network, offsets their prefix sum).
   */
  int[] records(ResidentKernel kernel, int[] counts, int[] offsets, int total) {
    int[] pairs = new int[2 * total];
    if (total > 0) {
      recordOffsets.write(offsets);
      kernel.pack(spikeRecord, 2 * recordCapacity, spikeRecordCount, recordOffsets, 2,
          packedRecord, size);
      packedRecord.read(pairs);
    }
    return pairs;
  }

  /** Every network's and projection's logged changes, packed likewise: slots and weights. */
  void logs(ResidentKernel kernel, int[] offsets, int total, int[] slots, float[] weights) {
    if (total > 0) {
      logOffsets.write(offsets);
      int rows = size * shape.potentials.size();
      kernel.pack(logSlot, logCapacity, logCount, logOffsets, 1, packedLogSlot, rows);
      kernel.pack(logWeight, logCapacity, logCount, logOffsets, 1, packedLogWeight, rows);
      packedLogSlot.read(slots);
      packedLogWeight.read(weights);
    }
  }

  void sampling(int[] neurons, int rows) {
    sampleNeurons = ctx.buffer("sample_neurons", neurons);
    sampleRows = rows;
    samples = ctx.buffer("samples", 12L * size * rows * neurons.length);
  }

  float[] samples(int k, int rows, int count) {
    float[] out = new float[3 * rows * count];
    samples.read((long) k * sampleRows * 3 * count, out);
    return out;
  }

  /** v, g_ampa, g_gaba of every network, one read each. */
  float[][] neuronValues() {
    int all = size * shape.neurons;
    float[][] out = {new float[all], new float[all], new float[all]};
    v.read(out[0]);
    gAmpa.read(out[1]);
    gGaba.read(out[2]);
    return out;
  }
}
