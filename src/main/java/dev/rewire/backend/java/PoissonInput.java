package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;
import java.util.Arrays;

/**
 * Phase POISSON_INPUT for one input: which sources spike in this step. Each source spikes in a step
 * with probability p = rate·dt; instead of a Bernoulli trial per source and step (10^7 per simulated
 * second for seed-ei), each source holds the step of its next spike, drawn from the geometric
 * distribution of waiting times, which is the same process. When source i spikes in step n it draws
 * its next waiting time from Philox counter (n + 1, i, 0, 0); its first spike uses counter (0, i).
 *
 * <p>Sources are kept in a timing wheel (a bucket per step modulo {@value #WHEEL}), so a step only
 * touches the sources due in it; a source further than one turn ahead stays in its bucket and is
 * looked at once per turn.
 */
final class PoissonInput implements StepPhase {
  static final int WHEEL = 4096;
  private static final int NONE = -1;

  private final InputPlan plan;
  private final int seed;
  private final int[] nextSpike;
  private final int[] head = new int[WHEEL];
  private final int[] link;
  private final int[] due;
  final SpikeList spikes;

  /** {@code nextSpike}: the state's next spike of each source (shared), as it is now. */
  PoissonInput(InputPlan plan, int seed, int[] nextSpike) {
    this(plan, seed, nextSpike, 0, plan.size());
  }

  /**
   * Sources [from, to) only: with several threads, each steps a range of the sources in a wheel
   * of its own. Which sources spike does not depend on the ranges (a source's draws are its own).
   */
  PoissonInput(InputPlan plan, int seed, int[] nextSpike, int from, int to) {
    this.plan = plan;
    this.seed = seed;
    int n = plan.size();
    this.nextSpike = nextSpike;
    link = new int[n];
    due = new int[n];
    spikes = new SpikeList(n);
    Arrays.fill(head, NONE);
    for (int i = from; i < to; i++) {
      insert(i);
    }
  }

  private int afterStep(int step, int i) {
    return plan.nextSpikeAfter(step, i, seed);
  }

  private void insert(int i) {
    if (nextSpike[i] == Integer.MAX_VALUE) {
      return;
    }
    int b = nextSpike[i] & (WHEEL - 1);
    link[i] = head[b];
    head[b] = i;
  }

  @Override
  public Phase phase() {
    return Phase.POISSON_INPUT;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    spikes.clear();
    int b = step & (WHEEL - 1);
    int i = head[b];
    int kept = NONE;
    int dueCount = 0;
    // Sources due now go to `due`; the others (a whole turn or more ahead, which is rare) are
    // relinked into this bucket. Without branches: a rare branch compiled before it is first taken
    // costs a deoptimisation when it is. Steps are >= 0, so next ^ step is 0 exactly when due.
    while (i != NONE) {
      int following = link[i];
      int isDue = ((nextSpike[i] ^ step) - 1) >>> 31;
      due[dueCount] = i;
      dueCount += isDue;
      link[i] = kept;
      kept = i + ((kept - i) & -isDue);
      i = following;
    }
    head[b] = kept;
    // In wheel order, which depends on the wheel's history: harmless, since the spikes of an input
    // only feed static projections, whose fixed-point sums do not depend on the order of addition.
    for (int k = 0; k < dueCount; k++) {
      int src = due[k];
      spikes.add(src);
      nextSpike[src] = afterStep(step, src);
      insert(src);
    }
  }
}
