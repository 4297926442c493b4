package dev.rewire.backend.opencl;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.PotentialSet;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StdpPlan;

/**
 * A projection with a potential set on the device: the {@link PotentialSet} arrays, uploaded from
 * the same initial state the Java backend builds, plus STDP traces and decay tables.
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
  final ClBuffer prePlus;
  final ClBuffer preMinus;
  final ClBuffer preLast;
  final ClBuffer postPlus;
  final ClBuffer postMinus;
  final ClBuffer postLast;
  final ClBuffer decayPlus;
  final ClBuffer decayMinus;

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
    int[] never = new int[Math.max(p.sourceSize(), p.targetSize())];
    java.util.Arrays.fill(never, DeviceNeurons.NEVER);
    prePlus = ctx.buffer(n + "pre_plus", 4L * p.sourceSize());
    preMinus = ctx.buffer(n + "pre_minus", 4L * p.sourceSize());
    preLast = ctx.buffer(n + "pre_last", java.util.Arrays.copyOf(never, p.sourceSize()));
    postPlus = ctx.buffer(n + "post_plus", 4L * p.targetSize());
    postMinus = ctx.buffer(n + "post_minus", 4L * p.targetSize());
    postLast = ctx.buffer(n + "post_last", java.util.Arrays.copyOf(never, p.targetSize()));
    StdpPlan stdp = p.stdp();
    decayPlus = ctx.buffer(n + "decay_plus", stdp == null ? new float[1] : stdp.decayPlus());
    decayMinus = ctx.buffer(n + "decay_minus", stdp == null ? new float[1] : stdp.decayMinus());
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
    boolean stdp = plan.stdp() != null;
    return new SimulationState.PotentialState(ints(activeCount, 1)[0], flags, ints(slotPos, slots),
        ints(rowCount, rows), ints(rowSyn, slots), ints(rowTarget, slots), floats(rowWeight, slots),
        ints(rowToCol, slots), ints(colCount, cols), ints(colSyn, slots), ints(colSource, slots),
        ints(colToRow, slots), stdp ? floats(prePlus, rows) : null,
        stdp ? floats(preMinus, rows) : null, stdp ? ints(preLast, rows) : null,
        stdp ? floats(postPlus, cols) : null, stdp ? floats(postMinus, cols) : null,
        stdp ? ints(postLast, cols) : null);
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
    if (plan.stdp() != null) {
      prePlus.write(s.prePlus());
      preMinus.write(s.preMinus());
      preLast.write(s.preLast());
      postPlus.write(s.postPlus());
      postMinus.write(s.postMinus());
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
