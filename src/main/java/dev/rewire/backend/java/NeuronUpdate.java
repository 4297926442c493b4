package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ReceptorPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Phase NEURON_UPDATE: every group's neurons advance one step by their model's code
 * ({@link NeuronModelCode}; docs/design.md, section 2, item 2). Twin of
 * {@code kernels/neuron_update.cl}; per neuron:
 *
 * <pre>
 *   x += input for each receptor variable x      (input that arrived for the previous step)
 *   the model's update, all right-hand sides from the old values; a clamped variable of a
 *   refractory neuron keeps its value
 *   spike if not refractory and the threshold holds: lastspike = step, the reset
 * </pre>
 *
 * Refractory means {@code step - lastspike < refractorySteps}.
 *
 * <p>The Java form is arranged for speed without changing a bit:
 *
 * <ul>
 *   <li>The update runs over every neuron of a group in a loop without branches, which the JIT
 *       vectorises, and writes a spike candidate flag per neuron that is +0 exactly when the
 *       threshold fails (see {@link JavaNeuronSource}); the candidates are the slots that are not
 *       +0, found with {@link Arrays#mismatch} (a vector compare) over all neurons at once, and
 *       then tested exactly.
 *   <li>The few refractory neurons' clamped variables are saved before the loop and put back after
 *       it, so the loop need not test refractoriness.
 *   <li>A group's refractory neurons are a queue: every one of them is refractory for the same
 *       number of steps, so they are released in the order they spiked.
 * </ul>
 */
final class NeuronUpdate implements StepPhase {
  private final GroupPlan[] groups;
  private final NeuronModelCode[] code;
  private final int[][] last;
  /** Per group, its receptors' rings (slot by slot) and the variables they add to. */
  private final InputSum[][][] inputs;
  private final float[][][] inputTargets;
  /** Per group, the arrays of its clamped variables (held while refractory by save and restore). */
  private final float[][][] clamped;
  private final float[][][] held;
  /** The neurons that spiked in the current step, ascending: the output of this phase. */
  private final SpikeList spikes;
  /**
   * The candidate flags per neuron after the update, plus one slot; +0 outside the update (a slot
   * found different is set to +0 at once), like every slot of {@link #zeros}.
   */
  private final float[] above;
  private final float[] zeros;
  /** Scratch: the spike candidates of a step. */
  private final int[] candidates;
  /**
   * Per group, its refractory neurons (local indices) in spike order (a ring); when each spiked is
   * its lastSpike, since a neuron cannot spike again before it leaves the queue.
   */
  private final int[][] queue;
  private final int[] head;
  private final int[] queued;
  private final float dt;

  /**
   * {@code arrays}: the network's state by layout name; {@code rings}: per receptor, its slots'
   * sums.
   */
  NeuronUpdate(Plan plan, Map<String, Object> arrays, InputSum[][] rings, SpikeList spikes,
      int step) {
    this.groups = plan.groups().toArray(new GroupPlan[0]);
    this.spikes = spikes;
    this.dt = (float) plan.dtMs();
    int n = groups.length;
    code = new NeuronModelCode[n];
    last = new int[n][];
    inputs = new InputSum[n][][];
    inputTargets = new float[n][][];
    clamped = new float[n][][];
    held = new float[n][][];
    queue = new int[n][];
    head = new int[n];
    queued = new int[n];
    for (int k = 0; k < n; k++) {
      GroupPlan g = groups[k];
      List<String> vars = g.variables();
      float[][] variables = new float[vars.size()][];
      for (int v = 0; v < vars.size(); v++) {
        variables[v] = (float[]) arrays.get(g.array(vars.get(v)));
      }
      float[][] perNeuron = new float[g.code().perNeuron().size()][];
      for (int p = 0; p < perNeuron.length; p++) {
        perNeuron[p] = (float[]) arrays.get(g.array(g.code().perNeuron().get(p)));
      }
      last[k] = (int[]) arrays.get(g.array("lastspike"));
      code[k] = NeuronModelCode.of(g.code(), g.constants(), variables, perNeuron, last[k],
          g.refractorySteps(), plan.seed(), g.noiseKey());
      List<ReceptorPlan> rs = plan.receptors().stream().filter(r -> r.group() == g.index())
          .toList();
      inputs[k] = new InputSum[rs.size()][];
      inputTargets[k] = new float[rs.size()][];
      for (int q = 0; q < rs.size(); q++) {
        inputs[k][q] = rings[rs.get(q).index()];
        inputTargets[k][q] = variables[rs.get(q).variable()];
      }
      boolean queues = g.refractorySteps() > 1;
      queue[k] = new int[queues ? g.size() : 0];
      int clamps = 0;
      for (int v = 0; v < vars.size(); v++) {
        clamps += g.code().clamped(v) && !g.code().readsRefractory() ? 1 : 0;
      }
      clamped[k] = new float[queues ? clamps : 0][];
      held[k] = new float[clamped[k].length][g.size()];
      for (int v = 0, c = 0; v < vars.size() && queues; v++) {
        if (g.code().clamped(v) && !g.code().readsRefractory()) {
          clamped[k][c++] = variables[v];
        }
      }
    }
    int neurons = plan.neuronCount();
    above = new float[neurons + 1];
    zeros = new float[neurons + 1];
    candidates = new int[neurons + 1];
    rebuildRefractory(step);
  }

  /** The neurons refractory at {@code step}, from their last spikes (at the start, or a restore). */
  private void rebuildRefractory(int step) {
    for (int k = 0; k < groups.length; k++) {
      GroupPlan g = groups[k];
      head[k] = 0;
      queued[k] = 0;
      if (queue[k].length == 0) {
        continue;
      }
      long[] bySpike = new long[g.size()];
      int n = 0;
      for (int i = 0; i < g.size(); i++) {
        if (step - last[k][i] < g.refractorySteps()) {
          bySpike[n++] = ((long) last[k][i] << 32) | i;
        }
      }
      Arrays.sort(bySpike, 0, n); // spike order, as the queue holds them
      for (int q = 0; q < n; q++) {
        enqueue(k, (int) bySpike[q]);
      }
    }
  }

  @Override
  public Phase phase() {
    return Phase.NEURON_UPDATE;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    final float t = (float) step * dt;
    // Group by group, each update then its refractory neurons: written as two loops over the groups,
    // C2 (JDK 17) compiled the update loop without vectors, 5x slower.
    for (int k = 0; k < groups.length; k++) {
      for (int q = 0; q < inputs[k].length; q++) {
        InputSum[] ring = inputs[k][q];
        ring[ring.length == 1 ? 0 : Math.floorMod(step - 1, ring.length)]
            .foldInto(inputTargets[k][q]);
      }
      if (queue[k].length > 0) {
        release(k, step);
        hold(k, true);
      }
      code[k].integrate(groups[k].size(), step, t, above, groups[k].offset());
      if (queue[k].length > 0) {
        hold(k, false);
      }
    }
    threshold(step, t);
  }

  /** Forgets group k's neurons whose refractory period is over at {@code step}. */
  private void release(int k, int step) {
    final int[] q = queue[k];
    final int[] lastK = last[k];
    final int free = step - groups[k].refractorySteps(); // spiked at or before this: released
    int h = head[k];
    int n = queued[k];
    while (n > 0 && lastK[q[h]] <= free) {
      h = wrap(h + 1, q.length);
      n--;
    }
    head[k] = h;
    queued[k] = n;
  }

  /** Saves ({@code save}) or puts back the clamped variables of group k's refractory neurons. */
  private void hold(int k, boolean save) {
    final int[] q = queue[k];
    final int h = head[k];
    final int n = queued[k];
    for (int c = 0; c < clamped[k].length; c++) {
      final float[] x = clamped[k][c];
      final float[] kept = held[k][c];
      for (int p = 0; p < n; p++) {
        int i = q[wrap(h + p, q.length)];
        if (save) {
          kept[p] = x[i];
        } else {
          x[i] = kept[p];
        }
      }
    }
  }

  private void enqueue(int k, int neuron) {
    int[] q = queue[k];
    int tail = wrap(head[k] + queued[k], q.length);
    q[tail] = neuron;
    queued[k]++;
  }

  /**
   * p mod length for 0 <= p < 2 length, without a branch: the wrap is rare, and a rare branch
   * compiled before it is first taken costs a deoptimisation when it is.
   */
  private static int wrap(int p, int length) {
    return p - (length & ((length - 1 - p) >> 31));
  }

  /**
   * Lists the neurons whose threshold holds (ascending), resets them and starts their refractory
   * period. The candidates are found with {@link Arrays#mismatch} called so that its range starts
   * on an equal slot and spans at least two: slot 0 is tested without a branch and then set equal,
   * each slot found is set equal and the next search starts on it, and the search ends on the
   * extra slot. The JDK's mismatch then never takes the branches it takes on a short range or on
   * a difference in the first slot; those would be taken too rarely to be compiled, and would cost
   * a deoptimisation when they first are.
   */
  private void threshold(int step, float t) {
    final int[] found = candidates;
    final int end = above.length;
    int bits = Float.floatToRawIntBits(above[0]);
    found[0] = 0;
    int n = (bits | -bits) >>> 31;
    above[0] = 0.0f;
    int from = 0;
    while (true) {
      int m = Arrays.mismatch(above, from, end, zeros, from, end);
      if (m < 0) {
        break;
      }
      from += m;
      found[n++] = from;
      above[from] = 0.0f;
    }
    spikes.clear();
    int k = 0;
    for (int c = 0; c < n; c++) {
      int i = found[c];
      while (i >= groups[k].end()) {
        k++;
      }
      GroupPlan g = groups[k];
      int local = i - g.offset();
      if (step - last[k][local] >= g.refractorySteps() && code[k].fires(local, step, t)) {
        spikes.add(i);
        last[k][local] = step;
        code[k].reset(local, step, t);
        if (queue[k].length > 0) {
          enqueue(k, local);
        }
      }
    }
  }
}
