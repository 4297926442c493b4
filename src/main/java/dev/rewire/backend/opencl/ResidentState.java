package dev.rewire.backend.opencl;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One network of a resident batch read back from the batch's buffers ({@link ResidentBuffers}):
 * its state as a checkpoint holds it, and its active synapses.
 */
final class ResidentState {
  private ResidentState() {}

  /** Network k of the batch at {@code step}: its checkpointable state. */
  static SimulationState state(ResidentBuffers b, int k, int step) {
    int n = b.shape.neurons;
    float[] vv = new float[n];
    float[] ga = new float[n];
    float[] gg = new float[n];
    int[] last = new int[n];
    long[] inA = new long[n];
    long[] inG = new long[n];
    b.v.read((long) k * n, vv);
    b.gAmpa.read((long) k * n, ga);
    b.gGaba.read((long) k * n, gg);
    b.lastSpike.read((long) k * n, last);
    b.inputAmpa.read((long) k * n, inA);
    b.inputGaba.read((long) k * n, inG);
    int[] next = new int[b.inputSourcesStride];
    b.nextSpike.read((long) k * b.inputSourcesStride, next);
    Plan plan = b.shape.plan;
    List<int[]> inputs = new ArrayList<>();
    for (InputPlan in : plan.inputs()) {
      int q = b.shape.stepped.indexOf(in);
      int[] ns = new int[in.size()];
      if (q >= 0) {
        System.arraycopy(next, b.shape.inputFirst[q], ns, 0, ns.length);
      } else {
        int seed = seedOf(b, k);
        for (int i = 0; i < ns.length; i++) {
          ns[i] = in.nextSpikeAfter(-1, i, seed); // never stepped: still its first draw
        }
      }
      inputs.add(ns);
    }
    List<SimulationState.PotentialState> sets = new ArrayList<>();
    for (ProjectionPlan p : plan.projections()) {
      int pp = b.shape.potentialIndex[p.index()];
      sets.add(pp < 0 ? null : potentialState(b, k, pp));
    }
    return new SimulationState(step, vv, ga, gg, last, inA, inG, inputs, sets);
  }

  private static int seedOf(ResidentBuffers b, int k) {
    int[] seed = new int[1];
    b.iparams.read((long) k * b.shape.iparams + ResidentShape.IP_SEED, seed);
    return seed[0];
  }

  private static SimulationState.PotentialState potentialState(ResidentBuffers b, int k,
      int pp) {
    ProjectionPlan p = b.shape.potentials.get(pp);
    int count = b.geometry[pp].potentialCount();
    long slots = (long) k * b.shape.slots + b.shape.slotBase[pp];
    int[] act = new int[count];
    b.active.read(slots, act);
    boolean[] flags = new boolean[count];
    for (int s = 0; s < count; s++) {
      flags[s] = act[s] != 0;
    }
    int[] ac = new int[1];
    b.activeCount.read((long) k * b.shape.potentials.size() + pp, ac);
    int ns = p.sourceSize();
    int nt = p.targetSize();
    float[][] pre = null;
    float[][] post = null;
    int[] lasts = null;
    if (p.plasticity() != null) {
      float[] values = new float[b.shape.preTraces[pp] * ns + b.shape.postTraces[pp] * nt];
      lasts = new int[ns + nt];
      b.traceValue.read((long) k * b.shape.traceValues + b.shape.traceValueBase[pp], values);
      b.traceLast.read((long) k * b.shape.traceLasts + b.shape.traceLastBase[pp], lasts);
      pre = new float[b.shape.preTraces[pp]][];
      for (int t = 0; t < pre.length; t++) {
        pre[t] = Arrays.copyOfRange(values, t * ns, (t + 1) * ns);
      }
      post = new float[b.shape.postTraces[pp]][];
      int base = pre.length * ns;
      for (int t = 0; t < post.length; t++) {
        post[t] = Arrays.copyOfRange(values, base + t * nt, base + (t + 1) * nt);
      }
    }
    return new SimulationState.PotentialState(ac[0], flags, ints(b.slotPos, slots, count),
        ints(b.rowCount, (long) k * b.shape.rows + b.shape.rowBase[pp], ns),
        ints(b.rowSyn, slots, count), ints(b.rowTarget, slots, count),
        floats(b.rowWeight, slots, count), ints(b.rowToCol, slots, count),
        ints(b.colCount, (long) k * b.shape.cols + b.shape.colBase[pp], nt),
        ints(b.colSyn, slots, count), ints(b.colSource, slots, count),
        ints(b.colToRow, slots, count),
        pre, lasts == null ? null : Arrays.copyOfRange(lasts, 0, ns),
        post, lasts == null ? null : Arrays.copyOfRange(lasts, ns, ns + nt));
  }

  /** Network k's b.active synapses of potential projection pp, sorted by (source, target). */
  static ActiveSynapses snapshot(ResidentBuffers b, int k, int pp) {
    ProjectionPlan p = b.shape.potentials.get(pp);
    int count = b.geometry[pp].potentialCount();
    long slots = (long) k * b.shape.slots + b.shape.slotBase[pp];
    int[] act = ints(b.active, slots, count);
    int[] pos = ints(b.slotPos, slots, count);
    float[] w = floats(b.rowWeight, slots, count);
    int[] offsets = b.geometry[pp].rowOffset;
    int n = 0;
    for (int a : act) {
      n += a;
    }
    int[] src = new int[n];
    int[] tgt = new int[n];
    float[] weight = new float[n];
    int q = 0;
    for (int i = 0; i < p.sourceSize(); i++) {
      for (int s = offsets[i]; s < offsets[i + 1]; s++) {
        if (act[s] != 0) {
          src[q] = i;
          tgt[q] = p.potentialTarget(i, s - offsets[i]);
          weight[q] = w[pos[s]];
          q++;
        }
      }
    }
    return new ActiveSynapses(p.name(), src, tgt, weight);
  }

  private static int[] ints(ClBuffer b, long offset, int n) {
    int[] out = new int[n];
    b.read(offset, out);
    return out;
  }

  private static float[] floats(ClBuffer b, long offset, int n) {
    float[] out = new float[n];
    b.read(offset, out);
    return out;
  }
}
