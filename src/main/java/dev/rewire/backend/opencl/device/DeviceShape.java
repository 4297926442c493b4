package dev.rewire.backend.opencl.device;

import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.ReceptorPlan;
import dev.rewire.plan.StateLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the kernels of both OpenCL engines are compiled for: the sizes of a network, where each of
 * its state layout's arrays lies in its pack ({@link StateLayout}), the tables that say which
 * projection feeds which receptor, and the layout of the per-network parameters (the models'
 * constants, the inputs' rates, the rules' params), written as the header of the program (RW_*
 * constants and tables). The constants are named here once; the header is their only other
 * spelling. Networks whose headers are equal run the same code, so they can share a batch, and
 * the per-step engine is a batch of one.
 */
public final class DeviceShape {
  // Per-network float parameters: dt, per group its model's constants, per stepped input one
  // value, per projection RW_FPP values and its rule's params.
  public static final int FP_DT = 0;
  public static final int FPP_REGROWTH_LOW = 0;
  public static final int FPP_REGROWTH_HIGH = 1;
  public static final int FPP_PRUNE_BELOW = 2;
  public static final int FPP_PARAMS = 3;
  // Per-network int parameters: the seed; per group its refractory steps and noise key; per
  // stepped input its key; per projection its regrowth key, its mode and, per trace of its rule
  // (pre, then post), the offset and length of the trace's decay table in the batch's pool.
  public static final int IP_SEED = 0;
  public static final int IPG = 2;
  public static final int IPG_REFRACTORY = 0;
  public static final int IPG_NOISE_KEY = 1;
  public static final int IPP_KEY = 0;
  public static final int IPP_PER_SOURCE = 1;
  public static final int IPP_DECAY_AT = 2;
  // The resident kernel's local counters.
  public static final int COUNT_SPIKES = 0;
  public static final int COUNT_RECORD = 1;
  public static final int COUNT_SHARED = 2;
  public static final int COUNT_INPUT = 4;

  public final Plan plan;
  public final StateLayout layout;
  public final int neurons;
  public final List<GroupPlan> groups;
  /** The inputs that drive a projection, in model order; the others are not stepped. */
  public final List<InputPlan> stepped;
  /** Per stepped input, where its sources start in the next_spike pack. */
  public final int[] inputFirst;
  public final int inputSources;
  public final List<ProjectionPlan> projections;
  /** The projections with a potential set, in model order. */
  public final List<ProjectionPlan> potentials;
  public final int[] potentialIndex;
  /** Per potential projection, where its arrays start in the slot packs, row_count, col_count. */
  public final int[] slotBase;
  public final int[] rowBase;
  public final int[] colBase;
  public final int[] traceValueBase;
  public final int[] traceLastBase;
  /** Per potential projection, how many pre and post traces its rule has (0 without one). */
  public final int[] preTraces;
  public final int[] postTraces;
  public final int[] staticRowBase;
  public final int staticRowStarts;
  public final int maxRows;
  /** Per group, where its constants start in the float parameters. */
  public final int[] fpGroup;
  public final int fpInput;
  /** Per projection, where its float parameters start. */
  public final int[] fpProjection;
  public final int fparams;
  public final int ipGroup;
  public final int ipInput;
  /** Per projection, where its int parameters start. */
  public final int[] ipProjection;
  public final int iparams;
  public final String header;

  public DeviceShape(Plan plan) {
    this.plan = plan;
    this.layout = plan.layout();
    neurons = plan.neuronCount();
    groups = plan.groups();
    stepped = plan.steppedInputs();
    inputFirst = new int[stepped.size()];
    for (int k = 0; k < stepped.size(); k++) {
      inputFirst[k] = (int) layout.entry("inputs." + stepped.get(k).name() + ".next_spike")
          .offset();
    }
    inputSources = (int) layout.packLength("next_spike");
    projections = plan.projections();
    potentials = plan.potentialProjections();
    int np = projections.size();
    int npp = potentials.size();
    potentialIndex = new int[np];
    staticRowBase = new int[np];
    slotBase = new int[npp];
    rowBase = new int[npp];
    colBase = new int[npp];
    traceValueBase = new int[npp];
    traceLastBase = new int[npp];
    preTraces = new int[npp];
    postTraces = new int[npp];
    int st = 0;
    int mr = 0;
    for (ProjectionPlan p : projections) {
      int pp = potentials.indexOf(p);
      potentialIndex[p.index()] = pp;
      if (pp < 0) {
        staticRowBase[p.index()] = st;
        st += p.sourceSize() + 1;
        continue;
      }
      slotBase[pp] = at(p.array("row_weight"));
      rowBase[pp] = at(p.array("row_count"));
      colBase[pp] = at(p.array("col_count"));
      mr = Math.max(mr, p.sourceSize());
      if (p.plasticity() != null) {
        preTraces[pp] = p.plasticity().preTraces().size();
        postTraces[pp] = p.plasticity().postTraces().size();
        String first = preTraces[pp] > 0 ? "pre." + p.plasticity().preTraces().get(0)
            : postTraces[pp] > 0 ? "post." + p.plasticity().postTraces().get(0) : null;
        traceValueBase[pp] = first == null ? 0 : at(p.array(first));
        traceLastBase[pp] = at(p.array("pre_last"));
      }
    }
    staticRowStarts = st;
    maxRows = mr;
    fpGroup = new int[groups.size()];
    int f = FP_DT + 1;
    for (GroupPlan g : groups) {
      fpGroup[g.index()] = f;
      f += g.code().constantCount();
    }
    fpInput = f;
    f += stepped.size();
    fpProjection = new int[np];
    ipGroup = IP_SEED + 1;
    ipInput = ipGroup + IPG * groups.size();
    ipProjection = new int[np];
    int i = ipInput + stepped.size();
    for (ProjectionPlan p : projections) {
      fpProjection[p.index()] = f;
      f += FPP_PARAMS + (p.plasticity() == null ? 0 : p.plasticity().params().length);
      ipProjection[p.index()] = i;
      i += IPP_DECAY_AT + (p.plasticity() == null ? 0
          : 2 * (p.plasticity().preTraces().size() + p.plasticity().postTraces().size()));
    }
    fparams = f;
    iparams = i;
    header = header();
  }

  /** Where layout entry {@code name} starts in its pack. */
  public int at(String name) {
    return (int) layout.entry(name).offset();
  }

  /** Elements of {@code pack} per network. */
  public int pack(String pack) {
    return (int) layout.packLength(pack);
  }

  /** Local memory a work-group of the resident engine needs, in bytes. */
  public long localBytes() {
    return 4L * Math.max(1, pack("neuron_f")) + 4L * Math.max(1, pack("neuron_i"))
        + 8L * Math.max(1, pack("input")) + 4L * neurons + 8L * Math.max(1, inputSources)
        + 4L * Math.max(1, pack("trace_f")) + 4L * Math.max(1, pack("trace_i"))
        + 4L * counts();
  }

  public int counts() {
    return COUNT_INPUT + Math.max(1, stepped.size());
  }

  /** The float parameters of {@code p} (a plan of this shape), in this layout. */
  public float[] fparams(Plan p) {
    float[] f = new float[fparams];
    f[FP_DT] = (float) p.dtMs();
    for (GroupPlan g : p.groups()) {
      System.arraycopy(g.constants(), 0, f, fpGroup[g.index()], g.constants().length);
    }
    for (int k = 0; k < stepped.size(); k++) {
      f[fpInput + k] = p.inputs().get(stepped.get(k).index()).invLogQ();
    }
    for (ProjectionPlan pr : p.projections()) {
      int b = fpProjection[pr.index()];
      if (pr.structural() != null) {
        f[b + FPP_REGROWTH_LOW] = pr.structural().regrowthLow();
        f[b + FPP_REGROWTH_HIGH] = pr.structural().regrowthHigh();
        f[b + FPP_PRUNE_BELOW] = pr.structural().threshold() ? pr.structural().pruneBelow() : 0f;
      }
      if (pr.plasticity() != null) {
        float[] params = pr.plasticity().params();
        System.arraycopy(params, 0, f, b + FPP_PARAMS, params.length);
      }
    }
    return f;
  }

  /**
   * The int parameters of {@code p}; {@code tables} gives, per projection, the offset and length
   * of each trace's decay table in the pool (null without a rule).
   */
  public int[] iparams(Plan p, int[][] tables) {
    int[] i = new int[iparams];
    i[IP_SEED] = p.seed();
    for (GroupPlan g : p.groups()) {
      i[ipGroup + IPG * g.index() + IPG_REFRACTORY] = g.refractorySteps();
      i[ipGroup + IPG * g.index() + IPG_NOISE_KEY] = g.noiseKey();
    }
    for (int k = 0; k < stepped.size(); k++) {
      i[ipInput + k] = p.inputs().get(stepped.get(k).index()).rngKey();
    }
    for (ProjectionPlan pr : p.projections()) {
      int b = ipProjection[pr.index()];
      i[b + IPP_KEY] = pr.regrowthKey();
      i[b + IPP_PER_SOURCE] = pr.structural() != null && pr.structural().perSource() ? 1 : 0;
      if (tables[pr.index()] != null) {
        System.arraycopy(tables[pr.index()], 0, i, b + IPP_DECAY_AT, tables[pr.index()].length);
      }
    }
    return i;
  }

  private String header() {
    StringBuilder h = new StringBuilder("// Shape of these networks (backend.opencl.device."
        + "DeviceShape)\n");
    define(h, "RW_N", neurons);
    define(h, "RW_INPUTS", stepped.size());
    define(h, "RW_INPUT_SOURCES", inputSources);
    define(h, "RW_PROJECTIONS", projections.size());
    define(h, "RW_POTENTIALS", potentials.size());
    for (String pack : List.of("neuron_f", "neuron_i", "input", "next_spike", "trace_f",
        "trace_i")) {
      define(h, "RW_PACK_" + pack.toUpperCase(Locale.ROOT), pack(pack));
    }
    define(h, "RW_SLOTS", pack("active"));
    define(h, "RW_ROWS", pack("row_count"));
    define(h, "RW_COLS", pack("col_count"));
    define(h, "RW_MAX_ROWS", maxRows);
    define(h, "RW_STATIC_ROW_STARTS", staticRowStarts);
    define(h, "RW_FPARAMS", fparams);
    define(h, "RW_IPARAMS", iparams);
    define(h, "RW_FP_DT", FP_DT);
    define(h, "RW_FP_INPUT", fpInput);
    define(h, "RW_FPP_REGROWTH_LOW", FPP_REGROWTH_LOW);
    define(h, "RW_FPP_REGROWTH_HIGH", FPP_REGROWTH_HIGH);
    define(h, "RW_FPP_PRUNE_BELOW", FPP_PRUNE_BELOW);
    define(h, "RW_FPP_PARAMS", FPP_PARAMS);
    define(h, "RW_IP_SEED", IP_SEED);
    define(h, "RW_IP_GROUP", ipGroup);
    define(h, "RW_IPG", IPG);
    define(h, "RW_IPG_REFRACTORY", IPG_REFRACTORY);
    define(h, "RW_IPG_NOISE_KEY", IPG_NOISE_KEY);
    define(h, "RW_IP_INPUT", ipInput);
    define(h, "RW_IPP_KEY", IPP_KEY);
    define(h, "RW_IPP_PER_SOURCE", IPP_PER_SOURCE);
    define(h, "RW_IPP_DECAY_AT", IPP_DECAY_AT);
    define(h, "RW_COUNT_SPIKES", COUNT_SPIKES);
    define(h, "RW_COUNT_RECORD", COUNT_RECORD);
    define(h, "RW_COUNT_SHARED", COUNT_SHARED);
    define(h, "RW_COUNT_INPUT", COUNT_INPUT);
    define(h, "RW_COUNTS", counts());
    table(h, "RW_GROUP_OFFSET", groups.stream().mapToInt(GroupPlan::offset).toArray());
    table(h, "RW_GROUP_SIZE", groups.stream().mapToInt(GroupPlan::size).toArray());
    table(h, "RW_FP_GROUP", fpGroup);
    for (GroupPlan g : groups) {
      // What the generated code depends on, so that only plans with the same code share it.
      h.append("// model of group ").append(g.name()).append(":\n");
      for (String line : g.code().shape().split("\n")) {
        h.append("//   ").append(line).append('\n');
      }
    }
    List<ReceptorPlan> receptors = plan.receptors();
    int[] receptorAt = new int[receptors.size()];
    for (ReceptorPlan r : receptors) {
      GroupPlan g = groups.get(r.group());
      receptorAt[r.index()] = at(g.array("input." + g.variables().get(r.variable())));
    }
    table(h, "RW_RECEPTOR_AT", receptorAt);
    table(h, "RW_RECEPTOR_SLOTS", receptors.stream().mapToInt(ReceptorPlan::slots).toArray());
    table(h, "RW_RECEPTOR_SIZE", receptors.stream().mapToInt(ReceptorPlan::size).toArray());
    table(h, "RW_INPUT_FIRST", inputFirst);
    table(h, "RW_INPUT_SIZE", stepped.stream().mapToInt(InputPlan::size).toArray());
    int np = projections.size();
    int[] sourceInput = new int[np];
    int[] sourceStart = new int[np];
    int[] sourceSize = new int[np];
    int[] targetStart = new int[np];
    int[] targetSize = new int[np];
    int[] targetInGroup = new int[np];
    int[] receptor = new int[np];
    int[] delay = new int[np];
    int[] rule = new int[np];
    int[] exclude = new int[np];
    for (ProjectionPlan p : projections) {
      int k = p.index();
      sourceInput[k] = p.sourceIsInput() ? stepped.indexOf(plan.inputs().get(p.sourceInput()))
          : -1;
      sourceStart[k] = p.sourceStart();
      sourceSize[k] = p.sourceSize();
      targetStart[k] = p.targetStart();
      targetSize[k] = p.targetSize();
      targetInGroup[k] = p.targetInGroup();
      receptor[k] = p.receptor();
      delay[k] = p.delaySteps();
      rule[k] = p.plasticity() != null ? 1 : 0;
      exclude[k] = p.excludeSameIndex() ? 1 : 0;
    }
    table(h, "RW_SOURCE_INPUT", sourceInput);
    table(h, "RW_SOURCE_START", sourceStart);
    table(h, "RW_SOURCE_SIZE", sourceSize);
    table(h, "RW_TARGET_START", targetStart);
    table(h, "RW_TARGET_SIZE", targetSize);
    table(h, "RW_TARGET_IN_GROUP", targetInGroup);
    table(h, "RW_RECEPTOR", receptor);
    table(h, "RW_DELAY", delay);
    table(h, "RW_HAS_RULE", rule);
    table(h, "RW_FP_PROJ", fpProjection);
    table(h, "RW_IP_PROJ", ipProjection);
    table(h, "RW_EXCLUDE_SAME_INDEX", exclude);
    table(h, "RW_POTENTIAL_INDEX", potentialIndex);
    table(h, "RW_STATIC_ROW_BASE", staticRowBase);
    table(h, "RW_POTENTIAL_PROJECTION", potentials.stream().mapToInt(ProjectionPlan::index)
        .toArray());
    table(h, "RW_SLOT_BASE", slotBase);
    table(h, "RW_ROW_BASE", rowBase);
    table(h, "RW_COL_BASE", colBase);
    int[] rowOffsetBase = new int[potentials.size()];
    int[] colOffsetBase = new int[potentials.size()];
    for (int pp = 0; pp < potentials.size(); pp++) {
      rowOffsetBase[pp] = rowBase[pp] + pp; // each projection's row_offset has rows + 1 entries
      colOffsetBase[pp] = colBase[pp] + pp;
    }
    table(h, "RW_ROW_OFFSET_BASE", rowOffsetBase);
    table(h, "RW_COL_OFFSET_BASE", colOffsetBase);
    table(h, "RW_TRACE_VALUE_BASE", traceValueBase);
    table(h, "RW_TRACE_LAST_BASE", traceLastBase);
    table(h, "RW_PRE_TRACES", preTraces);
    int[] pruneCode = new int[potentials.size()];
    for (int pp = 0; pp < potentials.size(); pp++) {
      ProjectionPlan p = potentials.get(pp);
      pruneCode[pp] = p.structural() == null || p.structural().threshold() ? -1 : pp;
      if (p.plasticity() != null) {
        h.append("// rule of ").append(p.name()).append(": ")
            .append(p.plasticity().shape().replace("\n", " | ")).append('\n');
      }
      if (pruneCode[pp] >= 0) {
        h.append("// prune of ").append(p.name()).append(": ").append(p.structural().prune())
            .append('\n');
      }
    }
    table(h, "RW_PRUNE_CODE", pruneCode);
    // The host splits launches at structural calls: networks of a batch share their periods.
    h.append("// structural periods (steps):");
    for (ProjectionPlan p : potentials) {
      h.append(' ').append(p.structural() == null ? 0 : p.structural().periodSteps());
    }
    h.append('\n');
    return h.toString();
  }

  private static void define(StringBuilder h, String name, int value) {
    h.append(String.format(Locale.ROOT, "#define %s %d%n", name, value));
  }

  /** A constant table; an empty one gets a dummy entry (C has no empty arrays). */
  private static void table(StringBuilder h, String name, int[] values) {
    List<String> v = new ArrayList<>();
    for (int x : values) {
      v.add(Integer.toString(x));
    }
    h.append("__constant int ").append(name).append("[] = {")
        .append(v.isEmpty() ? "0" : String.join(", ", v)).append("};\n");
  }
}
