package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.model.Connectivity;
import dev.rewire.model.Model;
import dev.rewire.model.Projection;
import dev.rewire.model.Simulation;
import dev.rewire.model.Weight;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.testing.TestModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STDP on hand-built spike pairs, against the rule (docs/design.md, section 1) in double. */
class StdpTest {
  private static final double LR = 0.01;
  private static final double ALPHA_PRE = 0.6;
  private static final double ALPHA_POST = -0.5;
  private static final double A_PLUS = 3;
  private static final double A_MINUS = -1;
  private static final double TAU_PLUS = 5;
  private static final double TAU_MINUS = 20;
  private static final double W0 = 0.15;

  private final ProjectionPlan plan;
  private final PotentialSynapses syn;
  private final InputSum input = new InputSum(new long[2], 0, 2, false);
  /** Slot of the synapse 0 → 1. */
  private final int s01 = 0;

  StdpTest() {
    Model m = new Model("pair", new Simulation(0.1, 10, 1), Map.of("net", TestModels.lifGroup(2)),
        Map.of(), Map.of("nn", new Projection("N", "N", "g_ampa",
            new Connectivity(Connectivity.Rule.ALL_PAIRS, 1.0, true), Weight.constant(W0),
            TestModels.seedEeStdp(), null)));
    Plan p = Plan.compile(m);
    plan = p.projection("nn");
    syn = InitialSynapses.potentialSynapses(p, plan);
  }

  @Test
  void prePost_potentiatesBy_aPlusAndAMinusTimesDecayedPreTraces() {
    SynapsePre.onPre(syn, 0, 100, input, false);
    double w = W0 + LR * ALPHA_PRE; // no post traces yet
    assertEquals(w, syn.weightOf(s01), 1e-6);
    SynapsePost.onPost(syn, 1, 130);
    double dt = 3.0; // ms between pre and post
    w += LR * (ALPHA_POST + A_PLUS * Math.exp(-dt / TAU_PLUS) + A_MINUS * Math.exp(-dt / TAU_MINUS));
    assertEquals(w, syn.weightOf(s01), 1e-6);
  }

  @Test
  void postPre_updatesFromDecayedPostTraces() {
    SynapsePost.onPost(syn, 1, 100);
    double w = W0 + LR * ALPHA_POST;
    assertEquals(w, syn.weightOf(s01), 1e-6);
    SynapsePre.onPre(syn, 0, 150, input, false);
    double dt = 5.0;
    w += LR * (ALPHA_PRE + A_PLUS * Math.exp(-dt / TAU_PLUS) + A_MINUS * Math.exp(-dt / TAU_MINUS));
    assertEquals(w, syn.weightOf(s01), 1e-6);
  }

  @Test
  void sameStep_countsAsPreBeforePost() {
    SynapsePre.onPre(syn, 0, 10, input, false);
    SynapsePost.onPost(syn, 1, 10);
    double w = W0 + LR * ALPHA_PRE + LR * (ALPHA_POST + A_PLUS + A_MINUS);
    assertEquals(w, syn.weightOf(s01), 1e-6);
  }

  @Test
  void preSpike_deliversTheWeightBeforeItsOwnUpdate() {
    SynapsePre.onPre(syn, 0, 10, input, false);
    assertEquals(0.15f, dev.rewire.plan.FixedPoint.toFloat(input.value[1]));
  }

  @Test
  void weights_areClippedToZeroAndGmax() {
    syn.setWeight(s01, 0.001f);
    SynapsePost.onPost(syn, 1, 10); // alpha_post = -0.5 → -0.005
    assertEquals(0f, syn.weightOf(s01));
    syn.setWeight(s01, 19.999f);
    for (int n = 0; n < 10; n++) {
      SynapsePre.onPre(syn, 0, 20 + n, input, false);
    }
    assertEquals(20f, syn.weightOf(s01));
  }
}
