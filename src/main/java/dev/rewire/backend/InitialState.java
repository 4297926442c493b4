package dev.rewire.backend;

import dev.rewire.neuron.NeuronCode;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.StateLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network at step 0, every array of its {@link StateLayout}, made once on the host for every
 * backend: the models' per-neuron params and initial values ({@link GroupPlan#setUp}), no spike
 * yet, no pending input, each stepped Poisson source's first spike, each potential set's initial
 * synapses ({@link InitialConnectivity}), traces at 0.
 */
public final class InitialState {
  /** lastSpike of a neuron that never spiked: far enough back, yet step - it cannot overflow. */
  public static final int NEVER = Integer.MIN_VALUE / 2;

  private InitialState() {}

  /** Every array of {@code plan}'s layout, by name, at step 0. */
  public static Map<String, Object> arrays(Plan plan) {
    Map<String, Object> a = new LinkedHashMap<>();
    for (StateLayout.Entry e : plan.layout().entries()) {
      a.put(e.name(), SimulationState.allocate(e));
    }
    int seed = plan.seed();
    for (GroupPlan g : plan.groups()) {
      NeuronCode.SetUp s = g.setUp(seed);
      for (int k = 0; k < s.variables().length; k++) {
        System.arraycopy(s.variables()[k], 0, a.get(g.array(g.variables().get(k))), 0, g.size());
      }
      for (int k = 0; k < s.perNeuron().length; k++) {
        System.arraycopy(s.perNeuron()[k], 0, a.get(g.array(g.code().perNeuron().get(k))), 0,
            g.size());
      }
      Arrays.fill((int[]) a.get(g.array("lastspike")), NEVER);
    }
    for (InputPlan in : plan.steppedInputs()) {
      int[] next = (int[]) a.get("inputs." + in.name() + ".next_spike");
      for (int i = 0; i < next.length; i++) {
        next[i] = in.nextSpikeAfter(-1, i, seed);
      }
    }
    for (ProjectionPlan p : plan.potentialProjections()) {
      if (p.activeOnly()) {
        PotentialSet.initialActive(p, a, InitialConnectivity.gapRows(p, seed));
      } else {
        InitialConnectivity.PotentialSlots slots = InitialConnectivity.potentialSlots(p, seed);
        PotentialSet.initial(p, a, slots.weight(), slots.active());
      }
      if (p.plasticity() != null) {
        Arrays.fill((int[]) a.get(p.array("pre_last")), NEVER);
        Arrays.fill((int[]) a.get(p.array("post_last")), NEVER);
      }
    }
    return a;
  }

  /** {@code plan}'s arrays at step 0, with the checkpointed ones replaced by {@code state}'s. */
  public static Map<String, Object> arrays(Plan plan, SimulationState state) {
    state.check(plan.layout());
    Map<String, Object> a = arrays(plan);
    state.arrays().forEach((name, array) -> a.put(name, SimulationState.copy(array)));
    return a;
  }
}
