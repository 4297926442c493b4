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
import java.util.Set;
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
      b.append(constants(g));
      String text = update(shape, g) + spike(shape, g) + step(shape, g);
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

  /**
   * Group g's constants as a private struct {@code rw_k_<g>}, loaded once per launch or work-group
   * call ({@code rw_k_load_<g>}), not per neuron: loads from global memory inside the neuron loop
   * may alias its stores, so the compiler cannot hoist them.
   */
  private static String constants(GroupPlan g) {
    NeuronCode code = g.code();
    int n = g.index();
    StringBuilder b = new StringBuilder("\n// Group ").append(g.name()).append(": its constants.\n");
    b.append("typedef struct {\n");
    for (int k = 0; k < code.constantCount(); k++) {
      b.append("    float k").append(k).append(";  // ").append(code.constantText(k)).append('\n');
    }
    if (code.constantCount() == 0) {
      b.append("    float none;\n");
    }
    b.append("} rw_k_").append(n).append(";\n");
    // The per-step kernel takes them as arguments (k0, k1, ...), in registers for the whole
    // launch: loaded from a buffer they were loaded again for every neuron, as the compiler could
    // not tell them apart from the neuron stores.
    b.append("#define RW_K_PARAMS_").append(n);
    for (int k = 0; k < code.constantCount(); k++) {
      b.append(k == 0 ? " " : ", ").append("const float k").append(k);
    }
    b.append(code.constantCount() == 0 ? " const float k_none\n" : "\n");
    b.append("#define RW_K_ARGS_").append(n).append(" ((rw_k_").append(n).append(") {");
    for (int k = 0; k < code.constantCount(); k++) {
      b.append(k == 0 ? "" : ", ").append("k").append(k);
    }
    b.append(code.constantCount() == 0 ? "k_none})\n" : "})\n");
    // A macro, for a pointer into any address space.
    b.append("#define rw_k_load_").append(n).append("(k) ((rw_k_").append(n).append(") {");
    for (int k = 0; k < code.constantCount(); k++) {
      b.append(k == 0 ? "" : ", ").append("(k)[").append(k).append("]");
    }
    return b.append(code.constantCount() == 0 ? "0.0f})\n" : "})\n").toString();
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
        + "const float t_ms, const rw_k_" + n + " c, const int refractory, const uint seed, "
        + "const uint key) {\n");
    updateBody(b, shape, g, code.anyClamped() || code.readsRefractory());
    return b.append("}\n").toString();
  }

  /**
   * The update and then the threshold and reset of neuron i in one function, for the per-step
   * kernel (one work-item per neuron): the new values stay in registers for the threshold.
   */
  private static String step(DeviceShape shape, GroupPlan g) {
    NeuronCode code = g.code();
    int n = g.index();
    StringBuilder b = new StringBuilder();
    b.append("\n// Group ").append(g.name()).append(": the update of neuron i, then whether it "
        + "spikes (not refractory, its threshold holds) and its reset.\n");
    b.append("inline int RW_SPACED(rw_neuron_step_").append(n).append(")(RW_SPACE float *nf, "
        + "RW_SPACE int *ni, RW_SPACE long *in, const int i, const int step, "
        + "const float t_ms, const rw_k_" + n + " c, const int refractory, const uint seed, "
        + "const uint key) {\n");
    updateBody(b, shape, g, true);
    for (int v = 0; v < g.variables().size(); v++) {
      if (code.next(v) >= 0) { // a refractory neuron's are not these, but it does not spike
        b.append("    y").append(v).append(" = t").append(code.next(v)).append(";\n");
      }
    }
    List<RExpr> all = new ArrayList<>();
    all.add(code.threshold());
    code.reset().forEach(a -> all.add(a.value()));
    loadConstants(b, all, constantsRead(code.temps()));
    b.append("    if (!").append(expr(code.threshold())).append(" || refr) {\n"
        + "        return 0;\n    }\n");
    reset(b, shape, g);
    return b.append("}\n").toString();
  }

  /** The statements of the update of neuron i (see {@link #update}). */
  private static void updateBody(StringBuilder b, DeviceShape shape, GroupPlan g, boolean refr) {
    NeuronCode code = g.code();
    Plan plan = shape.plan;
    int n = g.index();
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
      // y + input where input arrived (a != 0), else y: y + (-0) is y for every y (y + 0 is not,
      // for y = -0), so no input adds -0. A select (a != 0 ? ... : y) became a branch,
      // mispredicted for every input.
      String y = "y" + r.variable();
      b.append("    {   // input to ").append(g.variables().get(r.variable())).append('\n')
          .append("        RW_SPACE long *x = in + ").append(at).append(slot).append(" + i;\n")
          .append("        const long a = *x;\n        *x = 0;\n")
          .append("        ").append(y).append(" = ").append(y).append(" + as_float(as_int((float)a "
              + "* 0x1p-32f) | ((int)(a == 0) << 31));\n")
          .append("    }\n");
    }
    loadPerNeuron(b, shape, g);
    loadConstants(b, code.temps(), Set.of());
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
  }

  private static String spike(DeviceShape shape, GroupPlan g) {
    NeuronCode code = g.code();
    int last = shape.at(g.array("lastspike"));
    StringBuilder b = new StringBuilder();
    b.append("\n// Group ").append(g.name()).append(": whether neuron i spikes (not refractory, "
        + "its threshold holds), and then its reset.\n");
    b.append("inline int RW_SPACED(rw_neuron_spike_").append(g.index()).append(")(RW_SPACE float "
        + "*nf, RW_SPACE int *ni, const int i, const int step, const float t_ms, "
        + "const rw_k_" + g.index() + " c, const int refractory) {\n");
    loadVariables(b, shape, g);
    loadPerNeuron(b, shape, g);
    List<RExpr> all = new ArrayList<>();
    all.add(code.threshold());
    code.reset().forEach(a -> all.add(a.value()));
    loadConstants(b, all, Set.of());
    // The threshold first: it rarely holds, while a refractory neuron is in no order (the other
    // order cost PoCL's resident engine a third of its time in branches).
    b.append("    if (!").append(expr(code.threshold())).append(" || step - ni[").append(last)
        .append(" + i] < refractory) {\n        return 0;\n    }\n");
    reset(b, shape, g);
    return b.append("}\n").toString();
  }

  /** The reset of y, its stores, lastspike = step, return 1. */
  private static void reset(StringBuilder b, DeviceShape shape, GroupPlan g) {
    NeuronCode code = g.code();
    int last = shape.at(g.array("lastspike"));
    TreeSet<Integer> assigned = new TreeSet<>();
    for (NeuronCode.Assignment a : code.reset()) {
      b.append("    y").append(a.variable()).append(" = ").append(expr(a.value())).append(";\n");
      assigned.add(a.variable());
    }
    for (int v : assigned) {
      b.append("    nf[").append(shape.at(g.array(g.variables().get(v)))).append(" + i] = y")
          .append(v).append(";\n");
    }
    b.append("    ni[").append(last).append(" + i] = step;\n    return 1;\n");
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

  /** The constants that {@code expressions} read. */
  private static TreeSet<Integer> constantsRead(List<RExpr> expressions) {
    TreeSet<Integer> used = new TreeSet<>();
    for (RExpr e : expressions) {
      List<RExpr.Konst> found = new ArrayList<>();
      Walk.collect(e, RExpr.Konst.class, found);
      found.forEach(c -> used.add(c.index()));
    }
    return used;
  }

  /** const float k<i> = c.k<i> for each constant the expressions read, but not those in done. */
  private static void loadConstants(StringBuilder b, List<RExpr> expressions, Set<Integer> done) {
    TreeSet<Integer> used = constantsRead(expressions);
    used.removeAll(done);
    for (int k : used) {
      b.append("    const float k").append(k).append(" = c.k").append(k).append(";\n");
    }
  }

  private static String expr(RExpr e) {
    return Emit.expression(e, "rw_rule_");
  }
}
