package dev.rewire.sweep;

import dev.rewire.model.ModelException;
import dev.rewire.plan.Plan;
import dev.rewire.run.RunSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep made concrete: every run, in order (the models in the order given; for each, parameter
 * combinations in the order given, the first grid path varying slowest; within a combination, the
 * seeds in the order given), each checked
 * before anything runs. Also the populations and rewired projections the results table has
 * columns for.
 *
 * @param populations populations of the models (all of them), for rate columns
 * @param rewired projections with structural plasticity (of any model), for structural columns
 */
public record Sweep(SweepDefinition definition, List<SweepRun> runs, List<String> populations,
    List<String> rewired) {

  /** Expands and checks a definition; a bad combination is a SweepException naming it. */
  public static Sweep of(SweepDefinition d) {
    List<Map<String, GridValue>> combinations = d.grid().isEmpty() && d.runs().isEmpty()
        ? List.of(Map.of()) : !d.runs().isEmpty() ? d.runs() : product(d.grid());
    List<SweepRun> runs = new ArrayList<>();
    Map<String, SweepRun> byId = new java.util.HashMap<>();
    java.util.LinkedHashSet<String> populations = new java.util.LinkedHashSet<>();
    java.util.LinkedHashSet<String> rewired = new java.util.LinkedHashSet<>();
    for (SweepModel model : d.models()) {
      for (Map<String, GridValue> combination : combinations) {
        List<String> overrides = new ArrayList<>(d.sets());
        Map<String, String> shown = new LinkedHashMap<>();
        if (d.models().size() > 1) {
          shown.put(SweepDefinition.MODEL, model.name());
        }
        combination.forEach((path, v) -> {
          if (path.equals(SweepDefinition.VARIANT)) {
            shown.put(path, v.shown());
            return;
          }
          overrides.add(path + "=" + v.toml());
          if (!v.table()) {
            shown.put(path, v.shown());
          }
        });
        RunSpec first;
        try {
          first = RunSpec.of(model.text(), model.origin(), overrides,
              d.seeds() == null ? null : d.seeds().get(0), d.durationMs());
          Plan plan = first.plan();
          populations.addAll(plan.populations().keySet());
          plan.structuralProjections().forEach(p -> rewired.add(p.name()));
        } catch (ModelException e) {
          throw new SweepException("the run with " + describe(shown) + " is not a valid model: "
              + e.getMessage());
        }
        List<Long> seeds = d.seeds() != null ? d.seeds() : List.of(first.seed());
        for (long seed : seeds) {
          RunSpec spec = first.withSeed(seed);
          String id = spec.id(); // the model's hash: computed once
          SweepRun same = byId.get(id);
          if (same != null) {
            throw new SweepException("the run with " + describe(shown) + ", seed " + seed
                + " is the same run as the one with " + describe(same.parameters()) + ", seed "
                + same.seed() + " (the same model after overrides, seed and duration); a sweep "
                + "runs each run once");
          }
          SweepRun run = new SweepRun(runs.size(), id, seed, model.name(),
              Collections.unmodifiableMap(shown), spec);
          runs.add(run);
          byId.put(id, run);
        }
      }
    }
    return new Sweep(d, List.copyOf(runs), List.copyOf(populations), List.copyOf(rewired));
  }

  /** The varied paths, in order: the table's parameter columns. */
  public List<String> parameters() {
    return definition.parameters();
  }

  private static List<Map<String, GridValue>> product(Map<String, List<GridValue>> grid) {
    List<Map<String, GridValue>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<GridValue>> dim : grid.entrySet()) {
      List<Map<String, GridValue>> next = new ArrayList<>();
      for (Map<String, GridValue> partial : out) {
        for (GridValue v : dim.getValue()) {
          Map<String, GridValue> m = new LinkedHashMap<>(partial);
          m.put(dim.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  private static String describe(Map<String, String> shown) {
    if (shown.isEmpty()) {
      return "no parameters set";
    }
    StringBuilder sb = new StringBuilder();
    shown.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" = ")
        .append(v));
    return sb.toString();
  }
}
