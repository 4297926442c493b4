package dev.rewire.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rewire.output.BuildInfo;
import dev.rewire.output.Summary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one run of a sweep: a row of the results table, and the run's {@code result.json},
 * which is written last, so that a run with a result is a finished run.
 *
 * @param status {@code ok}, {@code diverged} (stopped by the numerical guard: deterministic, so
 *     final) or {@code failed} (an exception: run again by the next invocation); {@code missing}
 *     only in collected tables, for a run without a result
 * @param error why it diverged or failed, or null
 * @param simulatedS simulated seconds
 * @param wallS wall seconds of the run (set-up and simulation); null for a missing run
 * @param rateHz per population, the mean rate over the run
 * @param rateHzLastS per population, the mean rate in the last (possibly partial) simulated second
 * @param pruned per rewired projection, synapses pruned over the run
 * @param active per rewired projection, active synapses at the end
 * @param meanWActive per rewired projection, their mean weight at the end [nS]
 * @param rewireVersion the rewire that ran it: version and git commit ({@link BuildInfo})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRow(String runId, long seed, Map<String, String> parameters, String status,
    String error, Double simulatedS, Double wallS, Map<String, Double> rateHz,
    Map<String, Double> rateHzLastS, Map<String, Long> pruned, Map<String, Integer> active,
    @com.fasterxml.jackson.annotation.JsonProperty("mean_w_active")
    @com.fasterxml.jackson.annotation.JsonAlias("mean_wactive") Map<String, Double> meanWActive,
    String digestSpikes, String digestWeights,
    String rewireVersion) {

  public static final String OK = "ok";
  public static final String DIVERGED = "diverged";
  public static final String FAILED = "failed";
  public static final String MISSING = "missing";

  /** A run that ran to its end, or that the guard stopped (its summary says so). */
  static RunRow of(SweepRun run, Summary s, double wallS) {
    Map<String, Double> rate = new LinkedHashMap<>(s.rateHz());
    Map<String, Double> last = new LinkedHashMap<>();
    s.ratesHzPerSecond().forEach((pop, r) -> last.put(pop, r.length == 0 ? 0.0 : r[r.length - 1]));
    Map<String, Long> pruned = new LinkedHashMap<>();
    s.structural().forEach((proj, series) -> pruned.put(proj,
        series.pruned().stream().mapToLong(Integer::longValue).sum()));
    Map<String, Integer> active = new LinkedHashMap<>();
    Map<String, Double> meanW = new LinkedHashMap<>();
    s.structural().keySet().forEach(proj -> {
      Summary.ActiveStats a = s.finalState().get(proj);
      active.put(proj, a.nActive());
      meanW.put(proj, a.meanWActive());
    });
    return new RunRow(run.id(), run.seed(), run.parameters(), s.complete() ? OK : DIVERGED,
        s.error(), s.durationS(), wallS, rate, last, pruned, active, meanW, s.digest().spikes(),
        s.digest().weights(), BuildInfo.version());
  }

  /** A run that an exception stopped. */
  static RunRow failed(SweepRun run, String error, double wallS) {
    return new RunRow(run.id(), run.seed(), run.parameters(), FAILED, error, null, wallS, null,
        null, null, null, null, null, null, BuildInfo.version());
  }

  /** A row for a run that has no result (collected from an incomplete sweep). */
  static RunRow missing(SweepRun run) {
    return new RunRow(run.id(), run.seed(), run.parameters(), MISSING, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  /** The same row with the folder's parameters of its run. */
  RunRow withParameters(Map<String, String> p) {
    return new RunRow(runId, seed, p, status, error, simulatedS, wallS, rateHz, rateHzLastS,
        pruned, active, meanWActive, digestSpikes, digestWeights, rewireVersion);
  }

  /** Whether the run needs no further work: ok, or diverged (which a rerun would repeat). */
  boolean finished() {
    return OK.equals(status) || DIVERGED.equals(status);
  }
}
