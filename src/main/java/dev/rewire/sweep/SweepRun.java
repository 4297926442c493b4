package dev.rewire.sweep;

import dev.rewire.run.RunSpec;
import java.util.Map;

/**
 * One run of a sweep.
 *
 * @param index its place in the sweep (the order of the table; shards take every N-th)
 * @param id {@link RunSpec#id()}: the same run always has the same id
 * @param model the name of its model ({@link SweepModel#name})
 * @param parameters the value of each varied path, as shown in tables (a path the run does not
 *     set is absent)
 * @param spec what it runs
 */
public record SweepRun(int index, String id, long seed, String model,
    Map<String, String> parameters, RunSpec spec) {

  /** The same run with these parameters (as shown in tables). */
  public SweepRun withParameters(java.util.Map<String, String> p) {
    return new SweepRun(index, id, seed, model, p, spec);
  }

  /** The same run with one more parameter (as shown in tables). */
  public SweepRun with(String parameter, String value) {
    java.util.Map<String, String> p = new java.util.LinkedHashMap<>(parameters);
    p.put(parameter, value);
    return new SweepRun(index, id, seed, model, java.util.Collections.unmodifiableMap(p), spec);
  }
}
