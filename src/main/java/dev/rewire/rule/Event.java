package dev.rewire.rule;

import java.util.List;

/**
 * One event of a rule (on_pre or on_post), checked and put in the order a backend runs it: at the
 * event, the own side's traces are decayed to the step (version 0 of each), then {@code traceDefs}
 * give their new versions in statement order; then, for every synapse of the spiking neuron, the
 * {@code weightUpdates} in statement order, each reading the own traces at the version its
 * statement saw. If the event assigns any own trace, all of them are stored at their final
 * versions with the step as their last update.
 *
 * @param finalVersion per own trace, the version to store
 */
public record Event(List<TraceDef> traceDefs, List<RExpr> weightUpdates, int[] finalVersion) {
  /** Own trace {@code trace} at {@code version}, from {@code value}. */
  public record TraceDef(int trace, int version, RExpr value) {}

  /** An event with no statements. */
  public static Event empty(int ownTraces) {
    return new Event(List.of(), List.of(), new int[ownTraces]);
  }

  public boolean writesTraces() {
    return !traceDefs.isEmpty();
  }

  /** Every expression of the event: the trace definitions', then the weight updates'. */
  public List<RExpr> expressions() {
    List<RExpr> all = new java.util.ArrayList<>();
    for (TraceDef d : traceDefs) {
      all.add(d.value());
    }
    all.addAll(weightUpdates);
    return all;
  }

  /** A text that is equal for two events exactly when they compute the same (for caches). */
  public String describe() {
    return traceDefs + " " + weightUpdates + " " + java.util.Arrays.toString(finalVersion);
  }
}
