package dev.rewire.backend.opencl.resident;

import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.device.DeviceParams;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.backend.opencl.device.DeviceState;
import dev.rewire.plan.FixedPoint;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.List;

/**
 * The device buffers of a resident batch besides its state (a {@link DeviceState}): each network's
 * parameters, the pool of decay tables and the shared geometry ({@link DeviceParams}), the static
 * synapses, and what a chunk writes: spikes, structural counts and changes, the structural calls'
 * scratch, the state samples; with the buffers that pack the used parts for one read each.
 */
final class ResidentBuffers {
  final DeviceShape shape;
  final DeviceState state;
  private final int size;
  private final ClContext ctx;
  final ClBuffer fparams;
  final ClBuffer iparams;
  final ClBuffer running;
  final ClBuffer staticRowStart;
  final ClBuffer staticBase;
  final ClBuffer staticTarget;
  final ClBuffer staticWeight;
  final ClBuffer rowOffset;
  final ClBuffer colOffset;
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
  ClBuffer sampleIndex;
  ClBuffer samples;
  final int recordCapacity;
  final int logCapacity;
  final int maxActive;
  final int scratchStride;
  int sampleRows;

  /** {@code staticRows[k][p]}: network k's static projection p (null for a potential one). */
  ResidentBuffers(ClContext ctx, DeviceShape shape, DeviceState state, List<Plan> plans,
      InitialConnectivity.StaticRows[][] staticRows, int maxActive, int chunkSteps,
      int workGroup) {
    this.ctx = ctx;
    this.shape = shape;
    this.state = state;
    this.size = plans.size();
    int n = shape.neurons;
    int npp = shape.potentials.size();
    long b = size;

    DeviceParams params = DeviceParams.of(shape, plans);
    fparams = ctx.buffer("fparams", params.fparams());
    iparams = ctx.buffer("iparams", params.iparams());
    decayTables = ctx.buffer("decay_tables", params.decayTables());
    rowOffset = ctx.buffer("row_offset", params.rowOffsets());
    colOffset = ctx.buffer("col_offset", params.colOffsets());
    bad = ctx.buffer("bad_weights", 4 * b * Math.max(1, npp));
    running = ctx.buffer("running", 4 * b);

    // Static synapses: each network's projections one after another, its block at staticBase;
    // targets are indices in the target group (the kernel adds the receptor's block and slot).
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
        int[] target = rows.target().clone();
        long[] weight = new long[target.length];
        for (int q = 0; q < target.length; q++) {
          target[q] += p.targetInGroup() - p.targetStart();
          weight[q] = FixedPoint.fromFloat(rows.weight()[q]);
        }
        staticTarget.write(base[k] + projBase, target);
        staticWeight.write(base[k] + projBase, weight);
        projBase += rows.target().length;
      }
      staticRowStart.write((long) k * shape.staticRowStarts, starts);
    }

    // What a chunk writes: spikes (a neuron spikes at most once per refractory period), one call
    // per rewired projection with its counts and changed synapses, the call's scratch.
    this.maxActive = Math.max(1, maxActive);
    int refractory = plans.stream().flatMap(p -> p.groups().stream())
        .mapToInt(g -> Math.max(1, g.refractorySteps())).min().orElse(1);
    recordCapacity = (int) Math.min(Integer.MAX_VALUE / 2 / size,
        (long) n * ((chunkSteps + refractory - 1) / refractory));
    spikeRecord = ctx.buffer("spike_record", 8 * b * Math.max(1, recordCapacity));
    spikeRecordCount = ctx.buffer("spike_record_count", 4 * b);
    stats = ctx.buffer("structural_stats", 16 * b * Math.max(1, npp));
    logCapacity = 2 * this.maxActive;
    logSlot = ctx.buffer("log_slot", 4 * b * Math.max(1, npp) * logCapacity);
    logWeight = ctx.buffer("log_weight", 4 * b * Math.max(1, npp) * logCapacity);
    logCount = ctx.buffer("log_count", 4 * b * Math.max(1, npp));
    packedRecord = ctx.buffer("packed_spike_record", 8 * b * Math.max(1, recordCapacity));
    recordOffsets = ctx.buffer("spike_record_offsets", 4 * b);
    packedLogSlot = ctx.buffer("packed_log_slot", 4 * b * Math.max(1, npp) * logCapacity);
    packedLogWeight = ctx.buffer("packed_log_weight", 4 * b * Math.max(1, npp) * logCapacity);
    logOffsets = ctx.buffer("log_offsets", 4 * b * Math.max(1, npp));
    scratchStride = 2 * this.maxActive + 2 * (shape.maxRows + 1) + workGroup + 1;
    scratch = ctx.buffer("structural_scratch", 4 * b * scratchStride);
    structuralMark = ctx.buffer("structural_mark", b * Math.max(1, shape.pack("active")));
    sampleIndex = ctx.buffer("sample_index", 4);
    samples = ctx.buffer("samples", 4);
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

  void sampling(int[] index, int rows) {
    sampleIndex = ctx.buffer("sample_index", index);
    sampleRows = rows;
    samples = ctx.buffer("samples", 4L * size * rows * index.length);
  }

  float[] samples(int k, int rows, int count) {
    float[] out = new float[rows * count];
    samples.read((long) k * sampleRows * count, out);
    return out;
  }
}
