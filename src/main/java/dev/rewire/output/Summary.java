package dev.rewire.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The summary JSON of a run (README "Summary JSON", which lists every key; a test holds the two
 * together); field names become snake_case keys. Other tools read it, so keys are only ever added.
 *
 * @param runId the run's id in a sweep (null, and left out, for a single run)
 * @param commandLine how the run was started ("rewire run ...")
 * @param overrides the --set assignments, in order
 * @param modelHash SHA-256 of the model as rewire read it (after overrides, seed and duration)
 * @param resumedFromS the simulated time a resumed run continued from (null, left out, otherwise)
 * @param wallMsPerSimulatedS run wall time per simulated second of this process's part of the run
 * @param rateHz mean rate of each population over the whole run
 * @param structural per rewired projection, one entry per call
 * @param finalState per projection with a potential set, statistics of the active synapses at the end
 * @param profile with --profile, time per phase or kernel; empty (and left out) otherwise
 * @param complete false when the run stopped early (numerical guard); the rest covers what ran
 * @param error why it stopped early, or null (and left out)
 */
@JsonPropertyOrder(alphabetic = false)
public record Summary(
    String model,
    @JsonInclude(JsonInclude.Include.NON_NULL) String runId,
    String rewireVersion,
    String commandLine,
    List<String> overrides,
    String modelHash,
    long seed,
    String backend,
    String device,
    double durationS,
    double dtMs,
    int steps,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double resumedFromS,
    WallTimes wallS,
    double wallMsPerSimulatedS,
    Map<String, Integer> populationSize,
    Map<String, Long> spikeCount,
    Map<String, Double> rateHz,
    Map<String, double[]> ratesHzPerSecond,
    Map<String, StructuralSeries> structural,
    @JsonProperty("final") Map<String, ActiveStats> finalState,
    Digest digest,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, ProfileEntry> profile,
    boolean complete,
    @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

  /** Time spent in one phase (Java) or kernel (OpenCL) with --profile: seconds, calls, share. */
  public record ProfileEntry(double seconds, long calls, double share) {}

  /** Wall-clock seconds spent building the network and running it (this process's part). */
  public record WallTimes(double setup, double run) {}

  /** One entry per structural-plasticity call: time [s], pruned, regrown, active after the call. */
  public record StructuralSeries(List<Double> tS, List<Integer> pruned, List<Integer> regrown,
      List<Integer> active) {}

  /**
   * Statistics of the active synapses of one projection. The names are given explicitly: Jackson's
   * snake case would turn meanWActive into mean_wactive.
   */
  public record ActiveStats(
      @JsonProperty("n_active") int nActive,
      @JsonProperty("mean_w_active") double meanWActive,
      @JsonProperty("std_w_active") double stdWActive,
      @JsonProperty("quantiles_w_active_5_25_50_75_95") double[] quantilesWActive,
      @JsonProperty("max_w_active") double maxWActive,
      @JsonProperty("active_outdegree") Degrees activeOutdegree,
      @JsonProperty("active_indegree") Degrees activeIndegree) {}

  /** Distribution of active degrees over the source (out) or target (in) neurons. */
  public record Degrees(double mean, double std, int min, int max) {}

  /** SHA-256 hex digests of the spikes and of the final active weights (see {@link Digests}). */
  public record Digest(String spikes, String weights) {}

  /** How a run was made, for the summary to describe itself. */
  public record Provenance(String runId, String commandLine, List<String> overrides,
      String modelHash) {
    /** For runs made without a command line (tests, benchmarks). */
    public static Provenance none(String modelHash) {
      return new Provenance(null, "", List.of(), modelHash);
    }
  }
}
