package dev.rewire.sweep;

import dev.rewire.run.RunSpec;
import java.util.Map;

/**
 * One run of a sweep.
 *
 * @param index its place in the sweep (the order of the table; shards take every N-th)
 * @param id {@link RunSpec#id()}: the same run always has the same id
 * @param parameters the value of each varied path, as shown in tables (a path the run does not
 *     set is absent)
 * @param spec what it runs
 */
public record SweepRun(int index, String id, long seed, Map<String, String> parameters,
    RunSpec spec) {}
