package dev.rewire.backend.opencl.device;

import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.RulePlan;
import dev.rewire.plan.StructuralPlan;
import dev.rewire.rule.Emit;
import dev.rewire.rule.Event;
import dev.rewire.rule.RExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenCL C of a plan's plasticity rules, for both engines. A rule's pathways are
 * synapse_pre.cl and synapse_post.cl built once more per rule, with {@code RW_Q} = the projection's
 * index among those with a potential set and the rule's statements defined as macros of scalar
 * code ({@code RW_LOAD}: params and decay tables; {@code RW_PRE_OWN}/{@code RW_PRE_STORE}: the
 * spiking neuron's own traces; {@code RW_PRE_OTHER}, {@code RW_PRE_WEIGHT}: one synapse; likewise
 * POST), so a rule compiles as hand-written code would: no arrays, every value a local. The row
 * and column code is built for global and local traces ({@link Space}); then come the per-step
 * kernels {@code synapse_pre_r<pp>}, {@code synapse_post_r<pp>} and the resident engine's
 * work-group functions. Per projection whose prune condition is not a threshold:
 * {@code rw_prune_<pp>}. Dispatchers by pp ({@code rw_prune}, {@code rw_rule_pre_group},
 * {@code rw_rule_post_group}) let the engines' loops over projections call them. Every expression
 * is float arithmetic in the rule's order, as the Java backend's ({@code JavaRuleSource}); the
 * program is built without contraction and with correctly rounded division and sqrt.
 */
final class RuleSource {
  private RuleSource() {}

  /** What comes before the phase files: the rules' and prune conditions' functions. */
  static String functions(List<ProjectionPlan> potentials) {
    StringBuilder b = new StringBuilder("// Plasticity rules (backend.opencl.device.RuleSource)\n"
        + "#define RW_RULE(name) RW_XCAT3(rw_r, RW_Q, _##name)\n"
        + "#define RW_KERNEL(name) RW_XCAT3(name, _r, RW_Q)\n");
    int maxParams = 1;
    for (int pp = 0; pp < potentials.size(); pp++) {
      ProjectionPlan p = potentials.get(pp);
      RulePlan r = p.plasticity();
      if (r != null) {
        maxParams = Math.max(maxParams, r.params().length);
      }
      StructuralPlan s = p.structural();
      if (s != null && !s.threshold()) {
        b.append("// ").append(p.name()).append(": structural.prune\n")
            .append("inline int rw_prune_").append(pp).append("(float w, const float *p) {\n");
        for (int k = 0; k < (r == null ? 0 : r.params().length); k++) {
          b.append("    const float p").append(k).append(" = p[").append(k).append("];\n");
        }
        b.append("    return ").append(expr(s.prune())).append(";\n}\n");
      }
    }
    b.append(String.format(Locale.ROOT, "#define RW_MAX_PARAMS %d%n", maxParams));
    b.append("\n// Whether potential projection pp prunes a synapse of weight w (a condition that "
        + "is not a threshold).\ninline int rw_prune(int pp, float w, const float *p) {\n"
        + "    switch (pp) {\n");
    for (int pp = 0; pp < potentials.size(); pp++) {
      StructuralPlan s = potentials.get(pp).structural();
      if (s != null && !s.threshold()) {
        b.append("    case ").append(pp).append(": return rw_prune_").append(pp)
            .append("(w, p);\n");
      }
    }
    return b.append("    default: return 0;\n    }\n}\n").toString();
  }

  /**
   * Per rule, {@code phaseSources} (synapse_pre.cl and synapse_post.cl) instantiated for it: its
   * row and column code for both memories, then its kernels and work-group functions.
   */
  static String pathways(List<ProjectionPlan> potentials, String phaseSources) {
    StringBuilder b = new StringBuilder();
    for (int pp = 0; pp < potentials.size(); pp++) {
      RulePlan r = potentials.get(pp).plasticity();
      if (r == null) {
        continue;
      }
      b.append("\n// The pathways of ").append(potentials.get(pp).name()).append("'s rule\n");
      define(b, "RW_Q", pp);
      define(b, "RW_PRE_TRACES", r.preTraces().size());
      define(b, "RW_POST_TRACES", r.postTraces().size());
      macros(b, r);
      for (Space space : Space.values()) {
        b.append(space.instantiate(phaseSources));
      }
      b.append(phaseSources);
      for (String m : List.of("RW_Q", "RW_PRE_TRACES", "RW_POST_TRACES", "RW_LOAD")) {
        b.append("#undef ").append(m).append('\n');
      }
      for (String side : List.of("PRE", "POST")) {
        for (String m : List.of("READS_OWN", "WRITES", "WEIGHTS", "OWN", "STORE", "OTHER",
            "WEIGHT")) {
          b.append("#undef RW_").append(side).append('_').append(m).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** The resident engine's calls of potential projection pp's rule pathways, by a work-group. */
  static String dispatchers(List<ProjectionPlan> potentials) {
    StringBuilder b = new StringBuilder();
    List<Integer> rules = new ArrayList<>();
    for (int pp = 0; pp < potentials.size(); pp++) {
      if (potentials.get(pp).plasticity() != null) {
        rules.add(pp);
      }
    }
    for (String side : List.of("pre", "post")) {
      String args = side.equals("pre")
          ? "spikes, spike_count, source_start, source_size, target_size, "
              + "row_offset, row_count, row_target, row_weight, input, step, pre_value, pre_last, "
              + "post_value, post_last, decay, decay_at, params, bad"
          : "spikes, spike_count, target_start, target_size, source_size, col_offset, col_count, "
              + "col_source, col_to_row, row_weight, step, pre_value, pre_last, post_value, "
              + "post_last, decay, decay_at, params, bad";
      b.append("\n// The ").append(side).append(" pathway of potential projection pp's rule, "
          + "by a work-group.\n").append("inline void rw_rule_").append(side)
          .append("_group(int pp, ").append(side.equals("pre") ? PRE_GROUP_PARAMS : POST_GROUP_PARAMS)
          .append(") {\n    switch (pp) {\n");
      for (int pp : rules) {
        b.append("    case ").append(pp).append(": rw_r").append(pp).append("_synapse_")
            .append(side).append("_group(").append(args).append("); break;\n");
      }
      b.append("    default: break;\n    }\n}\n");
    }
    return b.toString();
  }

  private static final String PRE_GROUP_PARAMS = "__local const int *spikes, "
      + "const int spike_count, const int source_start, const int source_size, "
      + "const int target_size, __global const int *row_offset, "
      + "__global const int *row_count, __global const int *row_target, "
      + "__global float *row_weight, __local long *input, const int step, "
      + "__local float *pre_value, __local int *pre_last, __local const float *post_value, "
      + "__local const int *post_last, __global const float *decay, "
      + "__global const int *decay_at, __global const float *params, __global int *bad";

  private static final String POST_GROUP_PARAMS = "__local const int *spikes, "
      + "const int spike_count, const int target_start, const int target_size, "
      + "const int source_size, __global const int *col_offset, __global const int *col_count, "
      + "__global const int *col_source, __global const int *col_to_row, "
      + "__global float *row_weight, const int step, __local const float *pre_value, "
      + "__local const int *pre_last, __local float *post_value, __local int *post_last, "
      + "__global const float *decay, __global const int *decay_at, "
      + "__global const float *params, __global int *bad";

  /**
   * The macros of rule {@code r}: RW_LOAD(params, decay_at) declares p<k> (the params) and, per
   * trace (pre, then post), d<t> and n<t> (its decay table's offset and length); per side,
   * RW_X_OWN(value, size, i, age) declares the own traces' versions (o<k>_0 decayed to the step,
   * then each statement's), RW_X_STORE(value, size, i) stores the final versions,
   * RW_X_OTHER(value, size, m, age) declares the other side's traces x<k> that the weight
   * updates read, decayed to the step, and RW_X_WEIGHT applies them to w.
   */
  private static void macros(StringBuilder b, RulePlan r) {
    int pre = r.preTraces().size();
    int post = r.postTraces().size();
    StringBuilder load = new StringBuilder("#define RW_LOAD(params, decay_at)");
    for (int k = 0; k < r.params().length; k++) {
      load.append(" const float p").append(k).append(" = (params)[").append(k).append("];");
    }
    for (int t = 0; t < pre + post; t++) {
      load.append(" const int d").append(t).append(" = (decay_at)[").append(2 * t)
          .append("]; const int n").append(t).append(" = (decay_at)[").append(2 * t + 1)
          .append("];");
    }
    b.append(load).append('\n');
    side(b, "PRE", r.onPre(), 0, pre);
    side(b, "POST", r.onPost(), pre, 0);
  }

  /** One side's macros; its own traces' tables are from {@code ownBase}, the other's {@code otherBase}. */
  private static void side(StringBuilder b, String side, Event e, int ownBase, int otherBase) {
    List<Integer> others = Emit.otherTraces(e);
    boolean readsOwn = Emit.usesOwnTraces(e);
    define(b, "RW_" + side + "_READS_OWN", readsOwn ? 1 : 0);
    define(b, "RW_" + side + "_WRITES", e.writesTraces() ? 1 : 0);
    define(b, "RW_" + side + "_WEIGHTS", e.weightUpdates().isEmpty() ? 0 : 1);
    StringBuilder own = new StringBuilder("#define RW_" + side + "_OWN(value, size, i, age)");
    for (int k = 0; k < e.finalVersion().length; k++) {
      own.append(" const float o").append(k).append("_0 = rw_decay((value)[").append(k)
          .append(" * (size) + (i)], age, decay + d").append(ownBase + k).append(", n")
          .append(ownBase + k).append(");");
    }
    for (Event.TraceDef d : e.traceDefs()) {
      own.append(" const float o").append(d.trace()).append('_').append(d.version())
          .append(" = ").append(expr(d.value())).append(';');
    }
    b.append(own).append('\n');
    StringBuilder store = new StringBuilder("#define RW_" + side + "_STORE(value, size, i)");
    for (int k = 0; k < e.finalVersion().length; k++) {
      store.append(" (value)[").append(k).append(" * (size) + (i)] = o").append(k).append('_')
          .append(e.finalVersion()[k]).append(';');
    }
    b.append(store).append('\n');
    StringBuilder other = new StringBuilder("#define RW_" + side + "_OTHER(value, size, m, age)");
    for (int k : others) {
      other.append(" const float x").append(k).append(" = rw_decay((value)[").append(k)
          .append(" * (size) + (m)], age, decay + d").append(otherBase + k).append(", n")
          .append(otherBase + k).append(");");
    }
    b.append(other).append('\n');
    StringBuilder weight = new StringBuilder("#define RW_" + side + "_WEIGHT");
    for (RExpr u : e.weightUpdates()) {
      weight.append(" w = ").append(expr(u)).append(';');
    }
    b.append(weight).append('\n');
  }

  private static void define(StringBuilder b, String name, int value) {
    b.append(String.format(Locale.ROOT, "#define %s %d%n", name, value));
  }

  /** C for {@code e}: see {@link Emit}; the functions are kernels/rule_math.cl's. */
  static String expr(RExpr e) {
    return Emit.expression(e, "rw_rule_");
  }
}
