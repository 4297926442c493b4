package dev.rewire.backend.opencl;

import dev.rewire.backend.SlotGeometry;
import dev.rewire.model.Structural;
import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StructuralPlan;

/**
 * Host side of kernels/structural_plasticity.cl for the per-step engine (Java twin:
 * backend.java.StructuralPlasticity), one projection: a call is one launch of one work-group. Each
 * call writes (step, pruned, regrown, active) into the chunk's stats buffer.
 */
final class StructuralPlasticityKernel {
  // Arguments, in the order of the signature.
  private static final int STEP = 0;
  private static final int SEED = 1;
  private static final int KEY = 2;
  private static final int PER_SOURCE = 3;
  private static final int PRUNE_CODE = 4;
  private static final int PRUNE_BELOW = 5;
  private static final int PARAMS = 6;
  private static final int REGROWTH_LOW = 7;
  private static final int REGROWTH_HIGH = 8;
  private static final int ROWS = 9;
  private static final int EXCLUDE_SAME_INDEX = 10;
  private static final int ROW_OFFSET = 11;
  private static final int COL_OFFSET = 12;
  private static final int ACTIVE = 13;
  private static final int SLOT_POS = 14;
  private static final int ROW_COUNT = 15;
  private static final int ROW_SYN = 16;
  private static final int ROW_TARGET = 17;
  private static final int ROW_WEIGHT = 18;
  private static final int ROW_TO_COL = 19;
  private static final int COL_COUNT = 20;
  private static final int COL_SYN = 21;
  private static final int COL_SOURCE = 22;
  private static final int COL_TO_ROW = 23;
  private static final int ACTIVE_COUNT = 24;
  private static final int CANDIDATES = 25;
  private static final int CHOSEN = 26;
  private static final int SCRATCH_ROWS = 27;
  private static final int SCRATCH_RANKS = 28;
  private static final int SCRATCH_PARTS = 29;
  private static final int MARK = 30;
  private static final int STATS = 31;
  private static final int STATS_INDEX = 32;
  private static final int LOG_SLOT = 33;
  private static final int LOG_WEIGHT = 34;
  private static final int LOG_COUNT = 35;
  private static final int LOG_CAPACITY = 36;
  private static final int SHARED = 37;

  private final ClKernel kernel;
  private final int workGroup;
  final ProjectionPlan plan;
  final SlotGeometry geometry;
  /** The chunk's changes: slots and weights, and how many entries are used. */
  final ClBuffer logSlot;
  final ClBuffer logWeight;
  final ClBuffer logCount;
  final int logCapacity;
  final StructuralPlan structural;

  /** The plan's {@code pp}-th potential projection, {@code d}. */
  StructuralPlasticityKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, int pp,
      int seed, ClBuffer stats, int chunkSteps) {
    plan = d.plan;
    structural = plan.structural();
    geometry = new SlotGeometry(plan);
    String n = plan.name() + ".";
    // Each call logs at most twice the potential set (all pruned, as many regrown).
    long calls = chunkSteps / structural.periodSteps() + 1;
    logCapacity = (int) Math.min(Integer.MAX_VALUE - 8, calls * 2 * d.potentialCount);
    logSlot = ctx.buffer(n + "log_slot", 4L * logCapacity);
    logWeight = ctx.buffer(n + "log_weight", 4L * logCapacity);
    logCount = ctx.buffer(n + "log_count", 4);
    int potential = d.potentialCount;
    int rows = plan.sourceSize();
    // A CPU runs a work-group on one core whatever its size: one work-item, no barriers to pay.
    ClDevice device = ctx.device();
    workGroup = device.cpu() ? 1 : (int) Math.min(256, device.maxWorkGroupSize());
    kernel = program.kernel(ctx, Phase.STRUCTURAL_PLASTICITY.kernelName());
    kernel.arg(SEED, seed).arg(KEY, plan.regrowthKey())
        .arg(PER_SOURCE, structural.mode() == Structural.Mode.PER_SOURCE ? 1 : 0)
        .arg(PRUNE_CODE, structural.threshold() ? -1 : pp)
        .arg(PRUNE_BELOW, structural.threshold() ? structural.pruneBelow() : 0f)
        .arg(PARAMS, d.params)
        .arg(REGROWTH_LOW, structural.regrowthLow()).arg(REGROWTH_HIGH, structural.regrowthHigh())
        .arg(ROWS, rows).arg(EXCLUDE_SAME_INDEX, plan.excludeSameIndex() ? 1 : 0)
        .arg(ROW_OFFSET, d.rowOffset).arg(COL_OFFSET, d.colOffset).arg(ACTIVE, d.active)
        .arg(SLOT_POS, d.slotPos).arg(ROW_COUNT, d.rowCount).arg(ROW_SYN, d.rowSyn)
        .arg(ROW_TARGET, d.rowTarget).arg(ROW_WEIGHT, d.rowWeight).arg(ROW_TO_COL, d.rowToCol)
        .arg(COL_COUNT, d.colCount).arg(COL_SYN, d.colSyn).arg(COL_SOURCE, d.colSource)
        .arg(COL_TO_ROW, d.colToRow).arg(ACTIVE_COUNT, d.activeCount)
        .arg(CANDIDATES, ctx.buffer(n + "candidates", 4L * potential))
        .arg(CHOSEN, ctx.buffer(n + "chosen", 4L * potential))
        .arg(SCRATCH_ROWS, ctx.buffer(n + "scratch_rows", 4L * (rows + 1)))
        .arg(SCRATCH_RANKS, ctx.buffer(n + "scratch_ranks", 4L * (rows + 1)))
        .arg(SCRATCH_PARTS, ctx.buffer(n + "scratch_parts", 4L * (workGroup + 1)))
        .arg(MARK, ctx.buffer(n + "mark", potential))
        .arg(STATS, stats)
        .arg(LOG_SLOT, logSlot).arg(LOG_WEIGHT, logWeight).arg(LOG_COUNT, logCount)
        .arg(LOG_CAPACITY, logCapacity)
        .local(SHARED, 8);
  }

  boolean dueAt(int step) {
    return structural.dueAt(step);
  }

  void enqueue(int step, int statsIndex) {
    kernel.arg(STEP, step).arg(STATS_INDEX, statsIndex).launch(workGroup, workGroup);
  }
}
