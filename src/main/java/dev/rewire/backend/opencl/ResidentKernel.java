package dev.rewire.backend.opencl;

/**
 * Host side of kernels/resident.cl: builds it behind its shape's header, with the helpers, the
 * plan's rules and every phase's work-group functions ({@link Kernels#source}), and sets its
 * arguments in the order of the kernel's signature.
 */
final class ResidentKernel {
  static final String NAME = "resident";

  // Arguments, in the order of the signature.
  private static final int FIRST_STEP = 0;
  private static final int STEPS = 1;
  private static final int STRUCTURAL_DUE = 2;
  private static final int CALL_INDEX = 3;
  private static final int CALLS_PER_CHUNK = 4;
  private static final int SAMPLE_EVERY = 5;
  private static final int SAMPLE_COUNT = 6;
  private static final int SAMPLE_ROW0 = 7;
  private static final int SAMPLE_ROWS = 8;
  private static final int SAMPLE_NEURONS = 9;
  private static final int SAMPLES = 10;
  private static final int RUNNING = 11;
  private static final int FPARAMS = 12;
  private static final int IPARAMS = 13;
  private static final int V = 14;
  private static final int G_AMPA = 15;
  private static final int G_GABA = 16;
  private static final int LAST_SPIKE = 17;
  private static final int INPUT_AMPA = 18;
  private static final int INPUT_GABA = 19;
  private static final int NEXT_SPIKE = 20;
  private static final int STATIC_ROW_START = 21;
  private static final int STATIC_BASE = 22;
  private static final int STATIC_TARGET = 23;
  private static final int STATIC_WEIGHT = 24;
  private static final int ROW_OFFSET = 25;
  private static final int COL_OFFSET = 26;
  private static final int ACTIVE = 27;
  private static final int SLOT_POS = 28;
  private static final int ROW_COUNT = 29;
  private static final int ROW_SYN = 30;
  private static final int ROW_TARGET = 31;
  private static final int ROW_WEIGHT = 32;
  private static final int ROW_TO_COL = 33;
  private static final int COL_COUNT = 34;
  private static final int COL_SYN = 35;
  private static final int COL_SOURCE = 36;
  private static final int COL_TO_ROW = 37;
  private static final int ACTIVE_COUNT = 38;
  private static final int TRACE_VALUE = 39;
  private static final int TRACE_LAST = 40;
  private static final int DECAY_TABLES = 41;
  private static final int SPIKE_RECORD = 42;
  private static final int SPIKE_RECORD_COUNT = 43;
  private static final int RECORD_CAPACITY = 44;
  private static final int STATS = 45;
  private static final int LOG_SLOT = 46;
  private static final int LOG_WEIGHT = 47;
  private static final int LOG_COUNT = 48;
  private static final int LOG_CAPACITY = 49;
  private static final int SCRATCH = 50;
  private static final int SCRATCH_STRIDE = 51;
  private static final int MAX_ACTIVE = 52;
  private static final int STRUCTURAL_MARK = 53;
  private static final int BAD_WEIGHTS = 54;
  private static final int L_V = 55;
  private static final int L_G_AMPA = 56;
  private static final int L_G_GABA = 57;
  private static final int L_LAST = 58;
  private static final int L_INPUT_AMPA = 59;
  private static final int L_INPUT_GABA = 60;
  private static final int L_SPIKES = 61;
  private static final int L_INPUT_SPIKES = 62;
  private static final int L_NEXT = 63;
  private static final int L_TRACE = 64;
  private static final int L_TRACE_LAST = 65;
  private static final int L_COUNTS = 66;

  private final ResidentShape shape;
  private final ClKernel kernel;
  private final ClKernel pack;
  final int workGroup;
  private ResidentBuffers bound;

  ResidentKernel(ClContext ctx, ResidentShape shape) {
    this.shape = shape;
    ClDevice d = ctx.device();
    // On a CPU (PoCL) a work-group of one work-item is fastest: a core runs each network through
    // its steps without barriers or atomics, the batch's networks spread over the cores (measured,
    // 32 seed-ei networks on 2 cores: kernel 1.84 s with 1 work-item, 1.97 with 8, 2.72 with 64,
    // 5.08 with 256). On a GPU the work-items of a group share a network's neurons and synapses.
    workGroup = (int) Math.min(d.maxWorkGroupSize(), Integer.getInteger("rewire.workGroup",
        d.cpu() ? 1 : 128));
    StringBuilder src = new StringBuilder(shape.header);
    if (workGroup == 1) {
      src.append("#define RW_SERIAL 1\n");
    }
    src.append(Kernels.source(shape.plan));
    src.append(KernelSource.read(NAME + ".cl"));
    ClProgram program = ctx.build("rewire resident kernel", src.toString());
    kernel = program.kernel(ctx, NAME);
    pack = program.kernel(ctx, NAME + "_pack");
  }

  /**
   * Packs {@code rows} slices of {@code src} ({@code stride} ints apart, {@code counts[row]}
   * entries of {@code width} ints) into {@code dst} from {@code offsets[row]} entries on.
   */
  void pack(ClBuffer src, int stride, ClBuffer counts, ClBuffer offsets, int width, ClBuffer dst,
      int rows) {
    // Arguments in the order of resident_pack's signature.
    pack.arg(0, src).arg(1, stride).arg(2, counts).arg(3, offsets).arg(4, width).arg(5, dst)
        .launch((long) rows * workGroup, workGroup);
  }

  /** One launch: every network of the batch, steps [first, first + steps). */
  void launch(ResidentBuffers b, int networks, int first, int steps, int structuralDue,
      int sampleEvery, int[] sampleNeurons, int sampleRow0) {
    if (bound != b) {
      bind(b);
    }
    int count = sampleNeurons == null ? 0 : sampleNeurons.length;
    kernel.arg(FIRST_STEP, first).arg(STEPS, steps).arg(STRUCTURAL_DUE, structuralDue)
        .arg(CALL_INDEX, 0).arg(CALLS_PER_CHUNK, 1)
        .arg(SAMPLE_EVERY, count == 0 ? 0 : sampleEvery).arg(SAMPLE_COUNT, count)
        .arg(SAMPLE_ROW0, sampleRow0).arg(SAMPLE_ROWS, Math.max(1, b.sampleRows))
        .arg(SAMPLE_NEURONS, b.sampleNeurons).arg(SAMPLES, b.samples);
    kernel.launch((long) networks * workGroup, workGroup);
  }

  private void bind(ResidentBuffers b) {
    int n = shape.neurons;
    kernel.arg(RUNNING, b.running).arg(FPARAMS, b.fparams).arg(IPARAMS, b.iparams)
        .arg(V, b.v).arg(G_AMPA, b.gAmpa).arg(G_GABA, b.gGaba).arg(LAST_SPIKE, b.lastSpike)
        .arg(INPUT_AMPA, b.inputAmpa).arg(INPUT_GABA, b.inputGaba).arg(NEXT_SPIKE, b.nextSpike)
        .arg(STATIC_ROW_START, b.staticRowStart).arg(STATIC_BASE, b.staticBase)
        .arg(STATIC_TARGET, b.staticTarget).arg(STATIC_WEIGHT, b.staticWeight)
        .arg(ROW_OFFSET, b.rowOffset).arg(COL_OFFSET, b.colOffset).arg(ACTIVE, b.active)
        .arg(SLOT_POS, b.slotPos).arg(ROW_COUNT, b.rowCount).arg(ROW_SYN, b.rowSyn)
        .arg(ROW_TARGET, b.rowTarget).arg(ROW_WEIGHT, b.rowWeight).arg(ROW_TO_COL, b.rowToCol)
        .arg(COL_COUNT, b.colCount).arg(COL_SYN, b.colSyn).arg(COL_SOURCE, b.colSource)
        .arg(COL_TO_ROW, b.colToRow).arg(ACTIVE_COUNT, b.activeCount)
        .arg(TRACE_VALUE, b.traceValue).arg(TRACE_LAST, b.traceLast)
        .arg(DECAY_TABLES, b.decayTables).arg(SPIKE_RECORD, b.spikeRecord)
        .arg(SPIKE_RECORD_COUNT, b.spikeRecordCount).arg(RECORD_CAPACITY, b.recordCapacity)
        .arg(STATS, b.stats).arg(LOG_SLOT, b.logSlot).arg(LOG_WEIGHT, b.logWeight)
        .arg(LOG_COUNT, b.logCount).arg(LOG_CAPACITY, b.logCapacity)
        .arg(SCRATCH, b.scratch).arg(SCRATCH_STRIDE, b.scratchStride)
        .arg(MAX_ACTIVE, b.maxActive).arg(STRUCTURAL_MARK, b.structuralMark)
        .arg(BAD_WEIGHTS, b.bad)
        .local(L_V, 4L * n).local(L_G_AMPA, 4L * n).local(L_G_GABA, 4L * n)
        .local(L_LAST, 4L * n).local(L_INPUT_AMPA, 8L * n).local(L_INPUT_GABA, 8L * n)
        .local(L_SPIKES, 4L * n).local(L_INPUT_SPIKES, 4L * Math.max(1, shape.inputSources))
        .local(L_NEXT, 4L * Math.max(1, shape.inputSources))
        .local(L_TRACE, 4L * Math.max(1, shape.traceValues))
        .local(L_TRACE_LAST, 4L * Math.max(1, shape.traceLasts))
        .local(L_COUNTS, 4L * shape.counts());
    bound = b;
  }
}
