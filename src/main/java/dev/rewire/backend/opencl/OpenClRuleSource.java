package dev.rewire.backend.opencl;

import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.RulePlan;
import dev.rewire.plan.StructuralPlan;
import dev.rewire.rule.Event;
import dev.rewire.rule.RExpr;
import dev.rewire.rule.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenCL C of a plan's plasticity rules, for both engines. Per potential projection pp with a
 * rule: its events as functions on private values ({@code rw_r<pp>_pre_event} gives the own
 * traces' new values and the versions the weight updates read, {@code rw_r<pp>_pre_weight} one
 * synapse's new weight; likewise post), and the rule's pathways: synapse_pre.cl and synapse_post.cl
 * again with {@code RW_Q} = pp and the rule's sizes defined, which gives the per-step kernels
 * {@code synapse_pre_r<pp>}, {@code synapse_post_r<pp>} and the resident engine's work-group
 * functions. Per projection whose prune condition is not a threshold: {@code rw_prune_<pp>}.
 * Dispatchers by pp ({@code rw_prune}, {@code rw_rule_pre_group}, {@code rw_rule_post_group})
 * let the engines' loops over projections call them. Every expression is float arithmetic in the
 * rule's order, as the Java backend's ({@code JavaRuleSource}); the program is built without
 * contraction and with correctly rounded division and sqrt.
 */
final class OpenClRuleSource {
  private OpenClRuleSource() {}

  /** What comes before the phase files: the rules' and prune conditions' functions. */
  static String functions(List<ProjectionPlan> potentials) {
    StringBuilder b = new StringBuilder("// Plasticity rules (backend.opencl.OpenClRuleSource)\n"
        + "#define RW_CAT3(a, b, c) a##b##c\n#define RW_XCAT3(a, b, c) RW_CAT3(a, b, c)\n"
        + "#define RW_RULE(name) RW_XCAT3(rw_r, RW_Q, _##name)\n"
        + "#define RW_KERNEL(name) RW_XCAT3(name, _r, RW_Q)\n");
    int maxParams = 1;
    for (int pp = 0; pp < potentials.size(); pp++) {
      ProjectionPlan p = potentials.get(pp);
      RulePlan r = p.plasticity();
      if (r != null) {
        maxParams = Math.max(maxParams, r.params().length);
        b.append("\n// ").append(p.name()).append(": on_pre\n");
        event(b, pp, "pre", r.onPre());
        b.append("// ").append(p.name()).append(": on_post\n");
        event(b, pp, "post", r.onPost());
      }
      StructuralPlan s = p.structural();
      if (s != null && !s.threshold()) {
        b.append("// ").append(p.name()).append(": structural.prune\n")
            .append("inline int rw_prune_").append(pp).append("(float w, const float *p) {\n")
            .append("    return ").append(expr(s.prune(), null)).append(";\n}\n");
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
   * What comes after the phase files: per rule, {@code phaseSources} (synapse_pre.cl and
   * synapse_post.cl) instantiated for it, then the work-group dispatchers.
   */
  static String pathways(List<ProjectionPlan> potentials, String phaseSources) {
    StringBuilder b = new StringBuilder();
    List<Integer> rules = new ArrayList<>();
    for (int pp = 0; pp < potentials.size(); pp++) {
      RulePlan r = potentials.get(pp).plasticity();
      if (r == null) {
        continue;
      }
      rules.add(pp);
      b.append("\n// The pathways of ").append(potentials.get(pp).name()).append("'s rule\n");
      define(b, "RW_Q", pp);
      define(b, "RW_PARAMS", r.params().length);
      define(b, "RW_PRE_TRACES", r.preTraces().size());
      define(b, "RW_POST_TRACES", r.postTraces().size());
      sizes(b, "PRE", r.onPre());
      sizes(b, "POST", r.onPost());
      b.append(phaseSources);
      for (String m : List.of("RW_Q", "RW_PARAMS", "RW_PRE_TRACES", "RW_POST_TRACES")) {
        b.append("#undef ").append(m).append('\n');
      }
      for (String side : List.of("PRE", "POST")) {
        for (String m : List.of("READS_OWN", "WRITES", "WEIGHTS", "SNAPS")) {
          b.append("#undef RW_").append(side).append('_').append(m).append('\n');
        }
      }
    }
    for (String side : List.of("pre", "post")) {
      String args = side.equals("pre")
          ? "spikes, spike_count, source_start, source_size, input_start, target_size, "
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
      + "const int input_start, const int target_size, __global const int *row_offset, "
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

  private static void sizes(StringBuilder b, String side, Event e) {
    boolean readsOwn = e.writesTraces() || !snapshots(e).isEmpty();
    define(b, "RW_" + side + "_READS_OWN", readsOwn ? 1 : 0);
    define(b, "RW_" + side + "_WRITES", e.writesTraces() ? 1 : 0);
    define(b, "RW_" + side + "_WEIGHTS", e.weightUpdates().isEmpty() ? 0 : 1);
    define(b, "RW_" + side + "_SNAPS", snapshots(e).size());
  }

  /**
   * {@code rw_r<pp>_<side>_event(o, s, p)}: o holds the own traces decayed to the event's step
   * and gets their values to store; s gets the versions the weight updates read.
   * {@code rw_r<pp>_<side>_weight(w, x, s, p)}: one synapse's new weight, x the other side's
   * traces decayed to the event's step.
   */
  private static void event(StringBuilder b, int pp, String side, Event e) {
    List<RExpr.Own> snaps = snapshots(e);
    b.append("inline void rw_r").append(pp).append('_').append(side)
        .append("_event(float *o, float *s, const float *p) {\n");
    for (int k = 0; k < e.finalVersion().length; k++) {
      b.append("    const float o").append(k).append("_0 = o[").append(k).append("];\n");
    }
    for (Event.TraceDef d : e.traceDefs()) {
      b.append("    const float o").append(d.trace()).append('_').append(d.version())
          .append(" = ").append(expr(d.value(), null)).append(";\n");
    }
    for (int m = 0; m < snaps.size(); m++) {
      b.append("    s[").append(m).append("] = o").append(snaps.get(m).trace()).append('_')
          .append(snaps.get(m).version()).append(";\n");
    }
    for (int k = 0; k < e.finalVersion().length; k++) {
      b.append("    o[").append(k).append("] = o").append(k).append('_')
          .append(e.finalVersion()[k]).append(";\n");
    }
    b.append("}\n");
    b.append("inline float rw_r").append(pp).append('_').append(side)
        .append("_weight(float w, const float *x, const float *s, const float *p) {\n");
    for (RExpr u : e.weightUpdates()) {
      b.append("    w = ").append(expr(u, snaps)).append(";\n");
    }
    b.append("    return w;\n}\n");
  }

  /** The own-trace versions the weight updates read, in a fixed order. */
  private static List<RExpr.Own> snapshots(Event e) {
    java.util.TreeSet<RExpr.Own> set = new java.util.TreeSet<>(
        java.util.Comparator.comparingInt(RExpr.Own::trace).thenComparingInt(RExpr.Own::version));
    for (RExpr u : e.weightUpdates()) {
      Walk.collect(u, RExpr.Own.class, set);
    }
    return List.copyOf(set);
  }

  private static void define(StringBuilder b, String name, int value) {
    b.append(String.format(Locale.ROOT, "#define %s %d%n", name, value));
  }

  /**
   * C for {@code e}: float operations in the tree's order, fully parenthesised. Own traces are
   * their version locals in an event function ({@code snaps} null), snapshots in a weight one.
   */
  static String expr(RExpr e, List<RExpr.Own> snaps) {
    if (e instanceof RExpr.Const c) {
      return Float.toHexString(c.value()) + "f";
    } else if (e instanceof RExpr.Param p) {
      return "p[" + p.index() + "]";
    } else if (e instanceof RExpr.W) {
      return "w";
    } else if (e instanceof RExpr.Own o) {
      return snaps == null ? "o" + o.trace() + "_" + o.version() : "s[" + snaps.indexOf(o) + "]";
    } else if (e instanceof RExpr.Other o) {
      return "x[" + o.trace() + "]";
    } else if (e instanceof RExpr.Neg n) {
      return "(-" + expr(n.operand(), snaps) + ")";
    } else if (e instanceof RExpr.Not n) {
      return "(!" + expr(n.operand(), snaps) + ")";
    } else if (e instanceof RExpr.Arith a) {
      return "(" + expr(a.left(), snaps) + " " + a.op() + " " + expr(a.right(), snaps) + ")";
    } else if (e instanceof RExpr.Compare c) {
      return "(" + expr(c.left(), snaps) + " " + c.op() + " " + expr(c.right(), snaps) + ")";
    } else if (e instanceof RExpr.Logic l) {
      return "(" + expr(l.left(), snaps) + (l.and() ? " && " : " || ") + expr(l.right(), snaps)
          + ")";
    }
    RExpr.Call c = (RExpr.Call) e;
    List<RExpr> a = c.args();
    if (c.function() == dev.rewire.rule.Function.WHERE) {
      return "(" + expr(a.get(0), snaps) + " ? " + expr(a.get(1), snaps) + " : "
          + expr(a.get(2), snaps) + ")";
    }
    StringBuilder s = new StringBuilder("rw_rule_").append(c.function().ruleName()).append('(');
    for (int k = 0; k < a.size(); k++) {
      s.append(k == 0 ? "" : ", ").append(expr(a.get(k), snaps));
    }
    return s.append(')').toString();
  }
}
