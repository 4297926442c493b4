package dev.rewire.backend.opencl.device;

import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import java.util.List;

/** Where the sampled state lies: each (variable, neuron)'s index in a network's neuron_f pack. */
public final class SampleIndex {
  private SampleIndex() {}

  /** Variable-major: entry v * neurons.length + q is variable v of neuron q. */
  public static int[] of(Plan plan, DeviceShape shape, int[] neurons, List<String> variables) {
    int[] index = new int[variables.size() * neurons.length];
    for (int v = 0; v < variables.size(); v++) {
      for (int q = 0; q < neurons.length; q++) {
        GroupPlan g = plan.groupOf(neurons[q]);
        index[v * neurons.length + q] = shape.at(g.array(variables.get(v)))
            + neurons[q] - g.offset();
      }
    }
    return index;
  }
}
