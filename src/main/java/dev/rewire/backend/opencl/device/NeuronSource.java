package dev.rewire.backend.opencl.device;

import dev.rewire.neuron.NeuronCode;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ReceptorPlan;
import dev.rewire.rule.Emit;
import dev.rewire.rule.RExpr;
import dev.rewire.rule.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The OpenCL C of a plan's neuron models (twin of {@code backend.java.JavaNeuronSource}): per group
 * g, {@code rw_neuron_update_<g>} (the input that arrived added to the receptor variables, then the
 * model's update of neuron i, all right-hand sides from the old values, a clamped variable of a
 * refractory neuron held) and {@code rw_neuron_spike_<g>} (the threshold and reset of a neuron that
 * is not refractory), each for global and local memory ({@link Space}), over the neuron_f,
 * neuron_i and input packs at the layout's offsets; and the resident engine's dispatcher by group.
 * Every expression is float arithmetic in the model's order ({@link Emit}); the functions are
 * kernels/rule_math.cl's.
 */
final class NeuronSource {
  private NeuronSource() {}

  /** The per-neuron functions of every group, for both memories. */
  static String functions(DeviceShape shape) {
    StringBuilder b = new StringBuilder("// Neuron models (backend.opencl.device.NeuronSource)\n");
    for (GroupPlan g : shape.groups) {
      String text = update(shape, g) + spike(shape, g);
      for (Space s : Space.values()) {
        b.append(s.instantiate(text));
      }
    }
    return b.toString();
  }

  /**
   * The resident engine's neuron update: each group's work-group function
   * (kernels/neuron_update.cl) in turn, as straight-line calls (a loop over a switch by group
   * makes PoCL's work-group loop pass fail an assertion).
   */
  static String dispatcher(DeviceShape shape) {
    StringBuilder b = new StringBuilder("\n// The neuron update of every group, by a work-group.\n"
        + "inline void rw_neuron_update_groups(__local float *neuron_f, __local int *neuron_i, "
        + "__local long *input, __global const float *fp, __global const int *ip, "
        + "__local int *spikes, __local int *spike_count, __global int *record, "
        + "__local int *record_count, const int record_capacity, const int step) {\n");
    for (GroupPlan g : shape.groups) {
      b.append("    rw_neuron_update_group_").append(g.index()).append("(neuron_f, neuron_i, "
          + "input, fp, ip, spikes, spike_count, record, record_count, record_capacity, step);\n");
    }
    return b.append("}\n").toString();
  }

  private static String update(DeviceShape shape, GroupPlan g) {
    NeuronCode code = g.code();
    Plan plan = shape.plan;
    int n = g.index();
    StringBuilder b = new StringBuilder();
    b.append("\n// Group ").append(g.name()).append(": the update of neuron i.\n");
    for (int k = 0; k < code.constantCount(); k++) {
      b.append("//   k").append(k).append(" = ").append(code.constantText(k)).append('\n');
    }
    b.append("inline void RW_SPACED(rw_neuron_update_").append(n).append(")(RW_SPACE float *nf, "
        + "RW_SPACE const int *ni, RW_SPACE long *in, const int i, const int step, "
        + "const float t_ms, __global const float *k, const int refractory, const uint seed, "
        + "const uint key) {\n");
    boolean refr = code.anyClamped() || code.readsRefractory();
    if (refr) {
      b.append("    const int refr = step - ni[").append(shape.at(g.array("lastspike")))
          .append(" + i] < refractory;\n");
    }
    loadVariables(b, shape, g);
    for (ReceptorPlan r : plan.receptors()) {
      if (r.group() != n) {
        continue;
      }
      int at = shape.at(g.array("input." + g.variables().get(r.variable())));
      String slot = r.slots() == 1 ? "" : " + ((step + " + (r.slots() - 1) + ") % " + r.slots()
          + ") * " + r.size();
      b.append("    {   // input to ").append(g.variables().get(r.variable())).append('\n')
          .append("        RW_SPACE long *x = in + ").append(at).append(slot).append(" + i;\n")
          .append("        const long a = *x;\n        *x = 0;\n")
          .append("        y").append(r.variable()).append(" = a != 0 ? y").append(r.variable())
          .append(" + (float)a * 0x1p-32f : y").append(r.variable()).append(";\n    }\n");
    }
    loadPerNeuron(b, shape, g);
    List<RExpr> all = new ArrayList<>(code.temps());
    loadConstants(b, all);
    for (int k = 0; k < code.noises(); k++) {
      b.append("    const float n").append(k).append(" = rw_normal(step, i, ").append(k)
          .append(", seed, key);\n");
    }
    for (int t = 0; t < code.temps().size(); t++) {
      b.append("    const float t").append(t).append(" = ").append(expr(code.temps().get(t)))
          .append(";\n");
    }
    for (int v = 0; v < g.variables().size(); v++) {
      int t = code.next(v);
      if (t < 0) {
        continue;
      }
      b.append("    nf[").append(shape.at(g.array(g.variables().get(v)))).append(" + i] = ")
          .append(code.clamped(v) ? "refr ? y" + v + " : t" + t : "t" + t).append(";\n");
    }
    // Variables without an equation may still have received input.
    for (ReceptorPlan r : plan.receptors()) {
      if (r.group() == n && code.next(r.variable()) < 0) {
        b.append("    nf[").append(shape.at(g.array(g.variables().get(r.variable()))))
            .append(" + i] = y").append(r.variable()).append(";\n");
      }
    }
    return b.append("}\n").toString();
  }

  private static String spike(DeviceShape shape, GroupPlan g) {
    NeuronCode code = g.code();
    int last = shape.at(g.array("lastspike"));
    StringBuilder b = new StringBuilder();
    b.append("\n// Group ").append(g.name()).append(": whether neuron i spikes (not refractory, "
        + "its threshold holds), and then its reset.\n");
    b.append("inline int RW_SPACED(rw_neuron_spike_").append(g.index()).append(")(RW_SPACE float "
        + "*nf, RW_SPACE int *ni, const int i, const int step, const float t_ms, "
        + "__global const float *k, const int refractory) {\n");
    b.append("    if (step - ni[").append(last).append(" + i] < refractory) {\n"
        + "        return 0;\n    }\n");
    loadVariables(b, shape, g);
    loadPerNeuron(b, shape, g);
    List<RExpr> all = new ArrayList<>();
    all.add(code.threshold());
    code.reset().forEach(a -> all.add(a.value()));
    loadConstants(b, all);
    b.append("    if (!").append(expr(code.threshold())).append(") {\n        return 0;\n    }\n");
    TreeSet<Integer> assigned = new TreeSet<>();
    for (NeuronCode.Assignment a : code.reset()) {
      b.append("    y").append(a.variable()).append(" = ").append(expr(a.value())).append(";\n");
      assigned.add(a.variable());
    }
    for (int v : assigned) {
      b.append("    nf[").append(shape.at(g.array(g.variables().get(v)))).append(" + i] = y")
          .append(v).append(";\n");
    }
    return b.append("    ni[").append(last).append(" + i] = step;\n    return 1;\n}\n")
        .toString();
  }

  private static void loadVariables(StringBuilder b, DeviceShape shape, GroupPlan g) {
    for (int v = 0; v < g.variables().size(); v++) {
      b.append("    float y").append(v).append(" = nf[").append(shape.at(g.array(
          g.variables().get(v)))).append(" + i];  // ").append(g.variables().get(v)).append('\n');
    }
  }

  private static void loadPerNeuron(StringBuilder b, DeviceShape shape, GroupPlan g) {
    List<String> pn = g.code().perNeuron();
    for (int p = 0; p < pn.size(); p++) {
      b.append("    const float q").append(p).append(" = nf[").append(shape.at(g.array(pn.get(p))))
          .append(" + i];  // ").append(pn.get(p)).append('\n');
    }
  }

  /** const float k<i> = k[i] for each constant the expressions read. */
  private static void loadConstants(StringBuilder b, List<RExpr> expressions) {
    TreeSet<Integer> used = new TreeSet<>();
    for (RExpr e : expressions) {
      List<RExpr.Konst> found = new ArrayList<>();
      Walk.collect(e, RExpr.Konst.class, found);
      found.forEach(c -> used.add(c.index()));
    }
    for (int k : used) {
      b.append("    const float k").append(k).append(" = k[").append(k).append("];\n");
    }
  }

  private static String expr(RExpr e) {
    return Emit.expression(e, "rw_rule_");
  }
}
