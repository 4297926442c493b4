package dev.rewire.backend.opencl;

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
  private static final int THRESHOLD = 4;
  private static final int REGROWTH_WEIGHT = 5;
  private static final int ROWS = 6;
  private static final int EXCLUDE_SAME_INDEX = 7;
  private static final int ROW_OFFSET = 8;
  private static final int COL_OFFSET = 9;
  private static final int ACTIVE = 10;
  private static final int SLOT_POS = 11;
  private static final int ROW_COUNT = 12;
  private static final int ROW_SYN = 13;
  private static final int ROW_TARGET = 14;
  private static final int ROW_WEIGHT = 15;
  private static final int ROW_TO_COL = 16;
  private static final int COL_COUNT = 17;
  private static final int COL_SYN = 18;
  private static final int COL_SOURCE = 19;
  private static final int COL_TO_ROW = 20;
  private static final int ACTIVE_COUNT = 21;
  private static final int PRUNED = 22;
  private static final int CHOSEN = 23;
  private static final int MARK = 24;
  private static final int STATS = 25;
  private static final int STATS_INDEX = 26;

  private final ClKernel kernel;
  final ProjectionPlan plan;
  final StructuralPlan structural;

  StructuralPlasticityKernel(ClContext ctx, ClProgram program, DevicePotentialSet d, int seed,
      ClBuffer stats) {
    plan = d.plan;
    structural = plan.structural();
    String n = plan.name() + ".";
    kernel = program.kernel(ctx, Phase.STRUCTURAL_PLASTICITY.kernelName());
    kernel.arg(SEED, seed).arg(KEY, plan.regrowthKey())
        .arg(PER_SOURCE, structural.mode() == Structural.Mode.PER_SOURCE ? 1 : 0)
        .arg(THRESHOLD, structural.threshold()).arg(REGROWTH_WEIGHT, structural.regrowthWeight())
        .arg(ROWS, plan.sourceSize()).arg(EXCLUDE_SAME_INDEX, plan.excludeSameIndex() ? 1 : 0)
        .arg(ROW_OFFSET, d.rowOffset).arg(COL_OFFSET, d.colOffset).arg(ACTIVE, d.active)
        .arg(SLOT_POS, d.slotPos).arg(ROW_COUNT, d.rowCount).arg(ROW_SYN, d.rowSyn)
        .arg(ROW_TARGET, d.rowTarget).arg(ROW_WEIGHT, d.rowWeight).arg(ROW_TO_COL, d.rowToCol)
        .arg(COL_COUNT, d.colCount).arg(COL_SYN, d.colSyn).arg(COL_SOURCE, d.colSource)
        .arg(COL_TO_ROW, d.colToRow).arg(ACTIVE_COUNT, d.activeCount)
        .arg(PRUNED, ctx.buffer(n + "pruned", 4L * d.potentialCount))
        .arg(CHOSEN, ctx.buffer(n + "chosen", 4L * d.potentialCount))
        .arg(MARK, ctx.buffer(n + "mark", d.potentialCount))
        .arg(STATS, stats);
  }

  boolean dueAt(int step) {
    return structural.dueAt(step);
  }

  void enqueue(int step, int statsIndex) {
    kernel.arg(STEP, step).arg(STATS_INDEX, statsIndex).launch(1, 1);
  }
}
