package dev.rewire.backend.opencl.resident;

import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.backend.opencl.cl.ClProgram;
import dev.rewire.backend.opencl.device.DeviceProgram;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.plan.StateLayout;

/**
 * Host side of kernels/resident.cl: builds the program of its shape ({@link DeviceProgram}) and
 * sets the resident kernel's arguments by name: the state's packs (each named after its pack), the
 * batch's buffers, and local memory of each pack's per-network length.
 */
final class ResidentKernel {
  private final DeviceShape shape;
  private final ClKernel kernel;
  private final ClKernel pack;
  final int workGroup;
  private ResidentBuffers bound;

  ResidentKernel(ClContext ctx, DeviceShape shape) {
    this.shape = shape;
    ClDevice d = ctx.device();
    // On a CPU (PoCL) a work-group of one work-item is fastest: a core runs each network through
    // its steps without barriers or atomics, the batch's networks spread over the cores (measured,
    // 32 seed-ei networks on 2 cores: kernel 1.84 s with 1 work-item, 1.97 with 8, 2.72 with 64,
    // 5.08 with 256). On a GPU the work-items of a group share a network's neurons and synapses.
    workGroup = (int) Math.min(d.maxWorkGroupSize(), Integer.getInteger("rewire.workGroup",
        d.cpu() ? 1 : 128));
    ClProgram program = DeviceProgram.build(ctx, shape, workGroup == 1);
    kernel = program.kernel(ctx, DeviceProgram.RESIDENT);
    pack = program.kernel(ctx, DeviceProgram.RESIDENT_PACK);
  }

  /**
   * Packs {@code rows} slices of {@code src} ({@code stride} ints apart, {@code counts[row]}
   * entries of {@code width} ints) into {@code dst} from {@code offsets[row]} entries on.
   */
  void pack(ClBuffer src, int stride, ClBuffer counts, ClBuffer offsets, int width, ClBuffer dst,
      int rows) {
    pack.arg("src", src).arg("stride", stride).arg("counts", counts).arg("offsets", offsets)
        .arg("width", width).arg("dst", dst).launch((long) rows * workGroup, workGroup);
  }

  /** One launch: every network of the batch, steps [first, first + steps). */
  void launch(ResidentBuffers b, int networks, int first, int steps, int structuralDue,
      int sampleEvery, int sampleCount, int sampleRow0) {
    if (bound != b) {
      bind(b);
    }
    kernel.arg("first_step", first).arg("steps", steps).arg("structural_due", structuralDue)
        .arg("call_index", 0).arg("calls_per_chunk", 1)
        .arg("sample_every", sampleCount == 0 ? 0 : sampleEvery)
        .arg("sample_count", sampleCount).arg("sample_row0", sampleRow0)
        .arg("sample_rows", Math.max(1, b.sampleRows))
        .arg("sample_index", b.sampleIndex).arg("samples", b.samples);
    kernel.launch((long) networks * workGroup, workGroup);
  }

  private void bind(ResidentBuffers b) {
    for (String p : StateLayout.PACKS) {
      if (kernel.has(p)) { // the packs of active-only sets are the per-step engine's alone
        kernel.arg(p, b.state.buffer(p));
      }
    }
    kernel.arg("running", b.running).arg("fparams", b.fparams).arg("iparams", b.iparams)
        .arg("static_row_start", b.staticRowStart).arg("static_base", b.staticBase)
        .arg("static_target", b.staticTarget).arg("static_weight", b.staticWeight)
        .arg("row_offset", b.rowOffset).arg("col_offset", b.colOffset)
        .arg("decay_tables", b.decayTables).arg("spike_record", b.spikeRecord)
        .arg("spike_record_count", b.spikeRecordCount).arg("record_capacity", b.recordCapacity)
        .arg("stats", b.stats).arg("log_slot", b.logSlot).arg("log_weight", b.logWeight)
        .arg("log_count", b.logCount).arg("log_capacity", b.logCapacity)
        .arg("scratch", b.scratch).arg("scratch_stride", b.scratchStride)
        .arg("max_active", b.maxActive).arg("structural_mark", b.structuralMark)
        .arg("bad_weights", b.bad);
    for (String p : new String[] {"neuron_f", "neuron_i", "input", "trace_f", "trace_i"}) {
      long bytes = StateLayout.packType(p) == StateLayout.Type.I64 ? 8 : 4;
      kernel.local("l_" + p, bytes * Math.max(1, shape.pack(p)));
    }
    kernel.local("l_next", 4L * Math.max(1, shape.inputSources))
        .local("l_spikes", 4L * shape.neurons)
        .local("l_input_spikes", 4L * Math.max(1, shape.inputSources))
        .local("l_counts", 4L * shape.counts());
    bound = b;
  }
}
