package dev.rewire.backend.opencl;

import dev.rewire.model.Receptor;
import dev.rewire.model.Structural;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape that the networks of a batch share on the resident engine (kernels/resident.cl): sizes,
 * projections and where each network's arrays keep what, written as the header of the kernel
 * source (RW_* constants and tables), and the layout of each network's parameters, which may
 * differ between networks. The constants are named here once; the header is their only other
 * spelling. Two plans can share a batch when their headers are equal and they run as many steps
 * of the same dt.
 */
final class ResidentShape {
  // Per-network float parameters: per group RW_FPG, per stepped input 1, per projection RW_FPP.
  static final int FPG = 8;
  static final int FPG_GL = 0;
  static final int FPG_EL = 1;
  static final int FPG_E_AMPA = 2;
  static final int FPG_E_GABA = 3;
  static final int FPG_VT = 4;
  static final int FPG_DT_OVER_C = 5;
  static final int FPG_DECAY_AMPA = 6;
  static final int FPG_DECAY_GABA = 7;
  // Per projection (from RW_FP_PROJ[p]): the regrowth weight range, the prune threshold, then the
  // rule's params.
  static final int FPP_REGROWTH_LOW = 0;
  static final int FPP_REGROWTH_HIGH = 1;
  static final int FPP_PRUNE_BELOW = 2;
  static final int FPP_PARAMS = 3;
  // Per-network int parameters: the seed, per group its refractory steps, per stepped input its
  // key, per projection (from RW_IP_PROJ[p]) its regrowth key, its mode and, per trace of its rule
  // (pre, then post), the offset and length of the trace's decay table in the batch's pool.
  static final int IP_SEED = 0;
  static final int IPP_KEY = 0;
  static final int IPP_PER_SOURCE = 1;
  static final int IPP_DECAY_AT = 2;
  // The kernel's local counters.
  static final int COUNT_SPIKES = 0;
  static final int COUNT_RECORD = 1;
  static final int COUNT_SHARED = 2;
  static final int COUNT_INPUT = 4;

  final Plan plan;
  final int neurons;
  final List<GroupPlan> groups;
  /** The inputs that drive a projection, in model order; the others are not stepped. */
  final List<InputPlan> stepped;
  final int[] inputFirst;
  final int inputSources;
  final List<ProjectionPlan> projections;
  /** The projections with a potential set, in model order. */
  final List<ProjectionPlan> potentials;
  final int[] potentialIndex;
  final int[] slotBase;
  final int[] rowBase;
  final int[] colBase;
  final int[] rowOffsetBase;
  final int[] colOffsetBase;
  final int[] traceValueBase;
  final int[] traceLastBase;
  final int[] staticRowBase;
  final int slots;
  final int rows;
  final int cols;
  final int traceValues;
  final int traceLasts;
  final int staticRowStarts;
  final int maxRows;
  final int fpGroup;
  final int fpInput;
  /** Per projection, where its float parameters start. */
  final int[] fpProjection;
  final int fparams;
  final int ipGroup;
  final int ipInput;
  /** Per projection, where its int parameters start. */
  final int[] ipProjection;
  final int iparams;
  /** Per potential projection, how many pre and post traces its rule has (0 without one). */
  final int[] preTraces;
  final int[] postTraces;
  final String header;

  ResidentShape(Plan plan) {
    this.plan = plan;
    neurons = plan.neuronCount();
    groups = plan.groups();
    stepped = plan.inputs().stream().filter(plan::drivesAProjection).toList();
    inputFirst = new int[stepped.size()];
    int sources = 0;
    for (int k = 0; k < stepped.size(); k++) {
      inputFirst[k] = sources;
      sources += stepped.get(k).size();
    }
    inputSources = sources;
    projections = plan.projections();
    potentials = plan.potentialProjections();
    int np = projections.size();
    int npp = potentials.size();
    potentialIndex = new int[np];
    staticRowBase = new int[np];
    slotBase = new int[npp];
    rowBase = new int[npp];
    colBase = new int[npp];
    rowOffsetBase = new int[npp];
    colOffsetBase = new int[npp];
    traceValueBase = new int[npp];
    traceLastBase = new int[npp];
    preTraces = new int[npp];
    postTraces = new int[npp];
    int s = 0;
    int r = 0;
    int c = 0;
    int tv = 0;
    int tl = 0;
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
      slotBase[pp] = s;
      rowBase[pp] = r;
      colBase[pp] = c;
      rowOffsetBase[pp] = r + pp;   // each projection's row_offset has rows + 1 entries
      colOffsetBase[pp] = c + pp;
      traceValueBase[pp] = tv;
      traceLastBase[pp] = tl;
      s += new dev.rewire.backend.SlotGeometry(p).potentialCount();
      r += p.sourceSize();
      c += p.targetSize();
      mr = Math.max(mr, p.sourceSize());
      if (p.plasticity() != null) {
        preTraces[pp] = p.plasticity().preTraces().size();
        postTraces[pp] = p.plasticity().postTraces().size();
        tv += preTraces[pp] * p.sourceSize() + postTraces[pp] * p.targetSize();
        tl += p.sourceSize() + p.targetSize();
      }
    }
    slots = s;
    rows = r;
    cols = c;
    traceValues = tv;
    traceLasts = tl;
    staticRowStarts = st;
    maxRows = mr;
    fpGroup = 0;
    fpInput = FPG * groups.size();
    fpProjection = new int[np];
    int f = fpInput + stepped.size();
    ipGroup = 1;
    ipInput = ipGroup + groups.size();
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

  /** Local memory a work-group needs, in bytes. */
  long localBytes() {
    return 12L * neurons + 4L * neurons + 16L * neurons + 4L * neurons + 8L * inputSources
        + 4L * traceValues + 4L * traceLasts + 4L * counts();
  }

  int counts() {
    return COUNT_INPUT + Math.max(1, stepped.size());
  }

  /** The float parameters of {@code p} (a plan of this shape), in this layout. */
  float[] fparams(Plan p) {
    float[] f = new float[fparams];
    for (int g = 0; g < groups.size(); g++) {
      GroupPlan gp = p.groups().get(g);
      int b = fpGroup + FPG * g;
      f[b + FPG_GL] = gp.gl();
      f[b + FPG_EL] = gp.el();
      f[b + FPG_E_AMPA] = gp.eAmpa();
      f[b + FPG_E_GABA] = gp.eGaba();
      f[b + FPG_VT] = gp.vt();
      f[b + FPG_DT_OVER_C] = gp.dtOverC();
      f[b + FPG_DECAY_AMPA] = gp.decayAmpa();
      f[b + FPG_DECAY_GABA] = gp.decayGaba();
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
   * of each trace's decay table in the batch's table pool (null without a rule).
   */
  int[] iparams(Plan p, int[][] tables) {
    int[] i = new int[iparams];
    i[IP_SEED] = p.seed();
    for (int g = 0; g < groups.size(); g++) {
      i[ipGroup + g] = p.groups().get(g).refractorySteps();
    }
    for (int k = 0; k < stepped.size(); k++) {
      i[ipInput + k] = p.inputs().get(stepped.get(k).index()).rngKey();
    }
    for (ProjectionPlan pr : p.projections()) {
      int b = ipProjection[pr.index()];
      i[b + IPP_KEY] = pr.regrowthKey();
      i[b + IPP_PER_SOURCE] = pr.structural() != null
          && pr.structural().mode() == Structural.Mode.PER_SOURCE ? 1 : 0;
      if (tables[pr.index()] != null) {
        System.arraycopy(tables[pr.index()], 0, i, b + IPP_DECAY_AT, tables[pr.index()].length);
      }
    }
    return i;
  }

  private String header() {
    StringBuilder h = new StringBuilder("// Shape of this batch (backend.opencl.ResidentShape)\n");
    define(h, "RW_N", neurons);
    define(h, "RW_GROUPS", groups.size());
    define(h, "RW_INPUTS", stepped.size());
    define(h, "RW_INPUT_SOURCES", inputSources);
    define(h, "RW_PROJECTIONS", projections.size());
    define(h, "RW_POTENTIALS", potentials.size());
    define(h, "RW_SLOTS", slots);
    define(h, "RW_ROWS", rows);
    define(h, "RW_COLS", cols);
    define(h, "RW_MAX_ROWS", maxRows);
    define(h, "RW_TRACE_VALUES", traceValues);
    define(h, "RW_TRACE_LASTS", traceLasts);
    define(h, "RW_STATIC_ROW_STARTS", staticRowStarts);
    define(h, "RW_FPARAMS", fparams);
    define(h, "RW_IPARAMS", iparams);
    define(h, "RW_FP_GROUP", fpGroup);
    define(h, "RW_FP_INPUT", fpInput);
    define(h, "RW_FPG", FPG);
    define(h, "RW_FPG_GL", FPG_GL);
    define(h, "RW_FPG_EL", FPG_EL);
    define(h, "RW_FPG_E_AMPA", FPG_E_AMPA);
    define(h, "RW_FPG_E_GABA", FPG_E_GABA);
    define(h, "RW_FPG_VT", FPG_VT);
    define(h, "RW_FPG_DT_OVER_C", FPG_DT_OVER_C);
    define(h, "RW_FPG_DECAY_AMPA", FPG_DECAY_AMPA);
    define(h, "RW_FPG_DECAY_GABA", FPG_DECAY_GABA);
    define(h, "RW_FPP_REGROWTH_LOW", FPP_REGROWTH_LOW);
    define(h, "RW_FPP_REGROWTH_HIGH", FPP_REGROWTH_HIGH);
    define(h, "RW_FPP_PRUNE_BELOW", FPP_PRUNE_BELOW);
    define(h, "RW_FPP_PARAMS", FPP_PARAMS);
    define(h, "RW_IP_SEED", IP_SEED);
    define(h, "RW_IP_GROUP", ipGroup);
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
    table(h, "RW_INPUT_FIRST", inputFirst);
    table(h, "RW_INPUT_SIZE", stepped.stream().mapToInt(InputPlan::size).toArray());
    int np = projections.size();
    int[] sourceInput = new int[np];
    int[] sourceStart = new int[np];
    int[] sourceSize = new int[np];
    int[] targetStart = new int[np];
    int[] targetSize = new int[np];
    int[] receptor = new int[np];
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
      receptor[k] = p.receptor() == Receptor.AMPA ? 0 : 1;
      rule[k] = p.plasticity() != null ? 1 : 0;
      exclude[k] = p.excludeSameIndex() ? 1 : 0;
    }
    table(h, "RW_SOURCE_INPUT", sourceInput);
    table(h, "RW_SOURCE_START", sourceStart);
    table(h, "RW_SOURCE_SIZE", sourceSize);
    table(h, "RW_TARGET_START", targetStart);
    table(h, "RW_TARGET_SIZE", targetSize);
    table(h, "RW_RECEPTOR", receptor);
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
    table(h, "RW_ROW_OFFSET_BASE", rowOffsetBase);
    table(h, "RW_COL_OFFSET_BASE", colOffsetBase);
    table(h, "RW_TRACE_VALUE_BASE", traceValueBase);
    table(h, "RW_TRACE_LAST_BASE", traceLastBase);
    table(h, "RW_PRE_TRACES", preTraces);
    int[] pruneCode = new int[potentials.size()];
    for (int pp = 0; pp < potentials.size(); pp++) {
      ProjectionPlan p = potentials.get(pp);
      pruneCode[pp] = p.structural() == null || p.structural().threshold() ? -1 : pp;
      // What the generated code depends on, so that only plans with the same code share a batch.
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
