package dev.rewire.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as the user gave it, on the command line or in a sweep file: one model, overrides for
 * every run, either a grid (one dimension per path; the runs are the cartesian product) or an
 * explicit list of runs, the seeds each of them runs with, the duration, and what each run writes
 * besides its summary.
 *
 * @param modelText the model file's TOML
 * @param modelOrigin where it came from, for messages ("bundled:seed-ei", a path)
 * @param sets {@code --set} assignments applied to every run, in order
 * @param seeds the seeds; null: the model's own seed
 * @param durationMs the simulated time of each run; null: the model's own
 * @param grid path → values, in the order given (the first path varies slowest)
 * @param runs explicit runs (path → value each); empty when the grid defines the runs
 * @param recordHdf5 each run writes results.h5
 * @param recordReport each run writes report.html
 * @param sweepFileText the sweep file as given, or null for a sweep given on the command line
 */
public record SweepDefinition(String modelText, String modelOrigin, List<String> sets,
    List<Long> seeds, Double durationMs, Map<String, List<GridValue>> grid,
    List<Map<String, GridValue>> runs, boolean recordHdf5, boolean recordReport,
    String sweepFileText) {

  public SweepDefinition {
    sets = List.copyOf(sets);
    seeds = seeds == null ? null : List.copyOf(seeds);
    grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
    runs = List.copyOf(runs);
    if (!grid.isEmpty() && !runs.isEmpty()) {
      throw new SweepException("a sweep takes either a grid or a list of runs ([[runs]]), not both");
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
    return new SweepDefinition(modelText, modelOrigin, allSets,
        newSeeds != null ? newSeeds : seeds, newDurationMs != null ? newDurationMs : durationMs,
        allGrid, runs, recordHdf5 || hdf5, recordReport || report, sweepFileText);
  }

  /** The paths that vary between runs: the grid's, or every path an explicit run sets. */
  public List<String> parameters() {
    if (!grid.isEmpty()) {
      return List.copyOf(grid.keySet());
    }
    java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
    runs.forEach(r -> paths.addAll(r.keySet()));
    return List.copyOf(paths);
  }
}
