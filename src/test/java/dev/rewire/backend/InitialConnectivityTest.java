package dev.rewire.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Static projections beyond {@link ProjectionPlan#GAP_DRAW_PAIRS} pairs draw their synapses by
 * geometric gaps, in time proportional to the synapses: p of the pairs within binomial noise,
 * targets ascending in each row, excluded pairs never, weights in range; smaller ones pair by pair
 * as always (seed-ei's stored digests pin those draws).
 */
class InitialConnectivityTest {
  @Test
  void largeStaticProjections_drawByGaps_smallOnesPairByPair() {
    Plan plan = Plan.compile(ModelFile.load(Path.of("examples/seed-ei.toml"), List.of(
        "neurons.net.size=20000", "neurons.net.populations={E=[0,16000],I=[16000,20000]}",
        "inputs.P.size=5000", "projections.ee.connectivity.storage=slots")));
    ProjectionPlan pe = plan.projection("pe");
    ProjectionPlan ii = plan.projection("ii");
    assertTrue(pe.pairCount() > ProjectionPlan.GAP_DRAW_PAIRS && pe.drawsByGaps());
    assertFalse(ii.drawsByGaps(), ii.pairCount() + " pairs: pair by pair");
    assertFalse(plan.projection("ee").drawsByGaps(), "a slot set draws pair by pair");
    for (ProjectionPlan p : List.of(pe, ii)) {
      InitialConnectivity.StaticRows r = InitialConnectivity.staticRows(p, 3);
      double mean = p.pairCount() * p.p();
      assertEquals(mean, r.target().length, 6 * Math.sqrt(mean), p.name() + " synapses");
      for (int i = 0; i < p.sourceSize(); i++) {
        for (int q = r.rowStart()[i]; q < r.rowStart()[i + 1]; q++) {
          int j = r.target()[q] - p.targetStart();
          assertTrue(j >= 0 && j < p.targetSize(), "in range");
          assertTrue(q == r.rowStart()[i] || r.target()[q] > r.target()[q - 1], "ascending");
          assertFalse(p.excludeSameIndex() && i == j, "excluded pair");
          assertTrue(r.weight()[q] >= p.weightLow() && r.weight()[q] <= p.weightHigh());
        }
      }
    }
  }
}
