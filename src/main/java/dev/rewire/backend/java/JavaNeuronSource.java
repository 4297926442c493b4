package dev.rewire.backend.java;

import dev.rewire.neuron.NeuronCode;
import dev.rewire.rule.Emit;
import dev.rewire.rule.RExpr;
import dev.rewire.rule.Walk;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java source of a {@link NeuronModelCode} subclass for a neuron model's {@link NeuronCode}:
 * the update as one loop over the group's neurons (old values into locals {@code y<k>}, the
 * temporaries {@code t<k>} in order, the new values stored), the spike candidate flag of each
 * neuron, the exact threshold and the reset. Every expression is float arithmetic in the model's
 * order ({@link Emit}); the functions are {@code RuleMath}'s. The class name is left as
 * {@code $CLASS}.
 */
final class JavaNeuronSource {
  private JavaNeuronSource() {}

  static String body(NeuronCode code) {
    int vars = code.variables().size();
    int pn = code.perNeuron().size();
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < code.constantCount(); k++) {
      b.append("  private final float k").append(k).append("; // ")
          .append(code.constantText(k)).append('\n');
    }
    for (int k = 0; k < vars; k++) {
      b.append("  private final float[] a").append(k).append("; // ")
          .append(code.variables().get(k)).append('\n');
    }
    for (int k = 0; k < pn; k++) {
      b.append("  private final float[] p").append(k).append("; // ")
          .append(code.perNeuron().get(k)).append('\n');
    }
    b.append("  private final int[] last;\n  private final int refractory;\n"
        + "  private final int seed;\n  private final int key;\n"
        + "  private final int[] scratch = new int[4];\n");
    b.append("  $CLASS(float[] k, float[][] a, float[][] p, int[] last, int refractory, int seed, "
        + "int key) {\n");
    for (int k = 0; k < code.constantCount(); k++) {
      b.append("    k").append(k).append(" = k[").append(k).append("];\n");
    }
    for (int k = 0; k < vars; k++) {
      b.append("    a").append(k).append(" = a[").append(k).append("];\n");
    }
    for (int k = 0; k < pn; k++) {
      b.append("    p").append(k).append(" = p[").append(k).append("];\n");
    }
    b.append("    this.last = last;\n    this.refractory = refractory;\n    this.seed = seed;\n"
        + "    this.key = key;\n  }\n");
    integrate(b, code);
    b.append("  boolean fires(int i, int step, float t_ms) {\n");
    locals(b, code, "    final ");
    b.append("    return ").append(expr(code.threshold())).append(";\n  }\n");
    b.append("  void reset(int i, int step, float t_ms) {\n");
    locals(b, code, "    ");
    List<Integer> assigned = new ArrayList<>();
    for (NeuronCode.Assignment a : code.reset()) {
      b.append("    y").append(a.variable()).append(" = ").append(expr(a.value())).append(";\n");
      if (!assigned.contains(a.variable())) {
        assigned.add(a.variable());
      }
    }
    for (int k : assigned) {
      b.append("    a").append(k).append("[i] = y").append(k).append(";\n");
    }
    return b.append("  }\n").toString();
  }

  /**
   * The update loop. A clamped variable is stored unconditionally (the caller puts back the values
   * of the refractory neurons), unless the update itself reads the refractory flag (a Runge–Kutta
   * stage), in which case the loop holds it.
   */
  private static void integrate(StringBuilder b, NeuronCode code) {
    int vars = code.variables().size();
    boolean refr = code.readsRefractory();
    b.append("  void integrate(int from, int to, int step, float t_ms, float[] above) {\n");
    for (int k = 0; k < vars; k++) {
      b.append("    final float[] a").append(k).append(" = this.a").append(k).append(";\n");
    }
    for (int k = 0; k < code.perNeuron().size(); k++) {
      b.append("    final float[] p").append(k).append(" = this.p").append(k).append(";\n");
    }
    for (int k = 0; k < code.constantCount(); k++) {
      b.append("    final float k").append(k).append(" = this.k").append(k).append(";\n");
    }
    b.append("    final float[] out = above;\n    for (int i = from; i < to; i++) {\n");
    for (int k = 0; k < vars; k++) {
      b.append("      final float y").append(k).append(" = a").append(k).append("[i];\n");
    }
    for (int k = 0; k < code.perNeuron().size(); k++) {
      b.append("      final float q").append(k).append(" = p").append(k).append("[i];\n");
    }
    if (refr) {
      b.append("      final boolean refr = step - last[i] < refractory;\n");
    }
    for (int k = 0; k < code.noises(); k++) {
      b.append("      final float n").append(k).append(" = dev.rewire.random.Normal.draw(step, i, ")
          .append(k).append(", seed, key, scratch);\n");
    }
    for (int t = 0; t < code.temps().size(); t++) {
      b.append("      final float t").append(t).append(" = ").append(expr(code.temps().get(t)))
          .append(";\n");
    }
    for (int k = 0; k < vars; k++) {
      int t = code.next(k);
      if (t < 0) {
        continue;
      }
      b.append("      a").append(k).append("[i] = ")
          .append(refr && code.clamped(k) ? "refr ? y" + k + " : t" + t : "t" + t).append(";\n");
    }
    b.append("      ").append(candidate(code)).append("\n    }\n  }\n");
  }

  /**
   * The spike candidate flag of neuron i after its update: for a threshold a > b (or a < b),
   * d + |d| with d = a - b (b - a), which is +0 exactly when it fails and is not NaN (x - y is 0
   * only when x = y, and -x + x is +0); the caller then tests the threshold itself. This is a
   * branch-free vector operation. Any other threshold gives 1 or 0.
   */
  private static String candidate(NeuronCode code) {
    RExpr th = Walk.replace(code.threshold(), e -> e instanceof RExpr.Var v
        && code.next(v.index()) >= 0 ? new RExpr.Temp(code.next(v.index())) : null);
    if (th instanceof RExpr.Compare c && (c.op().equals(">") || c.op().equals("<"))) {
      RExpr hi = c.op().equals(">") ? c.left() : c.right();
      RExpr lo = c.op().equals(">") ? c.right() : c.left();
      return "final float d = " + expr(hi) + " - " + expr(lo) + ";\n      out[i] = d + "
          + "Math.abs(d);";
    }
    return "out[i] = " + expr(th) + " ? 1.0f : 0.0f;";
  }

  /** Locals y<k> (and q<k>) of neuron i's variables and per-neuron params. */
  private static void locals(StringBuilder b, NeuronCode code, String modifiers) {
    for (int k = 0; k < code.variables().size(); k++) {
      b.append(modifiers).append("float y").append(k).append(" = a").append(k)
          .append("[i];\n");
    }
    for (int k = 0; k < code.perNeuron().size(); k++) {
      b.append("    final float q").append(k).append(" = p").append(k).append("[i];\n");
    }
  }

  static String expr(RExpr e) {
    return Emit.expression(e, "dev.rewire.rule.RuleMath.");
  }
}
