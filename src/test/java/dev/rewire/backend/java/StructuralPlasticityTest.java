package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.model.Structural;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.testing.TestModels;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The prune/regrow invariants of docs/design.md, section 5, over many calls on random weights. */
class StructuralPlasticityTest {
  private static final float THRESHOLD = 0.05f;
  private static final float REGROWTH = 0.15f;

  private PotentialSynapses build(Structural.Mode mode) {
    Plan plan = Plan.compile(TestModels.rewired(60, 0.3,
        new Structural(5.0, THRESHOLD, mode, REGROWTH), 100, 3));
    return InitialSynapses.potentialSynapses(plan, plan.projection("nn"));
  }

  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void run_keepsEveryInvariantOverManyCalls(Structural.Mode mode) {
    PotentialSynapses p = build(mode);
    ProjectionPlan plan = p.plan;
    Random rnd = new Random(11);
    int totalPruned = 0;
    for (int call = 0; call < 50; call++) {
      for (int s = 0; s < p.potentialCount(); s++) {
        if (p.active[s]) {
          p.setWeight(s, rnd.nextFloat() * 0.4f); // about 1 in 8 below threshold
        }
      }
      boolean[] before = p.active.clone();
      float[] weightBefore = weightsOf(p);
      int[] rowCountBefore = p.rowCount.clone();
      int activeBefore = p.activeCount();

      StructuralPlasticity.Change c = StructuralPlasticity.rewire(p, call * 50, 3);
      totalPruned += c.pruned().length;

      assertEquals(c.pruned().length, c.regrown().length, "as many regrown as pruned");
      assertEquals(activeBefore, p.activeCount(), "active count conserved");
      Set<Integer> pruned = new HashSet<>();
      for (int s : c.pruned()) {
        assertTrue(before[s], "pruned synapse was active");
        assertTrue(weightBefore[s] < THRESHOLD, "pruned synapse was below threshold");
        assertTrue(pruned.add(s), "no duplicate prunes");
      }
      Set<Integer> regrown = new HashSet<>();
      for (int s : c.regrown()) {
        assertFalse(before[s], "regrown synapse was inactive before the call");
        assertFalse(pruned.contains(s), "never regrown in the call that pruned it");
        assertTrue(regrown.add(s), "no duplicate regrowths");
        assertEquals(REGROWTH, p.weightOf(s), "regrown synapse carries the regrowth weight");
      }
      for (int s = 0; s < p.potentialCount(); s++) {
        if (before[s] && weightBefore[s] >= THRESHOLD) {
          assertTrue(p.active[s], "synapses at or above threshold survive");
        }
      }
      if (mode == Structural.Mode.PER_SOURCE) {
        assertTrue(Arrays.equals(rowCountBefore, p.rowCount), "per-source conserves out-degrees");
      }
      assertListsMatchFlags(p, plan);
    }
    assertTrue(totalPruned > 100, "the test exercised pruning: " + totalPruned);
  }

  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void run_isAPureFunctionOfStateStepAndSeed(Structural.Mode mode) {
    PotentialSynapses a = build(mode);
    PotentialSynapses b = build(mode);
    for (PotentialSynapses p : new PotentialSynapses[] {a, b}) {
      for (int s = 0; s < p.potentialCount(); s += 3) {
        if (p.active[s]) {
          p.setWeight(s, 0.01f);
        }
      }
    }
    StructuralPlasticity.Change ca = StructuralPlasticity.rewire(a, 500, 9);
    StructuralPlasticity.Change cb = StructuralPlasticity.rewire(b, 500, 9);
    assertTrue(Arrays.equals(ca.regrown(), cb.regrown()));
    PotentialSynapses c = build(mode);
    for (int s = 0; s < c.potentialCount(); s += 3) {
      if (c.active[s]) {
        c.setWeight(s, 0.01f);
      }
    }
    assertNotEquals(Arrays.toString(ca.regrown()),
        Arrays.toString(StructuralPlasticity.rewire(c, 1000, 9).regrown()), "another step, other draws");
  }

  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void run_withTooFewInactiveSlots_regrowsAllThereAre(Structural.Mode mode) {
    Plan plan = Plan.compile(TestModels.rewired(10, 0.95,
        new Structural(5.0, 1.0, mode, REGROWTH), 100, 5));
    PotentialSynapses p = InitialSynapses.potentialSynapses(plan, plan.projection("nn"));
    int inactive = p.potentialCount() - p.activeCount();
    int activeBefore = p.activeCount();
    StructuralPlasticity.Change c = StructuralPlasticity.rewire(p, 0, 5);
    assertEquals(activeBefore, c.pruned().length, "threshold 1.0 prunes every synapse");
    assertTrue(c.regrown().length <= inactive);
    assertEquals(c.regrown().length, p.activeCount());
    assertListsMatchFlags(p, plan.projection("nn"));
  }

  private static float[] weightsOf(PotentialSynapses p) {
    float[] w = new float[p.potentialCount()];
    for (int s = 0; s < w.length; s++) {
      w[s] = p.active[s] ? p.weightOf(s) : Float.NaN;
    }
    return w;
  }

  /** Row and column lists hold exactly the active slots, with correct partners, no self pairs. */
  private static void assertListsMatchFlags(PotentialSynapses p, ProjectionPlan plan) {
    int inRows = 0;
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < plan.sourceSize(); i++) {
      for (int k = p.rowOffset[i]; k < p.rowOffset[i] + p.rowCount[i]; k++) {
        int s = p.rowSyn[k];
        assertTrue(p.active[s]);
        assertTrue(s >= p.rowOffset[i] && s < p.rowOffset[i + 1], "slot in its row");
        assertEquals(p.targetOf(i, s), p.rowTarget[k]);
        assertNotEquals(i, p.rowTarget[k], "no self pairs");
        assertTrue(seen.add(s));
        inRows++;
      }
    }
    int inCols = 0;
    for (int j = 0; j < plan.targetSize(); j++) {
      for (int k = p.colOffset[j]; k < p.colOffset[j] + p.colCount[j]; k++) {
        assertTrue(p.active[p.colSyn[k]]);
        assertEquals(j, p.targetOf(p.colSource[k], p.colSyn[k]));
        assertEquals(p.colSyn[k], p.rowSyn[p.colToRow[k]], "column entry points at its row entry");
        inCols++;
      }
    }
    int flags = 0;
    for (boolean a : p.active) {
      flags += a ? 1 : 0;
    }
    assertEquals(flags, p.activeCount());
    assertEquals(flags, inRows);
    assertEquals(flags, inCols);
  }
}
