package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;
import java.util.Arrays;
import java.util.List;

/**
 * Phase NEURON_UPDATE: one forward-Euler step of every neuron with all right-hand sides from the old
 * values, then threshold and reset (docs/design.md, section 2, item 2). Twin of
 * {@code kernels/neuron_update.cl}; per neuron:
 *
 * <pre>
 *   g_ampa += input_ampa; g_gaba += input_gaba          (input that arrived in the previous step)
 *   if not refractory: v += dt/C * (-gl (v - el) - (g_ampa (v - e_ampa) + g_gaba (v - e_gaba)))
 *   g_ampa *= 1 - dt/tau_ampa; g_gaba *= 1 - dt/tau_gaba  (they decay even while v is frozen)
 *   spike if not refractory and v > vt: lastspike = step, v = el
 * </pre>
 *
 * Refractory means {@code step - lastspike < refractorySteps}: v is frozen for the
 * refractorySteps - 1 updates after the spike step.
 *
 * <p>The Java form is arranged for speed without changing a bit:
 *
 * <ul>
 *   <li>The Euler update runs over every neuron of a group in a loop without branches, which the
 *       JIT vectorises. It also writes {@code d + |d|} with {@code d = v - vt} per neuron, which is
 *       +0 exactly when v <= vt (x - y is 0 only when x = y, and -x + x is +0), so the spike
 *       candidates are the slots that are not +0, found with {@link Arrays#mismatch} (a vector
 *       compare) over all neurons at once. That is cheaper than max(v, vt), whose NaN and -0 rules
 *       cost a blend per vector.
 *   <li>The few refractory neurons are then put back to their frozen value, el (they were reset to
 *       el and nothing moved them since), so a candidate is a spike when its v is above vt: a frozen
 *       neuron sits at el, below vt (validated).
 *   <li>A group's refractory neurons are a queue: every one of them is frozen for the same number
 *       of steps, so they are released in the order they spiked.
 * </ul>
 */
final class NeuronUpdate implements StepPhase {
  private final GroupPlan[] groups;
  private final NeuronState s;
  /** The neurons that spiked in the current step, ascending: the output of this phase. */
  private final SpikeList spikes;
  /**
   * d + |d| with d = v - vt per neuron after the update, plus one slot; +0 outside the update (a
   * slot found different is set to +0 at once), like every slot of {@link #zeros}.
   */
  private final float[] above;
  private final float[] zeros;
  /** Scratch: the spike candidates of a step. */
  private final int[] candidates;
  /**
   * Per group, its refractory neurons in spike order (a ring); when each spiked is its lastSpike,
   * since a neuron cannot spike again before it leaves the queue.
   */
  private final int[][] queue;
  private final int[] head;
  private final int[] queued;

  NeuronUpdate(List<GroupPlan> groups, NeuronState state, SpikeList spikes) {
    this.groups = groups.toArray(new GroupPlan[0]);
    this.s = state;
    this.spikes = spikes;
    int neurons = state.v.length;
    above = new float[neurons + 1];
    zeros = new float[neurons + 1];
    candidates = new int[neurons + 1];
    int n = this.groups.length;
    queue = new int[n][];
    head = new int[n];
    queued = new int[n];
    for (int k = 0; k < n; k++) {
      int size = this.groups[k].refractorySteps() > 1 ? this.groups[k].size() : 0;
      queue[k] = new int[size];
    }
  }

  /** After a restore: the neurons still refractory at {@code step}, from their last spikes. */
  void rebuildRefractory(int step) {
    for (int k = 0; k < groups.length; k++) {
      GroupPlan g = groups[k];
      head[k] = 0;
      queued[k] = 0;
      if (queue[k].length == 0) {
        continue;
      }
      long[] bySpike = new long[g.size()];
      int n = 0;
      for (int i = g.offset(); i < g.end(); i++) {
        if (step - s.lastSpike[i] < g.refractorySteps()) {
          bySpike[n++] = ((long) s.lastSpike[i] << 32) | i;
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
    s.foldInput();
    // Group by group, each update then its refractory neurons: written as two loops over the groups,
    // C2 (JDK 17) compiled the update loop without vectors, 5x slower.
    for (int k = 0; k < groups.length; k++) {
      integrate(groups[k]);
      if (queue[k].length > 0) {
        freezeRefractory(k, step);
      }
    }
    threshold(step);
  }

  /** One Euler step of every neuron of g; d + |d| with d = v - vt of each to {@link #above}. */
  private void integrate(GroupPlan g) {
    final float[] v = s.v;
    final float[] gAmpa = s.gAmpa;
    final float[] gGaba = s.gGaba;
    final float[] out = above;
    final float gl = g.gl();
    final float el = g.el();
    final float eAmpa = g.eAmpa();
    final float eGaba = g.eGaba();
    final float dtOverC = g.dtOverC();
    final float decayAmpa = g.decayAmpa();
    final float decayGaba = g.decayGaba();
    final float vt = g.vt();
    for (int i = g.offset(), end = g.end(); i < end; i++) {
      float vi = v[i];
      float ga = gAmpa[i];
      float gg = gGaba[i];
      float vn = vi + dtOverC * (-gl * (vi - el) - (ga * (vi - eAmpa) + gg * (vi - eGaba)));
      float d = vn - vt;
      v[i] = vn;
      out[i] = d + Math.abs(d);
      gAmpa[i] = ga * decayAmpa;
      gGaba[i] = gg * decayGaba;
    }
  }

  /** Forgets group k's neurons whose period is over and puts the others' v back to el. */
  private void freezeRefractory(int k, int step) {
    final int[] q = queue[k];
    final int[] last = s.lastSpike;
    final int free = step - groups[k].refractorySteps(); // spiked at or before this: released
    int h = head[k];
    int n = queued[k];
    while (n > 0 && last[q[h]] <= free) {
      h = wrap(h + 1, q.length);
      n--;
    }
    head[k] = h;
    queued[k] = n;
    final float[] v = s.v;
    final float el = groups[k].el();
    int first = Math.min(n, q.length - h);
    for (int p = h; p < h + first; p++) {
      v[q[p]] = el;
    }
    for (int p = 0; p < n - first; p++) {
      v[q[p]] = el;
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
   * Lists the neurons above vt (ascending), resets them and starts their refractory period. The
   * candidates are found with {@link Arrays#mismatch} called so that its range starts on an equal
   * slot and spans at least two: slot 0 is tested without a branch and then set equal, each slot
   * found is set equal and the next search starts on it, and the search ends on the extra slot. The
   * JDK's mismatch then never takes the branches it takes on a short range or on a difference in
   * the first slot; those would be taken too rarely to be compiled, and would cost a
   * deoptimisation when they first are.
   */
  private void threshold(int step) {
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
    final float[] v = s.v;
    int k = 0;
    for (int c = 0; c < n; c++) {
      int i = found[c];
      while (i >= groups[k].end()) {
        k++;
      }
      GroupPlan g = groups[k];
      if (v[i] > g.vt()) {
        spikes.add(i);
        s.lastSpike[i] = step;
        v[i] = g.el();
        if (queue[k].length > 0) {
          enqueue(k, i);
        }
      }
    }
  }
}
