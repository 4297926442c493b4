package dev.rewire.backend.opencl;

import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;

/** Host side of kernels/poisson_input.cl (Java twin: backend.java.PoissonInput), one input. */
final class PoissonInputKernel {
  private static final int NEXT_SPIKE = 0;
  private static final int SPIKES = 1;
  private static final int SPIKE_COUNT = 2;
  private static final int SIZE = 3;
  private static final int STEP = 4;
  private static final int SEED = 5;
  private static final int KEY = 6;
  private static final int INV_LOG_Q = 7;

  private final ClKernel kernel;
  private final InputPlan input;
  final ClBuffer spikes;
  final ClBuffer spikeCount;
  final ClBuffer nextSpike;

  PoissonInputKernel(ClContext ctx, ClProgram program, InputPlan in, int seed) {
    this.input = in;
    int[] next = new int[in.size()];
    for (int i = 0; i < next.length; i++) {
      next[i] = in.nextSpikeAfter(-1, i, seed);
    }
    nextSpike = ctx.buffer(in.name() + ".next_spike", next);
    spikes = ctx.buffer(in.name() + ".spikes", 4L * in.size());
    spikeCount = ctx.buffer(in.name() + ".spike_count", 4);
    kernel = program.kernel(ctx, Phase.POISSON_INPUT.kernelName());
    kernel.arg(NEXT_SPIKE, nextSpike).arg(SPIKES, spikes).arg(SPIKE_COUNT, spikeCount)
        .arg(SIZE, in.size()).arg(SEED, seed).arg(KEY, in.rngKey()).arg(INV_LOG_Q, in.invLogQ());
  }

  void enqueue(int step) {
    spikeCount.zeroFirstInt();
    kernel.arg(STEP, step).launch(input.size(), 0);
  }
}
