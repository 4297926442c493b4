package dev.rewire.plan;

import dev.rewire.model.ModelException;
import dev.rewire.model.Recording;
import java.util.List;

/**
 * What --out records, resolved against the model: populations and projections by name, every
 * interval as a whole number of steps.
 *
 * @param spikePopulations populations whose spikes are stored
 * @param rateBinMs rate bin width [ms]
 * @param weightProjections projections whose active weights are snapshot
 * @param weightEverySteps steps between weight snapshots
 * @param stateNeurons global indices of the neurons whose state is sampled (may be empty)
 * @param stateVariables which variables of the sampled neurons' models (every one they share, by
 *     default)
 * @param stateEverySteps steps between state samples
 * @param structuralEvents whether the structural-event log is kept
 */
public record RecordingPlan(List<String> spikePopulations, double rateBinMs,
    List<String> weightProjections, int weightEverySteps, int[] stateNeurons,
    List<String> stateVariables, int stateEverySteps, boolean structuralEvents) {

  static RecordingPlan of(Recording r, Plan plan) {
    double dt = plan.dtMs();
    List<String> spikes = r.spikes() != null ? r.spikes()
        : List.copyOf(plan.populations().keySet());
    List<String> weights = r.weights() != null && r.weights().projections() != null
        ? r.weights().projections()
        : plan.potentialProjections().stream().map(ProjectionPlan::name).toList();
    int weightEvery = steps(r.weights() != null && r.weights().everyMs() != null
        ? r.weights().everyMs() : 1000.0, dt, "recording.weights.every_ms");
    int[] neurons = new int[0];
    if (r.state() != null) {
      PopulationPlan pop = r.state().neurons().population() == null ? null
          : plan.populations().get(r.state().neurons().population());
      neurons = r.state().neurons().resolve(pop == null ? 0 : pop.start(),
          pop == null ? 0 : pop.size(), plan.neuronCount());
    }
    List<String> variables = r.state() == null ? List.of() : r.state().variables() != null
        ? r.state().variables() : shared(plan, neurons);
    int stateEvery = r.state() == null || r.state().everyMs() == null ? 1
        : steps(r.state().everyMs(), dt, "recording.state.every_ms");
    double bin = r.rateBinOrDefault();
    steps(bin, dt, "recording.rate_bin_ms");
    return new RecordingPlan(spikes, bin, weights, weightEvery, neurons, variables, stateEvery,
        r.structuralEventsOrDefault());
  }

  /** The variables every group of the sampled neurons has, in the first one's order. */
  private static List<String> shared(Plan plan, int[] neurons) {
    List<GroupPlan> groups = new java.util.ArrayList<>();
    for (int i : neurons) {
      GroupPlan g = plan.groupOf(i);
      if (!groups.contains(g)) {
        groups.add(g);
      }
    }
    return groups.isEmpty() ? List.of() : groups.get(0).variables().stream()
        .filter(v -> groups.stream().allMatch(g -> g.variables().contains(v))).toList();
  }

  private static int steps(double ms, double dt, String field) {
    double ratio = ms / dt;
    long n = Math.round(ratio);
    if (n < 1 || Math.abs(ratio - n) > 1e-6 * Math.max(1.0, ratio)) {
      throw new ModelException(field + " = " + ms + " ms must be a positive whole number of steps "
          + "of dt = " + dt + " ms");
    }
    return (int) n;
  }
}
