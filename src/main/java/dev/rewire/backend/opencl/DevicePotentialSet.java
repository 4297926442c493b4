package dev.rewire.backend.opencl;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.PotentialSet;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.RulePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A projection with a potential set on the device: the {@link PotentialSet} arrays, uploaded from
 * the same initial state the Java backend builds, plus, with a plasticity rule, its traces (trace
 * k of neuron i at k * size + i, and the step of i's last update), decay tables and params.
 */
final class DevicePotentialSet {
  final ProjectionPlan plan;
  final int potentialCount;
  final ClBuffer rowOffset;
  final ClBuffer colOffset;
  final ClBuffer active;
  final ClBuffer slotPos;
  final ClBuffer rowCount;
  final ClBuffer rowSyn;
  final ClBuffer rowTarget;
  final ClBuffer rowWeight;
  final ClBuffer rowToCol;
  final ClBuffer colCount;
  final ClBuffer colSyn;
  final ClBuffer colSource;
  final ClBuffer colToRow;
  final ClBuffer activeCount;
  final ClBuffer preValue;
  final ClBuffer preLast;
  final ClBuffer postValue;
  final ClBuffer postLast;
  /** The decay tables of the pre traces, then of the post traces, end to end. */
  final ClBuffer decay;
  /** Per trace, pre then post: offset in {@link #decay} and length. */
  final ClBuffer decayAt;
  /** The rule's params (one dummy value without a rule). */
  final ClBuffer params;
  /** Set by a rule that made a weight that is not a finite number >= 0. */
  final ClBuffer bad;

  DevicePotentialSet(ClContext ctx, ProjectionPlan p, int seed) {
    this.plan = p;
    InitialConnectivity.PotentialSlots slots = InitialConnectivity.potentialSlots(p, seed);
    PotentialSet set = new PotentialSet(p, slots.weight(), slots.active());
    potentialCount = set.potentialCount();
    String n = p.name() + ".";
    int[] activeInts = new int[potentialCount];
    for (int s = 0; s < potentialCount; s++) {
      activeInts[s] = set.active[s] ? 1 : 0;
    }
    rowOffset = ctx.buffer(n + "row_offset", set.rowOffset);
    colOffset = ctx.buffer(n + "col_offset", set.colOffset);
    active = ctx.buffer(n + "active", activeInts);
    slotPos = ctx.buffer(n + "slot_pos", set.slotPos);
    rowCount = ctx.buffer(n + "row_count", set.rowCount);
    rowSyn = ctx.buffer(n + "row_syn", set.rowSyn);
    rowTarget = ctx.buffer(n + "row_target", set.rowTarget);
    rowWeight = ctx.buffer(n + "row_weight", set.rowWeight);
    rowToCol = ctx.buffer(n + "row_to_col", set.rowToCol);
    colCount = ctx.buffer(n + "col_count", set.colCount);
    colSyn = ctx.buffer(n + "col_syn", set.colSyn);
    colSource = ctx.buffer(n + "col_source", set.colSource);
    colToRow = ctx.buffer(n + "col_to_row", set.colToRow);
    activeCount = ctx.buffer(n + "active_count", new int[] {set.activeCount});
    RulePlan r = p.plasticity();
    int kpre = r == null ? 0 : r.preTraces().size();
    int kpost = r == null ? 0 : r.postTraces().size();
    preValue = ctx.buffer(n + "pre_value", 4L * kpre * p.sourceSize());
    preLast = ctx.buffer(n + "pre_last", never(p.sourceSize()));
    postValue = ctx.buffer(n + "post_value", 4L * kpost * p.targetSize());
    postLast = ctx.buffer(n + "post_last", never(p.targetSize()));
    List<float[]> tables = new ArrayList<>();
    if (r != null) {
      tables.addAll(List.of(r.preDecay()));
      tables.addAll(List.of(r.postDecay()));
    }
    int[] at = new int[2 * tables.size()];
    int total = 0;
    for (int k = 0; k < tables.size(); k++) {
      at[2 * k] = total;
      at[2 * k + 1] = tables.get(k).length;
      total += tables.get(k).length;
    }
    float[] all = new float[Math.max(1, total)];
    for (int k = 0; k < tables.size(); k++) {
      System.arraycopy(tables.get(k), 0, all, at[2 * k], tables.get(k).length);
    }
    decay = ctx.buffer(n + "decay", all);
    decayAt = ctx.buffer(n + "decay_at", at.length == 0 ? new int[1] : at);
    params = ctx.buffer(n + "params", r == null || r.params().length == 0 ? new float[1]
        : r.params());
    bad = ctx.buffer(n + "bad", 4);
  }

  private static int[] never(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, DeviceNeurons.NEVER);
    return a;
  }

  /** Reads lists and traces back (a checkpoint). */
  SimulationState.PotentialState state() {
    int slots = potentialCount;
    int rows = plan.sourceSize();
    int cols = plan.targetSize();
    int[] act = ints(active, slots);
    boolean[] flags = new boolean[slots];
    for (int s = 0; s < slots; s++) {
      flags[s] = act[s] != 0;
    }
    RulePlan r = plan.plasticity();
    return new SimulationState.PotentialState(ints(activeCount, 1)[0], flags, ints(slotPos, slots),
        ints(rowCount, rows), ints(rowSyn, slots), ints(rowTarget, slots), floats(rowWeight, slots),
        ints(rowToCol, slots), ints(colCount, cols), ints(colSyn, slots), ints(colSource, slots),
        ints(colToRow, slots), r == null ? null : split(floats(preValue,
            r.preTraces().size() * rows), rows), r == null ? null : ints(preLast, rows),
        r == null ? null : split(floats(postValue, r.postTraces().size() * cols), cols),
        r == null ? null : ints(postLast, cols));
  }

  /** {@code values} cut into traces of {@code n}. */
  private static float[][] split(float[] values, int n) {
    float[][] out = new float[n == 0 ? 0 : values.length / n][];
    for (int k = 0; k < out.length; k++) {
      out[k] = java.util.Arrays.copyOfRange(values, k * n, (k + 1) * n);
    }
    return out;
  }

  private static float[] join(float[][] traces) {
    int n = traces.length == 0 ? 0 : traces[0].length;
    float[] out = new float[traces.length * n];
    for (int k = 0; k < traces.length; k++) {
      System.arraycopy(traces[k], 0, out, k * n, n);
    }
    return out;
  }

  /** Writes lists and traces (a checkpoint) to the device. */
  void restore(SimulationState.PotentialState s) {
    int[] act = new int[potentialCount];
    for (int k = 0; k < potentialCount; k++) {
      act[k] = s.active()[k] ? 1 : 0;
    }
    active.write(act);
    activeCount.write(new int[] {s.activeCount()});
    slotPos.write(s.slotPos());
    rowCount.write(s.rowCount());
    rowSyn.write(s.rowSyn());
    rowTarget.write(s.rowTarget());
    rowWeight.write(s.rowWeight());
    rowToCol.write(s.rowToCol());
    colCount.write(s.colCount());
    colSyn.write(s.colSyn());
    colSource.write(s.colSource());
    colToRow.write(s.colToRow());
    if (plan.plasticity() != null) {
      preValue.write(join(s.preTraces()));
      preLast.write(s.preLast());
      postValue.write(join(s.postTraces()));
      postLast.write(s.postLast());
    }
  }

  private static int[] ints(ClBuffer b, int n) {
    int[] out = new int[n];
    if (n > 0) {
      b.read(out);
    }
    return out;
  }

  private static float[] floats(ClBuffer b, int n) {
    float[] out = new float[n];
    if (n > 0) {
      b.read(out);
    }
    return out;
  }

  /** Reads the active synapses back, sorted by (source, target). */
  ActiveSynapses snapshot() {
    int[] act = new int[potentialCount];
    int[] pos = new int[potentialCount];
    float[] w = new float[potentialCount];
    int[] offsets = new int[plan.sourceSize() + 1];
    active.read(act);
    slotPos.read(pos);
    rowWeight.read(w);
    rowOffset.read(offsets);
    int count = 0;
    for (int a : act) {
      count += a;
    }
    int[] src = new int[count];
    int[] tgt = new int[count];
    float[] weight = new float[count];
    int k = 0;
    for (int i = 0; i < plan.sourceSize(); i++) {
      for (int s = offsets[i]; s < offsets[i + 1]; s++) {
        if (act[s] != 0) {
          src[k] = i;
          tgt[k] = plan.potentialTarget(i, s - offsets[i]);
          weight[k] = w[pos[s]];
          k++;
        }
      }
    }
    return new ActiveSynapses(plan.name(), src, tgt, weight);
  }
}
