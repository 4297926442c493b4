package dev.rewire.backend.opencl.device;

import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClProgram;
import dev.rewire.backend.opencl.cl.KernelSource;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;

/**
 * The program both OpenCL engines run for networks of one {@link DeviceShape}: the shape's header,
 * the shared helpers, the plan's neuron models ({@link NeuronSource}) and plasticity rules
 * ({@link RuleSource}), then each phase file: first its per-element code for global and local
 * memory ({@link Space}), then its per-step kernels and the resident engine's work-group functions,
 * then kernels/resident.cl. Kernel names come from {@link Phase#kernelName()}, with a suffix for a
 * phase's secondary kernels and for a group's or a rule's ({@link #group}, {@link #rule}).
 */
public final class DeviceProgram {
  /** The static-projection variants of {@link Phase#SYNAPSE_PRE}, in kernels/synapse_pre.cl. */
  public static final String SYNAPSE_PRE_STATIC = Phase.SYNAPSE_PRE.kernelName() + "_static";
  public static final String SYNAPSE_PRE_RING = Phase.SYNAPSE_PRE.kernelName() + "_ring";
  /** State sampling, in kernels/neuron_update.cl. */
  public static final String NEURON_UPDATE_SAMPLE = Phase.NEURON_UPDATE.kernelName() + "_sample";
  public static final String RESIDENT = "resident";
  public static final String RESIDENT_PACK = "resident_pack";

  private static final String[] HELPERS = {"philox.cl", "spikes.cl", "stdp.cl", "rule_math.cl"};

  /** Token pasting for the names the files make (RW_GFN, RW_SPACED, ...). */
  private static final String MACROS = """
      #define RW_CAT2(a, b) a##b
      #define RW_XCAT2(a, b) RW_CAT2(a, b)
      #define RW_CAT3(a, b, c) a##b##c
      #define RW_XCAT3(a, b, c) RW_CAT3(a, b, c)
      #define RW_CAT4(a, b, c, d) a##b##c##d
      #define RW_XCAT4(a, b, c, d) RW_CAT4(a, b, c, d)
      #define RW_SPACED(name) RW_XCAT2(name, RW_SUFFIX)
      #define RW_GFN(name, suffix) RW_XCAT4(name, _, RW_G, suffix)
      #define RW_GKERNEL(name) RW_XCAT3(name, _g, RW_G)
      """;

  private DeviceProgram() {}

  /**
   * Builds the program of {@code shape}; {@code serial}: the resident engine runs one work-item
   * per work-group (its local counters need no atomics).
   */
  public static ClProgram build(ClContext ctx, DeviceShape shape, boolean serial) {
    return ctx.build("rewire kernels", source(shape, serial));
  }

  static String source(DeviceShape shape, boolean serial) {
    StringBuilder src = new StringBuilder(shape.header);
    if (serial) {
      src.append("#define RW_SERIAL 1\n");
    }
    src.append(MACROS);
    for (String helper : HELPERS) {
      src.append(KernelSource.read(helper)).append('\n');
    }
    src.append(RuleSource.functions(shape.potentials)).append('\n');
    src.append(NeuronSource.functions(shape)).append('\n');
    String poisson = KernelSource.read(Phase.POISSON_INPUT.kernelName() + ".cl");
    String pre = KernelSource.read(Phase.SYNAPSE_PRE.kernelName() + ".cl");
    String post = KernelSource.read(Phase.SYNAPSE_POST.kernelName() + ".cl");
    for (Space space : Space.values()) {
      src.append(space.instantiate(poisson + '\n' + pre)).append('\n');
    }
    src.append(RuleSource.pathways(shape.potentials, pre + '\n' + post + '\n'));
    src.append(KernelSource.read(Phase.STRUCTURAL_PLASTICITY.kernelName() + ".cl")).append('\n');
    src.append(pre).append('\n').append(poisson).append('\n');
    String update = KernelSource.read(Phase.NEURON_UPDATE.kernelName() + ".cl");
    for (GroupPlan g : shape.groups) {
      src.append("#define RW_G ").append(g.index()).append('\n').append(update)
          .append("\n#undef RW_G\n");
    }
    src.append(update).append('\n');
    src.append(NeuronSource.dispatcher(shape));
    src.append(RuleSource.dispatchers(shape.potentials));
    src.append(KernelSource.read(RESIDENT + ".cl"));
    return src.toString();
  }

  /** The per-step kernel of {@code phase} for group {@code group}. */
  public static String group(Phase phase, int group) {
    return phase.kernelName() + "_g" + group;
  }

  /** The kernel of {@code phase} for the rule of the plan's pp-th potential projection. */
  public static String rule(Phase phase, int pp) {
    return phase.kernelName() + "_r" + pp;
  }
}
