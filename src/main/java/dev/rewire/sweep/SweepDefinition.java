package dev.rewire.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as the user gave it, on the command line or in a sweep file: one model or several
 * (compared side by side, each with every run), overrides for
 * every run, either a grid (one dimension per path; the runs are the cartesian product) or an
 * explicit list of runs, the seeds each of them runs with, the duration, and what each run writes
 * besides its summary.
 *
 * @param models the models, each run with every combination and seed; names unique
 * @param sets {@code --set} assignments applied to every run, in order
 * @param seeds the seeds; null: the model's own seed
 * @param durationMs the simulated time of each run; null: the model's own
 * @param grid path → values, in the order given (the first path varies slowest)
 * @param runs explicit runs (path → value each; a {@link #VARIANT} entry names the run's variant,
 *     a rule or neuron-model table replaces the model's); empty when the grid defines the runs
 * @param recordHdf5 each run writes results.h5
 * @param recordReport each run writes report.html
 * @param sweepFileText the sweep file as given, or null for a sweep given on the command line
 */
public record SweepDefinition(List<SweepModel> models, List<String> sets,
    List<Long> seeds, Double durationMs, Map<String, List<GridValue>> grid,
    List<Map<String, GridValue>> runs, boolean recordHdf5, boolean recordReport,
    String sweepFileText) {

  /** The column that names a model, when a sweep runs several. */
  public static final String MODEL = "model";

  /** The key of a {@code [[runs]]} entry that names it, and its column. */
  public static final String VARIANT = "variant";

  public SweepDefinition {
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new SweepException("a sweep needs a model, got none");
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (SweepModel m : models) {
      if (!names.add(m.name())) {
        throw new SweepException("two models of the sweep are both named '" + m.name() + "' ("
            + String.join(", ", models.stream().filter(o -> o.name().equals(m.name()))
                .map(SweepModel::origin).toList()) + "); give them distinct file names");
      }
    }
    sets = List.copyOf(sets);
    seeds = seeds == null ? null : List.copyOf(seeds);
    grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
    runs = List.copyOf(runs);
    if (!grid.isEmpty() && !runs.isEmpty()) {
      throw new SweepException("a sweep takes either a grid or a list of runs ([[runs]]), not both");
    }
    java.util.Set<String> variants = new java.util.HashSet<>();
    for (int i = 0; i < runs.size(); i++) {
      Map<String, GridValue> r = runs.get(i);
      if (r.containsKey(VARIANT) && !variants.add(r.get(VARIANT).shown())) {
        throw new SweepException("runs: two runs are named variant = \"" + r.get(VARIANT).shown()
            + "\"; a variant names one run");
      }
      r.forEach((path, v) -> {
        if (v.table() && !r.containsKey(VARIANT)) {
          throw new SweepException("runs: the run that sets " + path + " to a table replaces "
              + "it whole; name the run with variant = \"...\" (its name in the table)");
        }
      });
    }
    for (Map.Entry<String, List<GridValue>> d : grid.entrySet()) {
      if (d.getValue().isEmpty()) {
        throw new SweepException("grid " + d.getKey() + ": expected at least one value, got none");
      }
    }
  }

  /** The same sweep with command-line additions: more overrides, other seeds or duration, more grid. */
  public SweepDefinition with(List<String> moreSets, List<Long> newSeeds, Double newDurationMs,
      Map<String, List<GridValue>> moreGrid, boolean hdf5, boolean report) {
    List<String> allSets = new java.util.ArrayList<>(sets);
    allSets.addAll(moreSets);
    Map<String, List<GridValue>> allGrid = new LinkedHashMap<>(grid);
    for (Map.Entry<String, List<GridValue>> e : moreGrid.entrySet()) {
      if (allGrid.put(e.getKey(), e.getValue()) != null) {
        throw new SweepException("--grid " + e.getKey() + " is a dimension of the sweep already");
      }
    }
    return new SweepDefinition(models, allSets,
        newSeeds != null ? newSeeds : seeds, newDurationMs != null ? newDurationMs : durationMs,
        allGrid, runs, recordHdf5 || hdf5, recordReport || report, sweepFileText);
  }

  /**
   * What varies between runs, the table's parameter columns: {@link #MODEL} when there are several
   * models, then the grid's paths, or {@link #VARIANT} and every path an explicit run sets.
   */
  public List<String> parameters() {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    if (models.size() > 1) {
      out.add(MODEL);
    }
    if (!grid.isEmpty()) {
      out.addAll(grid.keySet());
    }
    if (runs.stream().anyMatch(r -> r.containsKey(VARIANT))) {
      out.add(VARIANT);
    }
    runs.forEach(r -> r.forEach((path, v) -> {
      if (!v.table()) {
        out.add(path);
      }
    }));
    return List.copyOf(out);
  }

  /** Where the models came from, for the folder's description. */
  public String modelOrigin() {
    return String.join(", ", models.stream().map(SweepModel::origin).toList());
  }
}
