package dev.rewire.backend.opencl.step;

import dev.rewire.backend.SlotGeometry;
import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.ClKernel;
import dev.rewire.plan.Phase;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StructuralPlan;

/**
 * Host side of kernels/structural_plasticity.cl for the per-step engine (Java twin:
 * backend.java.StructuralPlasticity), one projection: a call is one launch of one work-group. Each
 * call writes (step, pruned, regrown, active) into the chunk's stats buffer and logs the changed
 * synapses.
 */
final class StructuralPlasticityKernel {
  private final ClKernel kernel;
  private final ClKernel.Arg step;
  private final ClKernel.Arg statsIndex;
  private final int workGroup;
  final ProjectionPlan plan;
  final SlotGeometry geometry;
  /** The chunk's changes: slots and weights, and how many entries are used. */
  final ClBuffer logSlot;
  final ClBuffer logWeight;
  final ClBuffer logCount;
  final int logCapacity;
  final StructuralPlan structural;

  /** The plan's {@code pp}-th potential projection, {@code p}. */
  StructuralPlasticityKernel(StepDevice d, ProjectionPlan p, int pp, ClBuffer stats,
      int chunkSteps) {
    plan = p;
    structural = p.structural();
    geometry = new SlotGeometry(p);
    String n = p.name() + ".";
    int potential = geometry.potentialCount();
    // Each call logs at most twice the potential set (all pruned, as many regrown).
    long calls = chunkSteps / structural.periodSteps() + 1;
    logCapacity = (int) Math.min(Integer.MAX_VALUE - 8, calls * 2 * potential);
    logSlot = d.ctx.buffer(n + "log_slot", 4L * logCapacity);
    logWeight = d.ctx.buffer(n + "log_weight", 4L * logCapacity);
    logCount = d.ctx.buffer(n + "log_count", 4);
    int rows = p.sourceSize();
    // A CPU runs a work-group on one core whatever its size: one work-item, no barriers to pay.
    ClDevice device = d.ctx.device();
    workGroup = device.cpu() ? 1 : (int) Math.min(256, device.maxWorkGroupSize());
    kernel = d.kernel(Phase.STRUCTURAL_PLASTICITY.kernelName());
    kernel.arg("pp", pp)
        .arg("candidates", d.ctx.buffer(n + "candidates", 4L * potential))
        .arg("chosen", d.ctx.buffer(n + "chosen", 4L * potential))
        .arg("scratch_rows", d.ctx.buffer(n + "scratch_rows", 4L * (rows + 1)))
        .arg("scratch_ranks", d.ctx.buffer(n + "scratch_ranks", 4L * (rows + 1)))
        .arg("scratch_parts", d.ctx.buffer(n + "scratch_parts", 4L * (workGroup + 1)))
        .arg("mark", d.ctx.buffer(n + "mark", potential))
        .arg("stats", stats)
        .arg("log_slot", logSlot).arg("log_weight", logWeight).arg("log_count", logCount)
        .arg("log_capacity", logCapacity)
        .local("shared", 8);
    step = kernel.arg("step");
    statsIndex = kernel.arg("stats_index");
  }

  boolean dueAt(int n) {
    return structural.dueAt(n);
  }

  void enqueue(int n, int index) {
    step.set(n);
    statsIndex.set(index);
    kernel.launch(workGroup, workGroup);
  }
}
