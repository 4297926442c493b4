package dev.rewire.backend.opencl.step;

import dev.rewire.backend.ActiveRegrowth;
import dev.rewire.backend.PotentialSet;
import dev.rewire.backend.Rewiring;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StructuralPlan;
import dev.rewire.rule.Evaluator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural plasticity of an active-only potential set in the per-step engine: done on the host
 * by the code the Java backend runs ({@link ActiveRegrowth}), on the set read back from the device
 * and written back when it changed, with its row and column starts copied into the pathways'
 * offset tables. A call waits for the queue, once per structural period; its cost is a pass over
 * the synapses each way.
 */
final class HostRewiring {
  /** The arrays of an active-only set a call reads and rewrites. */
  private static final List<String> ARRAYS = List.of("row_begin", "row_count", "row_target",
      "row_weight", "col_begin", "col_count", "col_source", "col_to_row", "active_count");

  final ProjectionPlan plan;
  private final StepDevice d;
  private final int pp;
  private final ClBuffer rowOffset;
  private final ClBuffer colOffset;
  private final Evaluator.Values params;

  /** {@code rowOffset}, {@code colOffset}: the pathways' tables of row and column starts. */
  HostRewiring(StepDevice d, ProjectionPlan plan, int pp, ClBuffer rowOffset,
      ClBuffer colOffset) {
    this.d = d;
    this.plan = plan;
    this.pp = pp;
    this.rowOffset = rowOffset;
    this.colOffset = colOffset;
    float[] p = plan.plasticity() == null ? new float[0] : plan.plasticity().params();
    this.params = Evaluator.params(p);
  }

  boolean dueAt(int step) {
    return plan.structural().dueAt(step);
  }

  /** Copies the set's row and column starts (state) into the pathways' tables. */
  void publishStarts(Map<String, Object> arrays) {
    rowOffset.write(d.shape.rowBase[pp] + pp, (int[]) arrays.get(plan.array("row_begin")));
    colOffset.write(d.shape.colBase[pp] + pp, (int[]) arrays.get(plan.array("col_begin")));
  }

  /** What a call did: its event and its changes. */
  record Done(StructuralEvent event, Rewiring rewiring) {}

  /**
   * The call at {@code step}, after every launch before it has run. The weights are read first:
   * a call that prunes nothing (most of I->E's in seed-ei) reads nothing else.
   */
  Done call(int step, int seed) {
    d.ctx.finish();
    int active = ((int[]) d.state.read(0, plan.array("active_count")))[0];
    float[] weight = (float[]) d.state.read(0, plan.array("row_weight"));
    int[] pruned = pruned(weight, active);
    if (pruned.length == 0) {
      return new Done(new StructuralEvent(step, plan.name(), 0, 0, active),
          new Rewiring(step, plan.name(), new int[0], new int[0], new float[0], new int[0],
              new int[0], new float[0]));
    }
    Map<String, Object> arrays = new HashMap<>();
    for (String a : ARRAYS) {
      arrays.put(plan.array(a), a.equals("row_weight") ? weight : d.state.read(0, plan.array(a)));
    }
    PotentialSet set = new PotentialSet(plan, arrays);
    Rewiring r = ActiveRegrowth.rewire(set, pruned, step, seed);
    d.state.upload(0, arrays);
    publishStarts(arrays);
    return new Done(new StructuralEvent(step, plan.name(), pruned.length,
        r.regrownSource().length, set.activeCount()), r);
  }

  /** Row positions of the active synapses the prune condition selects, ascending. */
  private int[] pruned(float[] w, int n) {
    StructuralPlan sp = plan.structural();
    int[] out = new int[n];
    int k = 0;
    if (sp.threshold()) {
      float below = sp.pruneBelow();
      for (int r = 0; r < n; r++) {
        if (w[r] < below) {
          out[k++] = r;
        }
      }
    } else {
      float[] current = new float[1];
      Evaluator.Values v = new Evaluator.Values() {
          @Override
          public float param(int index) {
            return params.param(index);
          }

          @Override
          public float w() {
            return current[0];
          }

          @Override
          public float own(int trace, int version) {
            return params.own(trace, version);
          }

          @Override
          public float other(int trace) {
            return params.other(trace);
          }
        };
      for (int r = 0; r < n; r++) {
        current[0] = w[r];
        if (Evaluator.condition(sp.prune(), v)) {
          out[k++] = r;
        }
      }
    }
    return Arrays.copyOf(out, k);
  }
}
