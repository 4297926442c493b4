package dev.rewire.sweep;

import dev.rewire.model.ModelException;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.run.RunSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep made concrete: every run, in order (parameter combinations in the order given, the first
 * grid path varying slowest; within a combination, the seeds in the order given), each checked
 * before anything runs. Also the populations and rewired projections the results table has
 * columns for.
 *
 * @param populations populations of the model (the first combination's), for rate columns
 * @param rewired projections with structural plasticity, for structural columns
 */
public record Sweep(SweepDefinition definition, List<SweepRun> runs, List<String> populations,
    List<String> rewired) {

  /** Expands and checks a definition; a bad combination is a SweepException naming it. */
  public static Sweep of(SweepDefinition d) {
    List<Map<String, GridValue>> combinations = d.grid().isEmpty() && d.runs().isEmpty()
        ? List.of(Map.of()) : !d.runs().isEmpty() ? d.runs() : product(d.grid());
    List<SweepRun> runs = new ArrayList<>();
    List<String> populations = null;
    List<String> rewired = null;
    for (Map<String, GridValue> combination : combinations) {
      List<String> overrides = new ArrayList<>(d.sets());
      Map<String, String> shown = new LinkedHashMap<>();
      combination.forEach((path, v) -> {
        overrides.add(path + "=" + v.toml());
        shown.put(path, v.shown());
      });
      RunSpec first;
      try {
        first = RunSpec.of(d.modelText(), d.modelOrigin(), overrides,
            d.seeds() == null ? null : d.seeds().get(0), d.durationMs());
        Plan plan = first.plan();
        if (populations == null) {
          populations = List.copyOf(plan.populations().keySet());
          rewired = plan.structuralProjections().stream().map(ProjectionPlan::name).toList();
        }
      } catch (ModelException e) {
        throw new SweepException("the run with " + describe(shown) + " is not a valid model: "
            + e.getMessage());
      }
      List<Long> seeds = d.seeds() != null ? d.seeds() : List.of(first.seed());
      for (long seed : seeds) {
        RunSpec spec = first.withSeed(seed);
        runs.add(new SweepRun(runs.size(), spec.id(), seed, Collections.unmodifiableMap(shown),
            spec));
      }
    }
    return new Sweep(d, List.copyOf(runs), populations, rewired);
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
