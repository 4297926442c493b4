package dev.rewire.backend.opencl;

import dev.rewire.plan.Phase;

/**
 * The per-step engine's program: the shared helpers and one file per phase, built together. Kernel
 * names come from {@link Phase#kernelName()}, with a suffix for a phase's secondary kernels (the
 * static on-pre pathway).
 */
final class Kernels {
  /** The static-projection variant of {@link Phase#SYNAPSE_PRE}, in kernels/synapse_pre.cl. */
  static final String SYNAPSE_PRE_STATIC = Phase.SYNAPSE_PRE.kernelName() + "_static";

  private static final String[] HELPERS = {"philox.cl", "spikes.cl", "stdp.cl"};

  private Kernels() {}

  static ClProgram build(ClContext ctx) {
    StringBuilder src = new StringBuilder();
    for (String helper : HELPERS) {
      src.append(KernelSource.read(helper)).append('\n');
    }
    for (Phase phase : Phase.values()) {
      src.append(KernelSource.read(phase.kernelName() + ".cl")).append('\n');
    }
    return ctx.build("rewire kernels", src.toString());
  }
}
