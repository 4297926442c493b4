package dev.rewire.backend.java;

import dev.rewire.model.Receptor;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import java.util.Arrays;

/**
 * Per-neuron state over the flat neuron index space, structure of arrays, and the conductance input
 * of each receptor that arrives during a step ({@link InputSum}), added to g at the start of the next
 * neuron update.
 */
final class NeuronState {
  /** lastSpike of a neuron that never spiked: far enough back, yet step - it cannot overflow. */
  static final int NEVER = Integer.MIN_VALUE / 2;

  final float[] v;
  final float[] gAmpa;
  final float[] gGaba;
  final int[] lastSpike;
  final InputSum ampa;
  final InputSum gaba;

  NeuronState(Plan plan) {
    int n = plan.neuronCount();
    v = new float[n];
    gAmpa = new float[n];
    gGaba = new float[n];
    lastSpike = new int[n];
    ampa = new InputSum(n);
    gaba = new InputSum(n);
    Arrays.fill(lastSpike, NEVER);
    for (GroupPlan g : plan.groups()) {
      Arrays.fill(v, g.offset(), g.end(), g.el());
    }
  }

  InputSum input(Receptor receptor) {
    return receptor == Receptor.AMPA ? ampa : gaba;
  }

  /** Restores the state variables and pending inputs (a checkpoint). */
  void restore(float[] v0, float[] ga, float[] gg, int[] last, long[] inA, long[] inG) {
    System.arraycopy(v0, 0, v, 0, v.length);
    System.arraycopy(ga, 0, gAmpa, 0, gAmpa.length);
    System.arraycopy(gg, 0, gGaba, 0, gGaba.length);
    System.arraycopy(last, 0, lastSpike, 0, lastSpike.length);
    ampa.restore(inA);
    gaba.restore(inG);
  }

  /** g += input for every neuron that got input since the last call; clears the inputs. */
  void foldInput() {
    ampa.foldInto(gAmpa);
    gaba.foldInto(gGaba);
  }
}
