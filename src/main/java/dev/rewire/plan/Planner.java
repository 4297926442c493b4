package dev.rewire.plan;

import dev.rewire.model.Check;
import dev.rewire.model.IndexRange;
import dev.rewire.model.Model;
import dev.rewire.model.ModelException;
import dev.rewire.model.NeuronGroup;
import dev.rewire.model.NeuronModel;
import dev.rewire.neuron.NeuronCode;
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
    Map<String, GroupPlan> groupOfPopulation = new LinkedHashMap<>();
    int offset = 0;
    for (Map.Entry<String, NeuronGroup> e : model.neurons().entrySet()) {
      GroupPlan g = group(e.getKey(), groups.size(), offset, e.getValue(), dt);
      groups.add(g);
      for (Map.Entry<String, IndexRange> p : e.getValue().populations().entrySet()) {
        populations.put(p.getKey(), new PopulationPlan(p.getKey(), e.getKey(),
            offset + p.getValue().start(), p.getValue().size()));
        groupOfPopulation.put(p.getKey(), g);
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

    // The receptors, in order of first use: (group, variable) -> its largest delay, signedness.
    Map<List<Integer>, int[]> receptorUse = new LinkedHashMap<>();
    Map<String, Integer> delays = new LinkedHashMap<>();
    for (Map.Entry<String, Projection> e : model.projections().entrySet()) {
      Projection p = e.getValue();
      GroupPlan g = groupOfPopulation.get(p.target());
      String field = "projections." + e.getKey() + ".delay_ms";
      int delay = wholeSteps(p.delayMs(), dt, field);
      if ((delay + 1L) * g.size() > Integer.MAX_VALUE) {
        throw new ModelException(field + " = " + Check.plain(p.delayMs()) + " ms is " + delay
            + " steps: a ring of pending input that long for the " + g.size() + " neurons of "
            + "group " + g.name() + " is more than 2^31 values; expected at most "
            + (Integer.MAX_VALUE / g.size() - 1) + " steps");
      }
      delays.put(e.getKey(), delay);
      int[] use = receptorUse.computeIfAbsent(List.of(g.index(),
          g.variables().indexOf(p.receptor())), k -> new int[2]);
      use[0] = Math.max(use[0], delay);
      use[1] |= p.weight().low() < 0 ? 1 : 0;
    }
    List<ReceptorPlan> receptors = new ArrayList<>();
    Map<List<Integer>, Integer> receptorIndex = new LinkedHashMap<>();
    receptorUse.forEach((k, use) -> {
      GroupPlan g = groups.get(k.get(0));
      receptorIndex.put(k, receptors.size());
      receptors.add(new ReceptorPlan(receptors.size(), g.index(), k.get(1),
          g.name() + "." + g.variables().get(k.get(1)), g.size(), use[0] + 1, use[1] != 0));
    });

    List<ProjectionPlan> projections = new ArrayList<>();
    for (Map.Entry<String, Projection> e : model.projections().entrySet()) {
      String where = "projections." + e.getKey();
      Projection p = e.getValue();
      int index = projections.size();
      InputPlan input = inputByName.get(p.source());
      PopulationPlan src = populations.get(p.source());
      PopulationPlan tgt = populations.get(p.target());
      GroupPlan g = groupOfPopulation.get(p.target());
      projections.add(new ProjectionPlan(e.getKey(), index,
          p.source(), input != null ? input.index() : -1,
          input != null ? 0 : src.start(), input != null ? input.size() : src.size(),
          p.target(), tgt.start(), tgt.size(), tgt.start() - g.offset(),
          receptorIndex.get(List.of(g.index(), g.variables().indexOf(p.receptor()))),
          p.hasPotentialSet(), p.hasPotentialSet() && p.connectivity().activeOnly(
              ProjectionPlan.pairCount(src != null ? src.size() : input.size(), tgt.size(),
                  p.connectivity().excludesSameIndex())),
          p.connectivity().p(), p.connectivity().excludesSameIndex(),
          delays.get(e.getKey()), (float) p.weight().low(), (float) p.weight().high(),
          plasticity(p.rule(), dt, steps + 1),
          structural(p.structural(), p.rule(), dt, where + ".structural"),
          RngStream.CONNECTIVITY.key(index), RngStream.REGROWTH.key(index)));
    }

    List<InputPlan> stepped = inputs.stream()
        .filter(in -> projections.stream().anyMatch(p -> p.sourceInput() == in.index()))
        .toList();
    StateLayout layout;
    try {
      layout = StateLayout.of(groups, receptors, stepped, projections,
          (int) model.simulation().seed());
    } catch (IllegalArgumentException e) {
      throw new ModelException(e.getMessage() + "; make the network smaller");
    }
    Plan plan = new Plan(model, steps, dt, (int) model.simulation().seed(), offset,
        List.copyOf(groups), java.util.Collections.unmodifiableMap(populations),
        List.copyOf(inputs), List.copyOf(projections), List.copyOf(receptors),
        Phase.STEP_ORDER, layout);
    plan.recording(); // validates the recording intervals against dt
    for (GroupPlan g : groups) {
      g.setUp(plan.seed()); // a set-up value that is not finite is bad input, found before a run
    }
    return plan;
  }

  /** A group's model compiled, its constants computed for this network and dt. */
  private static GroupPlan group(String name, int index, int offset, NeuronGroup g, double dt) {
    String where = "neurons." + name + ".model";
    NeuronModel m = g.model();
    NeuronCode code = m.code();
    float[] constants;
    try {
      constants = code.constants(m.params(), dt);
    } catch (IllegalArgumentException e) {
      throw new ModelException(where + ".equations: " + e.getMessage());
    }
    int n = code.variables().size();
    float[] low = new float[n];
    float[] high = new float[n];
    String[] units = new String[n];
    for (int k = 0; k < n; k++) {
      units[k] = m.units().getOrDefault(code.variables().get(k), "");
      java.util.List<Double> b = m.bounds().get(code.variables().get(k));
      low[k] = b == null ? Float.NEGATIVE_INFINITY : (float) (double) b.get(0);
      high[k] = b == null ? Float.POSITIVE_INFINITY : (float) (double) b.get(1);
    }
    return new GroupPlan(name, index, offset, g.size(), code, constants, m.params(), dt,
        wholeSteps(m.refractoryMs(), dt, where + ".refractory_ms"), low, high, units,
        RngStream.SETUP.key(index), RngStream.NOISE.key(index));
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
        s.mode() == Structural.Mode.PER_SOURCE, (float) s.regrowthWeight().low(),
        (float) s.regrowthWeight().high());
  }

  /** A duration that must be a whole (and, for periods, positive) number of steps. */
  private static int wholeSteps(double ms, double dt, String field) {
    double ratio = ms / dt;
    long n = Math.round(ratio);
    if (Math.abs(ratio - n) > 1e-6 * Math.max(1.0, ratio)) {
      throw new ModelException(field + " = " + Check.plain(ms) + " ms must be a whole number of "
          + "steps of dt = " + Check.plain(dt) + " ms, got "
          + Check.plain(new java.math.BigDecimal(ratio).round(new java.math.MathContext(4))
              .doubleValue()) + " steps");
    }
    if (n > Integer.MAX_VALUE) {
      throw new ModelException(field + " = " + Check.plain(ms) + " ms is " + n + " steps of "
          + Check.plain(dt) + " ms; expected at most " + Integer.MAX_VALUE + " steps");
    }
    if (field.endsWith("period_ms") && n < 1) {
      throw new ModelException(field + " = " + Check.plain(ms) + " ms must be at least one step of "
          + Check.plain(dt) + " ms");
    }
    return (int) n;
  }
}
