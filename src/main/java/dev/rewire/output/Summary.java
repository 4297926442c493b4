package dev.rewire.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The summary JSON of a run (README "Summary JSON"); field names become snake_case keys. Other tools
 * read it, so keys are only ever added, never renamed.
 *
 * @param structural per rewired projection, one entry per call
 * @param finalState per projection with a potential set, statistics of the active synapses at the end
 * @param profile with --profile, time per phase or kernel; empty (and left out) otherwise
 * @param complete false when the run stopped early (numerical guard); the rest covers what ran
 * @param error why it stopped early, or null (and left out)
 */
@JsonPropertyOrder(alphabetic = false)
public record Summary(
    String model,
    long seed,
    String backend,
    String device,
    double durationS,
    double dtMs,
    int steps,
    WallTimes wallS,
    double wallMsPerSimulatedS,
    Map<String, Long> spikeCount,
    Map<String, double[]> ratesHzPerSecond,
    Map<String, StructuralSeries> structural,
    @com.fasterxml.jackson.annotation.JsonProperty("final") Map<String, ActiveStats> finalState,
    Digest digest,
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    Map<String, ProfileEntry> profile,
    boolean complete,
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    String error) {

  /** Time spent in one phase (Java) or kernel (OpenCL) with --profile: seconds, calls, share. */
  public record ProfileEntry(double seconds, long calls, double share) {}

  /** Wall-clock seconds spent building the network and running it. */
  public record WallTimes(double setup, double run) {}

  /** One entry per structural-plasticity call: time [s], pruned, regrown, active after the call. */
  public record StructuralSeries(List<Double> tS, List<Integer> pruned, List<Integer> regrown,
      List<Integer> active) {}

  /** Statistics of the active synapses of one projection. */
  public record ActiveStats(int nActive, double meanWActive, double stdWActive,
      @com.fasterxml.jackson.annotation.JsonProperty("quantiles_w_active_5_25_50_75_95")
      double[] quantilesWActive, double maxWActive, Degrees activeOutdegree,
      Degrees activeIndegree) {}

  /** Distribution of active degrees over the source (out) or target (in) neurons. */
  public record Degrees(double mean, double std, int min, int max) {}

  /** SHA-256 hex digests of the spikes and of the final active weights (see {@link Digests}). */
  public record Digest(String spikes, String weights) {}
}
