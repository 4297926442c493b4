package dev.rewire.backend.opencl;

import dev.rewire.backend.SlotGeometry;
import dev.rewire.model.Structural;
import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StructuralPlan;

/**
 * Host side of kernels/structural_plasticity.cl (Java twin: backend.java.StructuralPlasticity), one
 * projection. Each call writes (step, pruned, regrown, active) into the chunk's stats buffer.
 */
final class StructuralPlasticityKernel {
  private static final int STEP = 0;
  private static final int SEED = 1;
  private static final int KEY = 2;
  private static final int PER_SOURCE = 3;
  private static final int REGROWTH_WEIGHT = 4;
  private static final int ROWS = 5;
  private static final int EXCLUDE_SAME_INDEX = 6;
  private static final int ROW_OFFSET = 7;
  private static final int COL_OFFSET = 8;
  private static final int ACTIVE = 9;
  private static final int SLOT_POS = 10;
  private static final int ROW_COUNT = 11;
  private static final int ROW_SYN = 12;
  private static final int ROW_TARGET = 13;
  private static final int ROW_WEIGHT = 14;
  private static final int ROW_TO_COL = 15;
  private static final int COL_COUNT = 16;
  private static final int COL_SYN = 17;
  private static final int COL_SOURCE = 18;
  private static final int COL_TO_ROW = 19;
  private static final int ACTIVE_COUNT = 20;
  private static final int FLAG = 21;
  private static final int POSITION = 22;
  private static final int PRUNED = 23;
  private static final int CHOSEN = 24;
  private static final int MARK = 25;
  private static final int STATS = 26;
  private static final int STATS_INDEX = 27;
  private static final int LOG_SLOT = 28;
  private static final int LOG_WEIGHT = 29;
  private static final int LOG_COUNT = 30;
  private static final int LOG_CAPACITY = 31;
  // structural_mark
  private static final int M_POTENTIAL = 0;
  private static final int M_THRESHOLD = 1;
  private static final int M_ACTIVE = 2;
  private static final int M_SLOT_POS = 3;
  private static final int M_ROW_WEIGHT = 4;
  private static final int M_FLAG = 5;
  // structural_compact
  private static final int C_POTENTIAL = 0;
  private static final int C_FLAG = 1;
  private static final int C_POSITION = 2;
  private static final int C_PRUNED = 3;

  private final ClKernel kernel;
  private final ClKernel mark;
  private final ClKernel compact;
  private final Scan scan;
  private final ClBuffer flag;
  private final ClBuffer position;
  private final int potential;
  final ProjectionPlan plan;
  final SlotGeometry geometry;
  /** The chunk's changes: slots and weights, and how many entries are used. */
  final ClBuffer logSlot;
  final ClBuffer logWeight;
  final ClBuffer logCount;
  final int logCapacity;
  final StructuralPlan structural;

  StructuralPlasticityKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, int seed,
      ClBuffer stats, int chunkSteps) {
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
    potential = d.potentialCount;
    flag = ctx.buffer(n + "prune_flag", 4L * potential);
    position = ctx.buffer(n + "prune_position", 4L * potential);
    ClBuffer pruned = ctx.buffer(n + "pruned", 4L * potential);
    scan = new Scan(ctx, program, n + "prune", potential);
    mark = program.kernel(ctx, Phase.STRUCTURAL_PLASTICITY.kernelName() + "_mark");
    mark.arg(M_POTENTIAL, potential).arg(M_THRESHOLD, structural.threshold())
        .arg(M_ACTIVE, d.active).arg(M_SLOT_POS, d.slotPos).arg(M_ROW_WEIGHT, d.rowWeight)
        .arg(M_FLAG, flag);
    compact = program.kernel(ctx, Phase.STRUCTURAL_PLASTICITY.kernelName() + "_compact");
    compact.arg(C_POTENTIAL, potential).arg(C_FLAG, flag).arg(C_POSITION, position)
        .arg(C_PRUNED, pruned);
    kernel = program.kernel(ctx, Phase.STRUCTURAL_PLASTICITY.kernelName());
    kernel.arg(SEED, seed).arg(KEY, plan.regrowthKey())
        .arg(PER_SOURCE, structural.mode() == Structural.Mode.PER_SOURCE ? 1 : 0)
        .arg(REGROWTH_WEIGHT, structural.regrowthWeight())
        .arg(ROWS, plan.sourceSize()).arg(EXCLUDE_SAME_INDEX, plan.excludeSameIndex() ? 1 : 0)
        .arg(ROW_OFFSET, d.rowOffset).arg(COL_OFFSET, d.colOffset).arg(ACTIVE, d.active)
        .arg(SLOT_POS, d.slotPos).arg(ROW_COUNT, d.rowCount).arg(ROW_SYN, d.rowSyn)
        .arg(ROW_TARGET, d.rowTarget).arg(ROW_WEIGHT, d.rowWeight).arg(ROW_TO_COL, d.rowToCol)
        .arg(COL_COUNT, d.colCount).arg(COL_SYN, d.colSyn).arg(COL_SOURCE, d.colSource)
        .arg(COL_TO_ROW, d.colToRow).arg(ACTIVE_COUNT, d.activeCount)
        .arg(FLAG, flag).arg(POSITION, position).arg(PRUNED, pruned)
        .arg(LOG_SLOT, logSlot).arg(LOG_WEIGHT, logWeight).arg(LOG_COUNT, logCount)
        .arg(LOG_CAPACITY, logCapacity)
        .arg(CHOSEN, ctx.buffer(n + "chosen", 4L * d.potentialCount))
        .arg(MARK, ctx.buffer(n + "mark", d.potentialCount))
        .arg(STATS, stats);
  }

  boolean dueAt(int step) {
    return structural.dueAt(step);
  }

  /** Mark, scan and compact the candidates in parallel, then the serial regrowth and edits. */
  void enqueue(int step, int statsIndex) {
    mark.launch(potential, 0);
    scan.enqueue(flag, position, potential);
    compact.launch(potential, 0);
    kernel.arg(STEP, step).arg(STATS_INDEX, statsIndex).launch(1, 1);
  }
}
