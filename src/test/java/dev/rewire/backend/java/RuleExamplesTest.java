package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.model.Connectivity;
import dev.rewire.model.Model;
import dev.rewire.model.ModelFile;
import dev.rewire.model.Plasticity;
import dev.rewire.model.Projection;
import dev.rewire.model.Weight;
import dev.rewire.plan.Plan;
import dev.rewire.testing.Runs;
import dev.rewire.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of examples/rules/ on hand-built spike trains, against each rule's closed-form result
 * in double: one synapse 0 → 1 whose source and target spike at chosen steps (0.1 ms apart).
 */
class RuleExamplesTest {
  private static final double W0 = 0.15;

  /** One synapse under the rule of projection {@code projection} of an example. */
  private static final class Pair {
    final PotentialSynapses syn;
    final InputSum input = new InputSum(new long[2], 0, 2, false);
    final Map<String, Double> p;

    Pair(String example, String projection) {
      Plasticity rule = ModelFile.load(Path.of("examples/rules/" + example), List.of())
          .projections().get(projection).rule();
      p = rule.params();
      Model m = new Model("pair", new dev.rewire.model.Simulation(0.1, 100, 1),
          Map.of("net", TestModels.lifGroup(2)), Map.of(), Map.of("nn", new Projection("N", "N",
              "g_ampa", new Connectivity(Connectivity.Rule.ALL_PAIRS, 1.0, true),
              Weight.constant(W0), null, null, rule)));
      Plan plan = Plan.compile(m);
      syn = InitialSynapses.potentialSynapses(plan, plan.projection("nn"));
    }

    void pre(int step) {
      SynapsePre.onPre(syn, 0, step, input, false);
    }

    void post(int step) {
      SynapsePost.onPost(syn, 1, step);
    }

    double w() {
      return syn.weightOf(0);
    }
  }

  private static double decay(double ms, double tau) {
    return Math.exp(-ms / tau);
  }

  @Test
  void seedRule_writtenOut_runsExactlyAsTheStdpShorthand() {
    Model written = ModelFile.load(Path.of("examples/rules/seed-rule.toml"),
        List.of("simulation.duration_ms=1000"));
    Model shorthand = ModelFile.loadBundled("seed-ei", List.of("simulation.duration_ms=1000"));
    assertEquals(Runs.summary(new JavaBackend(), shorthand).digest(),
        Runs.summary(new JavaBackend(), written).digest());
  }

  @Test
  void songPair_potentiatesAndDepressesByTheDecayedAmplitude() {
    Pair s = new Pair("song-pair.toml", "ee");
    s.pre(100);
    s.post(130); // post 3 ms after pre
    double w = W0 + s.p.get("a_plus") * decay(3, 20);
    assertEquals(w, s.w(), 1e-6);
    s.post(1000);
    s.pre(1050); // pre 5 ms after post; the earlier pair is 100 ms and more away
    w += s.p.get("a_plus") * decay(90, 20); // the post at 1000 still sees the pre at 100
    w -= s.p.get("a_minus") * (decay(5, 20) + decay(92, 20));
    assertEquals(w, s.w(), 1e-6);
  }

  @Test
  void vanRossum_depressesInProportionToTheWeight() {
    Pair s = new Pair("van-rossum.toml", "ee");
    s.post(100);
    s.pre(150);
    double w = W0 * (1 - s.p.get("a_minus") * decay(5, 20));
    assertEquals(w, s.w(), 1e-6);
    s.post(170);
    w += s.p.get("a_plus") * decay(2, 20);
    assertEquals(w, s.w(), 1e-6);
  }

  @Test
  void triplet_postPostAfterPre_addsTheTripletTermWithTheTraceBeforeTheSpike() {
    Pair s = new Pair("triplet.toml", "ee");
    s.pre(100);
    s.post(130); // 3 ms after pre; o2 was 0 before this post
    double w = W0 + decay(3, 16.8) * s.p.get("a2_plus");
    assertEquals(w, s.w(), 1e-7);
    s.post(180); // 8 ms after pre, 5 ms after the first post: o2 before the increment
    w += decay(8, 16.8) * (s.p.get("a2_plus") + s.p.get("a3_plus") * decay(5, 125));
    assertEquals(w, s.w(), 1e-7);
    s.pre(200); // 2 ms after the second post: o1 of both posts, r2 of the first pre
    w -= (decay(2, 33.7) + decay(7, 33.7))
        * (s.p.get("a2_minus") + s.p.get("a3_minus") * decay(10, 101));
    assertEquals(w, s.w(), 1e-7);
  }

  @Test
  void vogels_everyPreSpikeDepressesByEtaAlpha_coincidencesPotentiate() {
    Pair s = new Pair("vogels-istdp.toml", "ie");
    double eta = s.p.get("eta");
    s.pre(100); // no post trace yet
    double w = W0 - eta * s.p.get("alpha");
    assertEquals(w, s.w(), 1e-6);
    s.post(130);
    w += eta * decay(3, 20);
    assertEquals(w, s.w(), 1e-6);
    s.pre(160);
    w += eta * (decay(3, 20) - s.p.get("alpha"));
    assertEquals(w, s.w(), 1e-6);
  }

}
