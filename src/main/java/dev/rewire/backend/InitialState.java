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
    neurons(plan, a);
    int seed = plan.seed();
    for (InputPlan in : plan.steppedInputs()) {
      int[] next = (int[]) a.get("inputs." + in.name() + ".next_spike");
      for (int i = 0; i < next.length; i++) {
        next[i] = in.nextSpikeAfter(-1, i, seed);
      }
    }
    for (ProjectionPlan p : plan.potentialProjections()) {
      if (p.activeOnly()) {
        ActiveLists.initial(p, a, InitialConnectivity.gapRows(p, seed));
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

  /** The models' initial values and per-neuron params, no spike yet, into {@code a}. */
  private static void neurons(Plan plan, Map<String, Object> a) {
    for (GroupPlan g : plan.groups()) {
      NeuronCode.SetUp s = g.setUp(plan.seed());
      for (int k = 0; k < s.variables().length; k++) {
        System.arraycopy(s.variables()[k], 0, a.get(g.array(g.variables().get(k))), 0, g.size());
      }
      for (int k = 0; k < s.perNeuron().length; k++) {
        System.arraycopy(s.perNeuron()[k], 0, a.get(g.array(g.code().perNeuron().get(k))), 0,
            g.size());
      }
      Arrays.fill((int[]) a.get(g.array("lastspike")), NEVER);
    }
  }

  /**
   * {@code plan}'s arrays with the checkpointed ones copied from {@code state}, the others (the
   * per-neuron params) made from the seed; nothing is drawn that the state replaces (a large
   * potential set's initial synapses, say).
   */
  public static Map<String, Object> arrays(Plan plan, SimulationState state) {
    state.check(plan.layout());
    Map<String, Object> a = new LinkedHashMap<>();
    Map<String, Object> scratch = new LinkedHashMap<>();
    for (StateLayout.Entry e : plan.layout().entries()) {
      Object given = state.arrays().get(e.name());
      a.put(e.name(), given != null ? SimulationState.copy(given) : SimulationState.allocate(e));
      // the set-up also writes the variables and lastspike: scratch arrays for those
      boolean setUpWrites = e.kind() == StateLayout.Kind.VARIABLE
          || e.kind() == StateLayout.Kind.LAST_SPIKE;
      scratch.put(e.name(), setUpWrites ? SimulationState.allocate(e) : a.get(e.name()));
    }
    neurons(plan, scratch);
    return a;
  }
}
