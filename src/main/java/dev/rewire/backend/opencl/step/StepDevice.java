package dev.rewire.backend.opencl.step;

import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.backend.opencl.cl.ClProgram;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.backend.opencl.device.DeviceState;
import dev.rewire.plan.StateLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the per-step engine's kernels share: the program, the network's state (a
 * {@link DeviceState} of one network), its parameters, decay tables and potential-set geometry,
 * this step's spike list and the chunk's spike record. A kernel is made with every argument that
 * names one of these bound ({@link #kernel}: kernel arguments are named after the buffers), so a
 * host class sets only its own.
 */
final class StepDevice {
  final ClContext ctx;
  final ClProgram program;
  final DeviceShape shape;
  final DeviceState state;
  final ClBuffer spikes;
  /** Two counters, by step parity (kernels/neuron_update.cl). */
  final ClBuffer spikeCount;
  final ClBuffer record;
  final ClBuffer recordCount;
  final int recordCapacity;
  /** Per potential projection: its rule made a weight that is not a finite number >= 0. */
  final ClBuffer bad;
  private final Map<String, ClBuffer> shared = new LinkedHashMap<>();

  StepDevice(ClContext ctx, ClProgram program, DeviceShape shape, DeviceState state,
      ClBuffer fparams, ClBuffer iparams, ClBuffer decay, ClBuffer rowOffset, ClBuffer colOffset,
      int chunkSteps) {
    this.ctx = ctx;
    this.program = program;
    this.shape = shape;
    this.state = state;
    int n = shape.neurons;
    spikes = ctx.buffer("spikes", 4L * n);
    spikeCount = ctx.buffer("spike_count", 8);
    // A neuron spikes at most once per refractory period and step.
    recordCapacity = (int) Math.min(Integer.MAX_VALUE / 2, (long) n * chunkSteps);
    record = ctx.buffer("spike_record", 8L * recordCapacity);
    recordCount = ctx.buffer("spike_record_count", 4);
    bad = ctx.buffer("bad_weights", 4L * Math.max(1, shape.potentials.size()));
    for (String pack : StateLayout.PACKS) {
      shared.put(pack, state.buffer(pack));
    }
    shared.put("fparams", fparams);
    shared.put("iparams", iparams);
    shared.put("decay", decay);
    shared.put("row_offset", rowOffset);
    shared.put("col_offset", colOffset);
    shared.put("spikes", spikes);
    shared.put("spike_count", spikeCount);
    shared.put("record", record);
    shared.put("record_count", recordCount);
    shared.put("bad", bad);
  }

  /**
   * Work-items for a kernel over a step's spike list of at most {@code most} entries
   * (RW_FOR_SPIKES in kernels/spikes.cl): a few per compute unit, as a step has few spikes and an
   * idle work-item still costs a CPU device time (on PoCL, 50 000 of them took ~50 us a launch).
   */
  long spikeLaunch(long most) {
    int perUnit = ctx.device().cpu() ? 64 : 1024;
    return Math.max(1, Math.min(most, (long) perUnit * ctx.device().computeUnits()));
  }

  /** Kernel {@code name}, its arguments that name a shared buffer (or the record's capacity) set. */
  ClKernel kernel(String name) {
    ClKernel k = program.kernel(ctx, name);
    shared.forEach((arg, buffer) -> {
      if (k.has(arg)) {
        k.arg(arg, buffer);
      }
    });
    if (k.has("record_capacity")) {
      k.arg("record_capacity", recordCapacity);
    }
    return k;
  }
}
