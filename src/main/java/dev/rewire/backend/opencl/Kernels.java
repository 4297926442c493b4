package dev.rewire.backend.opencl;

import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;

/**
 * The per-step engine's program for a plan: the shared helpers, the plan's plasticity rules
 * ({@link OpenClRuleSource}), one file per phase, and the rules' pathways. Kernel names come from
 * {@link Phase#kernelName()}, with a suffix for a phase's secondary kernels (the static on-pre
 * pathway) and for a rule's ({@link #rule}).
 */
final class Kernels {
  /** The static-projection variant of {@link Phase#SYNAPSE_PRE}, in kernels/synapse_pre.cl. */
  static final String SYNAPSE_PRE_STATIC = Phase.SYNAPSE_PRE.kernelName() + "_static";

  static final String[] HELPERS = {"philox.cl", "spikes.cl", "stdp.cl", "rule_math.cl"};

  private Kernels() {}

  static ClProgram build(ClContext ctx, Plan plan) {
    return ctx.build("rewire kernels", source(plan));
  }

  /** Helpers, rules, phase files, rule pathways: what both engines' programs start with. */
  static String source(Plan plan) {
    StringBuilder src = new StringBuilder();
    for (String helper : HELPERS) {
      src.append(KernelSource.read(helper)).append('\n');
    }
    src.append(OpenClRuleSource.functions(plan.potentialProjections())).append('\n');
    for (Phase phase : Phase.values()) {
      src.append(KernelSource.read(phase.kernelName() + ".cl")).append('\n');
    }
    String pathways = KernelSource.read(Phase.SYNAPSE_PRE.kernelName() + ".cl") + '\n'
        + KernelSource.read(Phase.SYNAPSE_POST.kernelName() + ".cl") + '\n';
    src.append(OpenClRuleSource.pathways(plan.potentialProjections(), pathways));
    return src.toString();
  }

  /** The kernel of {@code phase} for the rule of the plan's pp-th potential projection. */
  static String rule(Phase phase, int pp) {
    return phase.kernelName() + "_r" + pp;
  }
}
