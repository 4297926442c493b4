package dev.rewire.plan;

import dev.rewire.model.Check;
import dev.rewire.model.IndexRange;
import dev.rewire.model.Model;
import dev.rewire.model.ModelException;
import dev.rewire.model.NeuronGroup;
import dev.rewire.model.PoissonInput;
import dev.rewire.model.Projection;
import dev.rewire.model.Plasticity;
import dev.rewire.model.Structural;
import dev.rewire.rule.Checker;
import dev.rewire.rule.Evaluator;
import dev.rewire.rule.Parser;
import dev.rewire.rule.RExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a {@link Model} into a {@link Plan}; all derived constants are made here, once. */
final class Planner {
  private Planner() {}

  static Plan compile(Model model) {
    double dt = model.simulation().dtMs();
    int steps = wholeSteps(model.simulation().durationMs(), dt, "simulation.duration_ms");

    List<GroupPlan> groups = new ArrayList<>();
    Map<String, PopulationPlan> populations = new LinkedHashMap<>();
    int offset = 0;
    for (Map.Entry<String, NeuronGroup> e : model.neurons().entrySet()) {
      String where = "neurons." + e.getKey();
      NeuronGroup g = e.getValue();
      requireBelowTau(dt, g.tauAmpaMs(), where + ".tau_ampa_ms");
      requireBelowTau(dt, g.tauGabaMs(), where + ".tau_gaba_ms");
      groups.add(new GroupPlan(e.getKey(), offset, g.size(),
          (float) g.glNs(), (float) g.elMv(), (float) g.eAmpaMv(), (float) g.eGabaMv(),
          (float) g.vtMv(), (float) (dt / g.cPf()),
          (float) (1.0 - dt / g.tauAmpaMs()), (float) (1.0 - dt / g.tauGabaMs()),
          wholeSteps(g.refractoryMs(), dt, where + ".refractory_ms")));
      for (Map.Entry<String, IndexRange> p : g.populations().entrySet()) {
        populations.put(p.getKey(), new PopulationPlan(p.getKey(), e.getKey(),
            offset + p.getValue().start(), p.getValue().size()));
      }
      offset += g.size();
    }

    List<InputPlan> inputs = new ArrayList<>();
    Map<String, InputPlan> inputByName = new LinkedHashMap<>();
    for (Map.Entry<String, PoissonInput> e : model.inputs().entrySet()) {
      double p = e.getValue().rateHz() * dt / 1000.0;
      if (p > 1.0) {
        throw new ModelException("inputs." + e.getKey() + ".rate_hz = " + e.getValue().rateHz()
            + " Hz means more than one spike per step of " + dt + " ms; expected at most "
            + 1000.0 / dt + " Hz");
      }
      float invLogQ = p == 0 ? 0f : p == 1 ? -0f : (float) (1.0 / StrictMath.log1p(-p));
      InputPlan in = new InputPlan(e.getKey(), inputs.size(), e.getValue().size(), (float) p,
          invLogQ, RngStream.POISSON.key(inputs.size()));
      inputs.add(in);
      inputByName.put(e.getKey(), in);
    }

    List<ProjectionPlan> projections = new ArrayList<>();
    for (Map.Entry<String, Projection> e : model.projections().entrySet()) {
      String where = "projections." + e.getKey();
      Projection p = e.getValue();
      int index = projections.size();
      InputPlan input = inputByName.get(p.source());
      PopulationPlan src = populations.get(p.source());
      PopulationPlan tgt = populations.get(p.target());
      projections.add(new ProjectionPlan(e.getKey(), index,
          p.source(), input != null ? input.index() : -1,
          input != null ? 0 : src.start(), input != null ? input.size() : src.size(),
          p.target(), tgt.start(), tgt.size(),
          p.receptor(), p.connectivity().rule(), p.connectivity().p(),
          p.connectivity().excludesSameIndex(),
          (float) p.weight().low(), (float) p.weight().high(),
          plasticity(p.rule(), dt, steps + 1),
          structural(p.structural(), p.rule(), dt, where + ".structural"),
          RngStream.CONNECTIVITY.key(index), RngStream.REGROWTH.key(index)));
    }

    Plan plan = new Plan(model, steps, dt, (int) model.simulation().seed(), offset,
        List.copyOf(groups), java.util.Collections.unmodifiableMap(populations),
        List.copyOf(inputs), List.copyOf(projections), Phase.STEP_ORDER);
    plan.recording(); // validates the recording intervals against dt
    return plan;
  }

  /** {@code tableLength}: the most steps a trace's age can reach in this run, plus one. */
  private static RulePlan plasticity(Plasticity r, double dt, int tableLength) {
    if (r == null) {
      return null;
    }
    return new RulePlan(r.paramNames(), floats(r.params()), List.copyOf(r.preTraces().keySet()),
        decay(r.preTraces(), dt, tableLength), List.copyOf(r.postTraces().keySet()),
        decay(r.postTraces(), dt, tableLength), r.preEvent(), r.postEvent());
  }

  private static float[] floats(Map<String, Double> values) {
    float[] out = new float[values.size()];
    int k = 0;
    for (double v : values.values()) {
      out[k++] = (float) v;
    }
    return out;
  }

  private static float[][] decay(Map<String, Double> taus, double dt, int tableLength) {
    float[][] out = new float[taus.size()][];
    int k = 0;
    for (double tau : taus.values()) {
      out[k++] = Decay.table(dt, tau, tableLength);
    }
    return out;
  }

  private static StructuralPlan structural(Structural s, Plasticity rule, double dt,
      String where) {
    if (s == null) {
      return null;
    }
    List<String> params = rule == null ? List.of() : rule.paramNames();
    float[] values = rule == null ? new float[0] : floats(rule.params());
    RExpr prune = s.threshold() != null
        ? new RExpr.Compare("<", new RExpr.W(), new RExpr.Const((float) (double) s.threshold()))
        : Checker.prune(Parser.expression(s.prune()), params);
    float below = Float.NaN;
    if (prune instanceof RExpr.Compare c && c.op().equals("<") && c.left() instanceof RExpr.W
        && !Evaluator.readsState(c.right())) {
      below = Evaluator.number(c.right(), Evaluator.params(values));
    }
    return new StructuralPlan(wholeSteps(s.periodMs(), dt, where + ".period_ms"), prune, below,
        s.mode(), (float) s.regrowthWeight().low(), (float) s.regrowthWeight().high());
  }

  /** A duration that must be a whole (and, for periods, positive) number of steps. */
  private static int wholeSteps(double ms, double dt, String field) {
    double ratio = ms / dt;
    long n = Math.round(ratio);
    if (Math.abs(ratio - n) > 1e-6 * Math.max(1.0, ratio)) {
      throw new ModelException(field + " = " + Check.plain(ms) + " ms must be a whole number of "
          + "steps of dt = " + Check.plain(dt) + " ms, got " + Check.plain(ratio) + " steps");
    }
    if (field.endsWith("period_ms") && n < 1) {
      throw new ModelException(field + " = " + Check.plain(ms) + " ms must be at least one step of "
          + Check.plain(dt) + " ms");
    }
    return (int) n;
  }

  private static void requireBelowTau(double dt, double tau, String field) {
    if (!(dt < tau)) {
      throw new ModelException(field + " = " + Check.plain(tau) + " ms must be larger than dt = "
          + Check.plain(dt) + " ms (forward Euler decays by 1 - dt/tau per step)");
    }
  }
}
