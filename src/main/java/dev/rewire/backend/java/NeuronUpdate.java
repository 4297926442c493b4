package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ReceptorPlan;
import dev.rewire.neuron.NeuronCode;
import dev.rewire.rule.RExpr;
import java.util.ArrayList;
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
 *   <li>The few refractory neurons' clamped variables are put back after the loop to the values
 *       they are held at ({@link RefractoryQueue}), so the loop need not test refractoriness.
 * </ul>
 */
final class NeuronUpdate implements StepPhase {
  private final GroupPlan[] groups;
  /** Per group, the neurons [from, to) this instance updates: all, or one thread's share. */
  private final int[] from;
  private final int[] to;
  /** Whether the input is in one ring (one thread) or in every thread's copy. */
  private final boolean oneRing;
  /** Per group, the end of its spikes in {@link #spikes}. */
  final int[] groupEnd;
  private final NeuronModelCode[] code;
  private final int[][] last;
  /**
   * Per group, its receptors' rings (slot by slot, each slot in every thread's copy of the ring,
   * as listed by their spill lists; see {@link InputSum#fold}), the own lists of this thread's
   * copy, and the variables they add to.
   */
  private final InputSum[][][][] inputs;
  private final InputSum[][][] own;
  private final float[][][] inputTargets;
  /** Per group, its refractory neurons; null when its refractory period is under two steps. */
  private final RefractoryQueue[] refractory;
  /** This instance's neurons that spiked in the current step, ascending: its output. */
  private final SpikeList spikes;
  /**
   * Per group, the candidate flags of its neurons after the update, plus one slot; +0 outside the
   * update (a slot found different is set to +0 at once), like every slot of {@link #zeros}.
   */
  private final float[][] above;
  private final float[][] zeros;
  /** Scratch: the spike candidates of a step. */
  private final int[] candidates;
  private final float dt;

  /**
   * {@code arrays}: the network's state by layout name; {@code rings}: per receptor, its slots'
   * sums.
   */
  NeuronUpdate(Plan plan, Map<String, Object> arrays, InputSum[][] rings, SpikeList spikes,
      int step) {
    this(plan, arrays, new InputSum[][][] {rings}, new InputSum[][][] {rings}, spikes, step, 0, 1);
  }

  /**
   * Member {@code member} of {@code members} threads, which updates its share of every group's
   * neurons ({@link Team#share}); {@code rings} and {@code spills}: per thread, per receptor, its
   * slots' sums as its own and its spill lists list them.
   */
  NeuronUpdate(Plan plan, Map<String, Object> arrays, InputSum[][][] rings, InputSum[][][] spills,
      SpikeList spikes, int step, int member, int members) {
    this.groups = plan.groups().toArray(new GroupPlan[0]);
    this.spikes = spikes;
    this.dt = (float) plan.dtMs();
    int n = groups.length;
    from = new int[n];
    to = new int[n];
    groupEnd = new int[n];
    oneRing = rings.length == 1;
    code = new NeuronModelCode[n];
    last = new int[n][];
    inputs = new InputSum[n][][][];
    own = new InputSum[n][][];
    inputTargets = new float[n][][];
    refractory = new RefractoryQueue[n];
    above = new float[n][];
    zeros = new float[n][];
    int largest = 0;
    for (int k = 0; k < n; k++) {
      GroupPlan g = groups[k];
      from[k] = Team.share(g.size(), member, members);
      to[k] = Team.share(g.size(), member + 1, members);
      NeuronCode c = g.code();
      List<String> vars = g.variables();
      float[][] variables = new float[vars.size()][];
      for (int v = 0; v < vars.size(); v++) {
        variables[v] = (float[]) arrays.get(g.array(vars.get(v)));
      }
      float[][] perNeuron = new float[c.perNeuron().size()][];
      for (int p = 0; p < perNeuron.length; p++) {
        perNeuron[p] = (float[]) arrays.get(g.array(c.perNeuron().get(p)));
      }
      last[k] = (int[]) arrays.get(g.array("lastspike"));
      code[k] = NeuronModelCode.of(c, g.constants(), variables, perNeuron, last[k],
          g.refractorySteps(), plan.seed(), g.noiseKey());
      List<ReceptorPlan> rs = plan.receptors().stream().filter(r -> r.group() == g.index())
          .toList();
      inputs[k] = new InputSum[rs.size()][][];
      own[k] = new InputSum[rs.size()][];
      inputTargets[k] = new float[rs.size()][];
      for (int q = 0; q < rs.size(); q++) {
        int r = rs.get(q).index();
        own[k][q] = rings[member][r];
        inputs[k][q] = new InputSum[rings[0][r].length][spills.length];
        for (int slot = 0; slot < inputs[k][q].length; slot++) {
          for (int u = 0; u < spills.length; u++) {
            inputs[k][q][slot][u] = spills[u][r][slot];
          }
        }
        inputTargets[k][q] = variables[rs.get(q).variable()];
      }
      if (g.refractorySteps() > 1 && c.anyClamped() && !c.readsRefractory()) {
        refractory[k] = queue(g, from[k], to[k], variables, last[k], rs);
        refractory[k].rebuild(step);
      }
      above[k] = new float[g.size() + 1];
      zeros[k] = new float[g.size() + 1];
      largest = Math.max(largest, g.size());
    }
    candidates = new int[largest + 1];
  }

  /**
   * Group g's queue over its clamped variables (a code that reads the refractory flag holds them
   * itself). A variable is held at a constant when the reset's last assignment to it is one.
   */
  private static RefractoryQueue queue(GroupPlan g, int from, int to, float[][] variables,
      int[] last, List<ReceptorPlan> rs) {
    NeuronCode c = g.code();
    List<float[]> held = new ArrayList<>();
    List<Boolean> saved = new ArrayList<>();
    List<Float> constant = new ArrayList<>();
    for (int v = 0; v < variables.length; v++) {
      if (!c.clamped(v)) {
        continue;
      }
      final int variable = v;
      held.add(variables[v]);
      saved.add(rs.stream().anyMatch(r -> r.variable() == variable));
      Float value = null;
      for (NeuronCode.Assignment a : c.reset()) {
        if (a.variable() == v) {
          value = a.value() instanceof RExpr.Const k ? Float.valueOf(k.value())
              : a.value() instanceof RExpr.Konst k ? Float.valueOf(g.constants()[k.index()])
              : null;
        }
      }
      constant.add(value);
    }
    boolean[] savedArray = new boolean[saved.size()];
    for (int q = 0; q < savedArray.length; q++) {
      savedArray[q] = saved.get(q);
    }
    return new RefractoryQueue(from, to, g.refractorySteps(), last,
        held.toArray(new float[0][]), savedArray, constant.toArray(new Float[0]));
  }

  /**
   * After every member's update: empties the folded input lists, and lists the spikes of every
   * member in {@code out}, group by group and member by member, which is ascending order.
   */
  static void finish(NeuronUpdate[] members, int step, SpikeList out) {
    NeuronUpdate first = members[0];
    for (InputSum[][][] group : first.inputs) {
      for (InputSum[][] ring : group) {
        for (InputSum spill : ring[first.slot(ring, step)]) {
          spill.forget();
        }
      }
    }
    for (NeuronUpdate m : members) {
      for (InputSum[][] group : m.own) {
        for (InputSum[] ring : group) {
          ring[m.slot(ring, step)].forget();
        }
      }
    }
    out.clear();
    for (int k = 0; k < first.groups.length; k++) {
      for (NeuronUpdate m : members) {
        int start = k == 0 ? 0 : m.groupEnd[k - 1];
        System.arraycopy(m.spikes.index, start, out.index, out.count, m.groupEnd[k] - start);
        out.count += m.groupEnd[k] - start;
      }
    }
  }

  /** The ring slot whose input is added in {@code step}: the input that arrived for step - 1. */
  private int slot(Object[] ring, int step) {
    return ring.length == 1 ? 0 : Math.floorMod(step - 1, ring.length);
  }

  @Override
  public Phase phase() {
    return Phase.NEURON_UPDATE;
  }

  @Override
  public void run(int step, SimulationListener listener) {
    final float t = (float) step * dt;
    for (int k = 0; k < groups.length; k++) {
      for (int q = 0; q < inputs[k].length; q++) {
        InputSum[][] ring = inputs[k][q];
        int s = slot(ring, step);
        if (oneRing) {
          ring[s][0].foldInto(inputTargets[k][q]);
        } else {
          InputSum.fold(own[k][q][s], ring[s], inputTargets[k][q], from[k], to[k]);
        }
      }
    }
    // Group by group, each update then its refractory neurons: written as two loops over the groups,
    // C2 (JDK 17) compiled the update loop without vectors, 5x slower.
    for (int k = 0; k < groups.length; k++) {
      RefractoryQueue r = refractory[k];
      if (r != null) {
        r.release(step);
        r.save();
      }
      code[k].integrate(from[k], to[k], step, t, above[k]);
      if (r != null) {
        r.restore();
      }
    }
    spikes.clear();
    for (int k = 0; k < groups.length; k++) {
      threshold(k, step, t);
      groupEnd[k] = spikes.count;
    }
  }

  /**
   * Lists group k's neurons whose threshold holds (ascending, after the earlier groups'), resets
   * them and starts their refractory period. The candidates are found with
   * {@link Arrays#mismatch} called so that its range starts on an equal slot and spans at least
   * two: the share's first slot is tested without a branch and then set equal, each slot found is
   * set equal and the next search starts on it, and the search ends on the slot after the share
   * (the extra slot, or one that this instance's update does not write). The JDK's mismatch then
   * never takes the branches it takes on a short range or on a difference in the first slot;
   * those would be taken too rarely to be compiled, and would cost a deoptimisation when they
   * first are.
   */
  private void threshold(int k, int step, float t) {
    final float[] flags = above[k];
    final float[] none = zeros[k];
    final int[] found = candidates;
    final int end = to[k] + 1;
    int at = from[k];
    int bits = Float.floatToRawIntBits(flags[at]);
    found[0] = at;
    int n = (bits | -bits) >>> 31;
    flags[at] = 0.0f;
    while (true) {
      int m = Arrays.mismatch(flags, at, end, none, at, end);
      if (m < 0) {
        break;
      }
      at += m;
      found[n++] = at;
      flags[at] = 0.0f;
    }
    GroupPlan g = groups[k];
    final int[] lastK = last[k];
    final NeuronModelCode c = code[k];
    final RefractoryQueue r = refractory[k];
    final int period = g.refractorySteps();
    for (int q = 0; q < n; q++) {
      int i = found[q];
      if (step - lastK[i] >= period && c.fires(i, step, t)) {
        spikes.add(g.offset() + i);
        lastK[i] = step;
        c.reset(i, step, t);
        if (r != null) {
          r.add(i);
        }
      }
    }
  }
}
