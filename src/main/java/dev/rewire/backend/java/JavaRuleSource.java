package dev.rewire.backend.java;

import dev.rewire.plan.RulePlan;
import dev.rewire.plan.StructuralPlan;
import dev.rewire.rule.Emit;
import dev.rewire.rule.Event;
import dev.rewire.rule.RExpr;
import java.util.List;

/**
 * The Java source of a {@link RuleCode} subclass: the pathways of {@link SynapsePre} and
 * {@link SynapsePost} with a rule's statements written in. Every expression is float arithmetic in
 * the rule's order (Java neither contracts nor widens float operations); the functions are
 * {@code RuleMath}'s. The class name is left as {@code $CLASS}.
 */
final class JavaRuleSource {
  private JavaRuleSource() {}

  /**
   * {@code activeOnly}: the synapses are an active-only set's, known by their row position (else by
   * slot).
   */
  static String body(RulePlan rule, StructuralPlan structural, boolean signedInput,
      boolean activeOnly) {
    StringBuilder b = new StringBuilder();
    int params = rule == null ? 0 : rule.params().length;
    for (int k = 0; k < params; k++) {
      b.append("  private final float p").append(k).append(";\n");
    }
    b.append("  $CLASS(float[] p) {\n");
    for (int k = 0; k < params; k++) {
      b.append("    p").append(k).append(" = p[").append(k).append("];\n");
    }
    b.append("  }\n");
    boolean lowList = structural != null && structural.threshold();
    if (rule == null) {
      b.append("  void onPre(PotentialSynapses s, LowList lows, int i, int step, InputSum input) {\n"
          + "    throw new UnsupportedOperationException();\n  }\n");
      b.append("  void onPost(PotentialSynapses s, LowList lows, int j, int step) {\n"
          + "    throw new UnsupportedOperationException();\n  }\n");
    } else {
      pathway(b, true, rule.onPre(), lowList, signedInput, activeOnly);
      pathway(b, false, rule.onPost(), lowList, signedInput, activeOnly);
    }
    b.append("  boolean prune(float w) {\n    return ")
        .append(structural == null ? "false" : expr(structural.prune())).append(";\n  }\n");
    return b.toString();
  }

  /** on_pre (pre = true: deliver, then the statements per row entry) or on_post (per column). */
  private static void pathway(StringBuilder b, boolean pre, Event e, boolean lowList,
      boolean signedInput, boolean activeOnly) {
    String n = pre ? "i" : "j";
    b.append(pre
        ? "  void onPre(PotentialSynapses s, LowList lows, int i, int step, InputSum input) {\n"
        : "  void onPost(PotentialSynapses s, LowList lows, int j, int step) {\n");
    b.append("    final Traces own = s.").append(pre ? "pre" : "post").append(";\n");
    boolean readsOwn = Emit.usesOwnTraces(e);
    if (readsOwn) {
      b.append("    final int age = step - own.last[").append(n).append("];\n");
      for (int k = 0; k < e.finalVersion().length; k++) {
        b.append("    final float o").append(k).append("_0 = dev.rewire.plan.Decay.apply(own.value[")
            .append(k).append("][").append(n).append("], age, own.decay[").append(k)
            .append("]);\n");
      }
    }
    for (Event.TraceDef d : e.traceDefs()) {
      b.append("    final float o").append(d.trace()).append('_').append(d.version()).append(" = ")
          .append(expr(d.value())).append(";\n");
    }
    if (e.writesTraces()) {
      for (int k = 0; k < e.finalVersion().length; k++) {
        b.append("    own.value[").append(k).append("][").append(n).append("] = o").append(k)
            .append('_').append(e.finalVersion()[k]).append(";\n");
      }
      b.append("    own.last[").append(n).append("] = step;\n");
    }
    boolean weights = !e.weightUpdates().isEmpty();
    if (!pre && !weights) {
      b.append("  }\n");
      return;
    }
    b.append("    final float[] weight = s.rowWeight;\n");
    if (weights) {
      b.append("    final Traces other = s.").append(pre ? "post" : "pre").append(";\n"
          + "    final int[] otherLast = other.last;\n");
      for (int k : Emit.otherTraces(e)) {
        b.append("    final float[] ov").append(k).append(" = other.value[").append(k)
            .append("];\n    final float[] od").append(k).append(" = other.decay[").append(k)
            .append("];\n");
      }
      if (lowList) {
        b.append("    final float low = s.pruneBelow;\n    final int[] lowSlots = lows.slot;\n"
            + "    final int full = lows.capacity;\n    int lowCount = lows.count;\n");
      }
    }
    if (pre) {
      b.append("    final int targetStart = s.plan.targetInGroup();\n"
          + (activeOnly ? "" : "    final int[] syn = s.rowSyn;\n")
          + "    final int[] tgt = s.rowTarget;\n"
          + "    final int first = s.rowOffset[i];\n    final int end = first + s.rowCount[i];\n");
      if (signedInput) { // rare: through the input's method
        b.append("    for (int k = first; k < end; k++) {\n"
            + "      input.addSigned(targetStart + tgt[k], weight[k]);\n    }\n");
      }
      if (!weights) {
        if (!signedInput) {
          b.append("    input.addRow(tgt, weight, first, end, targetStart);\n");
        }
        b.append("  }\n");
        return;
      }
      if (!signedInput) {
        // Each synapse delivers its weight before this event's update, in the rule's loop, with
        // the input's fields in locals (InputSum.addRow written in; a separate loop cost 5%).
        b.append("    final long[] inValue = input.value;\n"
            + "    final int inBase = input.base + targetStart;\n"
            + "    final int[] inList = input.touched;\n    int inCount = input.touchedCount;\n");
      }
      b.append("    for (int k = first; k < end; k++) {\n"
          + "      final int m = tgt[k];\n      final int r = k;\n      float w = weight[r];\n");
      if (!signedInput) {
        b.append("      final long fixed = dev.rewire.plan.FixedPoint.fromFloat(w);\n"
            + "      final long before = inValue[inBase + m];\n"
            + "      inValue[inBase + m] = before + fixed;\n"
            + "      inList[inCount] = targetStart + m;\n"
            + "      inCount += (int) (((before - 1) & -fixed) >>> 63);\n");
      }
    } else {
      b.append("    final int[] at = s.colToRow;\n"
          + (activeOnly ? "" : "    final int[] syn = s.colSyn;\n")
          + "    final int[] src = s.colSource;\n"
          + "    for (int k = s.colOffset[j], to = k + s.colCount[j]; k < to; k++) {\n"
          + "      final int m = src[k];\n      final int r = at[k];\n      float w = weight[r];\n");
    }
    if (weights) {
      List<Integer> others = Emit.otherTraces(e);
      if (!others.isEmpty()) {
        b.append("      final int a = step - otherLast[m];\n");
      }
      for (int k : others) {
        b.append("      final float x").append(k).append(" = a < od").append(k).append(".length ? ov")
            .append(k).append("[m] * od").append(k).append("[a] : 0.0f;\n");
      }
      for (RExpr u : e.weightUpdates()) {
        b.append("      w = ").append(expr(u)).append(";\n");
      }
      b.append("      if (!(w >= 0.0f && w < Float.POSITIVE_INFINITY)) {\n"
          + "        s.badWeight = true;\n      }\n"
          + "      weight[r] = w;\n");
      if (lowList) {
        // Listed when w < low, without a branch: the sign bit of w - low (exact for floats); the
        // count stops when the list is full (see LowList).
        b.append("      lowSlots[lowCount] = ").append(activeOnly ? "r" : "syn[k]").append(";\n"
            + "      lowCount = Math.min(lowCount + (Float.floatToRawIntBits(w - low) >>> 31), "
            + "full);\n");
      }
    }
    b.append("    }\n");
    if (pre && !signedInput) {
      b.append("    input.touchedCount = inCount;\n");
    }
    if (weights && lowList) {
      b.append("    lows.count = lowCount;\n");
    }
    b.append("  }\n");
  }

  /** Java for {@code e}: see {@link Emit}; the functions are {@link dev.rewire.rule.RuleMath}'s. */
  static String expr(RExpr e) {
    return Emit.expression(e, "dev.rewire.rule.RuleMath.");
  }
}
