package dev.rewire.backend.opencl.device;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.InitialConnectivity;
import dev.rewire.backend.PotentialSet;
import dev.rewire.plan.ProjectionPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A projection's active synapses as both engines report them, sorted by (source, target). */
public final class Snapshots {
  private Snapshots() {}

  /** Network k's active synapses of potential projection p, read from the device. */
  public static ActiveSynapses potential(DeviceState state, int k, ProjectionPlan p) {
    Map<String, Object> lists = new HashMap<>();
    for (String a : p.activeOnly()
        ? List.of("row_begin", "row_count", "row_target", "row_weight", "active_count")
        : List.of("row_count", "row_syn", "row_target", "row_weight", "active_count")) {
      lists.put(p.array(a), state.read(k, p.array(a)));
    }
    return new PotentialSet(p, lists).snapshot();
  }

  /** A static projection's synapses, local indices (they never change). */
  public static ActiveSynapses statics(ProjectionPlan p, InitialConnectivity.StaticRows rows) {
    int n = rows.target().length;
    int[] src = new int[n];
    int[] tgt = new int[n];
    for (int i = 0; i < p.sourceSize(); i++) {
      for (int q = rows.rowStart()[i]; q < rows.rowStart()[i + 1]; q++) {
        src[q] = i;
        tgt[q] = rows.target()[q] - p.targetStart();
      }
    }
    return new ActiveSynapses(p.name(), src, tgt, rows.weight().clone());
  }
}
