package dev.rewire.output;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.Simulation;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts a {@link Summary} together from a finished simulation and its {@link RunRecorder}. */
public final class SummaryBuilder {
  private SummaryBuilder() {}

  /** A summary of a complete run from step 0, without a command line (tests, benchmarks). */
  public static Summary build(Simulation sim, RunRecorder recorder, String backend, String device,
      double setupS, double runS) {
    return build(sim, recorder, backend, device, new Summary.WallTimes(setupS, runS), 0, null,
        Summary.Provenance.none(sim.plan().model().contentHash()));
  }

  /**
   * A summary of what ran. {@code wall} and the speed cover the steps this process ran, from
   * {@code fromStep} (0, or the step a resumed run continued from); {@code error} non-null marks
   * the run incomplete and says why.
   */
  public static Summary build(Simulation sim, RunRecorder recorder, String backend, String device,
      Summary.WallTimes wall, int fromStep, String error, Summary.Provenance provenance) {
    Plan plan = sim.plan();
    int steps = sim.step();
    double durationS = steps * plan.dtMs() / 1000.0;
    double ranS = (steps - fromStep) * plan.dtMs() / 1000.0;

    Map<String, Summary.StructuralSeries> structural = new LinkedHashMap<>();
    recorder.structural().forEach((name, log) -> structural.put(name, new Summary.StructuralSeries(
        log.steps().stream().map(plan::timeSeconds).toList(), List.copyOf(log.pruned()),
        List.copyOf(log.regrown()), List.copyOf(log.active()))));

    Map<String, Summary.ActiveStats> finalState = new LinkedHashMap<>();
    List<ActiveSynapses> active = new ArrayList<>();
    for (ProjectionPlan p : plan.potentialProjections()) {
      ActiveSynapses a = sim.activeSynapses(p.name());
      active.add(a);
      finalState.put(p.name(), stats(a, p));
    }

    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Long> counts = recorder.spikeCounts();
    plan.populations().forEach((name, p) -> {
      sizes.put(name, p.size());
      rates.put(name, durationS > 0 ? counts.get(name) / (p.size() * durationS) : 0.0);
    });
    return new Summary(plan.name(), provenance.runId(), BuildInfo.version(),
        provenance.commandLine(), List.copyOf(provenance.overrides()), provenance.modelHash(),
        plan.model().simulation().seed(), backend, device, durationS, plan.dtMs(), steps,
        fromStep > 0 ? plan.timeSeconds(fromStep) : null, wall,
        ranS > 0 ? 1000.0 * wall.run() / ranS : 0.0, sizes, counts, rates,
        recorder.ratesPerSecond(steps), structural, finalState,
        new Summary.Digest(recorder.spikeDigestHex(), Digests.weights(active)),
        profile(sim.profile()), error == null, error);
  }

  private static Map<String, Summary.ProfileEntry> profile(Map<String, long[]> raw) {
    double total = raw.values().stream().mapToLong(v -> v[0]).sum();
    Map<String, Summary.ProfileEntry> out = new LinkedHashMap<>();
    raw.forEach((name, v) -> out.put(name, new Summary.ProfileEntry(v[0] / 1e9, v[1],
        total > 0 ? v[0] / total : 0.0)));
    return out;
  }

  static Summary.ActiveStats stats(ActiveSynapses a, ProjectionPlan p) {
    int n = a.size();
    double[] w = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      w[k] = a.weight()[k];
      sum += w[k];
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double ss = 0;
    for (double x : w) {
      ss += (x - mean) * (x - mean);
    }
    Arrays.sort(w);
    double[] q = {0.05, 0.25, 0.5, 0.75, 0.95};
    double[] quantiles = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      quantiles[i] = quantile(w, q[i]);
    }
    int[] out = new int[p.sourceSize()];
    int[] in = new int[p.targetSize()];
    for (int k = 0; k < n; k++) {
      out[a.source()[k]]++;
      in[a.target()[k]]++;
    }
    return new Summary.ActiveStats(n, mean, n == 0 ? Double.NaN : Math.sqrt(ss / n), quantiles,
        n == 0 ? Double.NaN : w[n - 1], degrees(out), degrees(in));
  }

  /** numpy's default (linear) quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static Summary.Degrees degrees(int[] d) {
    double mean = Arrays.stream(d).average().orElse(Double.NaN);
    double var = Arrays.stream(d).mapToDouble(x -> (x - mean) * (x - mean)).average()
        .orElse(Double.NaN);
    return new Summary.Degrees(mean, Math.sqrt(var), Arrays.stream(d).min().orElse(0),
        Arrays.stream(d).max().orElse(0));
  }
}
