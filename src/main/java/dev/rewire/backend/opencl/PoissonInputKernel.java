package dev.rewire.backend.opencl;

import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;

/**
 * Host side of kernels/poisson_input.cl (Java twins: backend.java.PoissonInput, and
 * StaticSynapses.deliver for the projections the input drives), one input of the per-step engine.
 */
final class PoissonInputKernel {
  // Arguments, in the order of the signature.
  private static final int NEXT_SPIKE = 0;
  private static final int SIZE = 1;
  private static final int STEP = 2;
  private static final int SEED = 3;
  private static final int KEY = 4;
  private static final int INV_LOG_Q = 5;
  private static final int ROW_START = 6;
  private static final int TARGET = 7;
  private static final int FIXED_WEIGHT = 8;
  private static final int INPUT = 9;

  private final ClKernel kernel;
  private final InputPlan input;
  final ClBuffer nextSpike;

  /** {@code pathway}: the static projections the input drives, merged. */
  PoissonInputKernel(ClContext ctx, ClProgram program, InputPlan in, int seed,
      StaticPathway pathway, ClBuffer conductanceInput) {
    this.input = in;
    int[] next = new int[in.size()];
    for (int i = 0; i < next.length; i++) {
      next[i] = in.nextSpikeAfter(-1, i, seed);
    }
    String n = in.name() + ".";
    nextSpike = ctx.buffer(n + "next_spike", next);
    kernel = program.kernel(ctx, Phase.POISSON_INPUT.kernelName());
    kernel.arg(NEXT_SPIKE, nextSpike).arg(SIZE, in.size()).arg(SEED, seed)
        .arg(KEY, in.rngKey()).arg(INV_LOG_Q, in.invLogQ())
        .arg(ROW_START, ctx.buffer(n + "row_start", pathway.rowStart()))
        .arg(TARGET, ctx.buffer(n + "target", pathway.target()))
        .arg(FIXED_WEIGHT, ctx.buffer(n + "fixed_weight", pathway.fixedWeight()))
        .arg(INPUT, conductanceInput);
  }

  void enqueue(int step) {
    kernel.arg(STEP, step).launch(input.size(), 0);
  }
}
