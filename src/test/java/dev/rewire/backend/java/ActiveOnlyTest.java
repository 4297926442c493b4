package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.ActiveRegrowth;
import dev.rewire.backend.Rewiring;
import dev.rewire.model.Connectivity;
import dev.rewire.model.Structural;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.testing.TestModels;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A potential set that keeps its active synapses only (connectivity.storage = "active"): the
 * prune/regrow invariants of docs/design.md, section 5, call after call on random weights, the
 * lists sorted and consistent after every call, and regrowth exactly uniform among the pairs that
 * were inactive before the call.
 */
class ActiveOnlyTest {
  private static final float THRESHOLD = 0.05f;
  private static final float REGROWTH = 0.15f;

  private static PotentialSynapses build(int size, double p, float threshold,
      Structural.Mode mode, long seed) {
    Plan plan = Plan.compile(TestModels.rewired(size, p,
        new Structural(5.0, threshold, mode, REGROWTH), 100, seed, Connectivity.Storage.ACTIVE));
    assertTrue(plan.projection("nn").activeOnly());
    return InitialSynapses.potentialSynapses(plan, plan.projection("nn"));
  }

  /** The active pairs (source * targets + target) with their weights. */
  private static Map<Long, Float> pairs(PotentialSynapses p) {
    Map<Long, Float> m = new HashMap<>();
    int cols = p.plan.targetSize();
    for (int i = 0; i < p.plan.sourceSize(); i++) {
      for (int r = p.rowOffset[i]; r < p.rowOffset[i] + p.rowCount[i]; r++) {
        assertTrue(m.put((long) i * cols + p.rowTarget[r], p.rowWeight[r]) == null, "no duplicate");
      }
    }
    return m;
  }

  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void calls_keepEveryInvariant(Structural.Mode mode) {
    PotentialSynapses p = build(60, 0.3, THRESHOLD, mode, 3);
    int cols = p.plan.targetSize();
    Random rnd = new Random(11);
    int totalPruned = 0;
    for (int call = 0; call < 50; call++) {
      for (int r = 0; r < p.activeCount(); r++) {
        p.setWeight(r, rnd.nextFloat() * 0.4f); // about 1 in 8 below threshold
      }
      Map<Long, Float> before = pairs(p);
      int[] rowCountBefore = p.rowCount.clone();

      Rewiring w = StructuralPlasticity.rewireActive(p, call * 50, 3);
      totalPruned += w.prunedSource().length;

      assertEquals(w.prunedSource().length, w.regrownSource().length, "as many regrown as pruned");
      assertEquals(before.size(), p.activeCount(), "active count conserved");
      Map<Long, Float> after = pairs(p);
      Set<Long> pruned = new HashSet<>();
      for (int k = 0; k < w.prunedSource().length; k++) {
        long pair = (long) w.prunedSource()[k] * cols + w.prunedTarget()[k];
        assertTrue(before.containsKey(pair), "pruned synapse was active");
        assertEquals((float) before.get(pair), w.prunedWeight()[k], "pruned weight as it was");
        assertTrue(w.prunedWeight()[k] < THRESHOLD, "pruned synapse was below threshold");
        assertTrue(pruned.add(pair), "no duplicate prunes");
      }
      long previous = -1;
      for (int k = 0; k < w.regrownSource().length; k++) {
        long pair = (long) w.regrownSource()[k] * cols + w.regrownTarget()[k];
        assertTrue(pair > previous, "regrown in ascending (source, target) order");
        previous = pair;
        assertFalse(before.containsKey(pair), "regrown synapse was inactive before the call");
        assertNotEquals(w.regrownSource()[k], w.regrownTarget()[k], "no excluded pair");
        assertEquals(REGROWTH, (float) after.get(pair), "regrown synapse carries the regrowth weight");
      }
      before.forEach((pair, weight) -> {
        if (weight >= THRESHOLD) {
          assertEquals(weight, after.get(pair), "synapses at or above threshold survive as they were");
        }
      });
      if (mode == Structural.Mode.PER_SOURCE) {
        assertArrayEquals(rowCountBefore, p.rowCount, "per-source conserves out-degrees");
      }
      assertListsConsistent(p);
    }
    assertTrue(totalPruned > 100, "the test exercised pruning: " + totalPruned);
  }

  /**
   * Regrowth from one fixed state, at many steps: each inactive pair is chosen in k/M of the calls
   * (k regrown, M inactive), active and excluded ones never; a chi-square test over the M pairs at a
   * bound that a sampler favouring some rows (e.g. one that ignored the excluded pairs' gaps, or
   * drew rows before targets without rejection) exceeds by far.
   */
  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void regrowth_isUniformAmongTheInactivePairs(Structural.Mode mode) {
    PotentialSynapses p = build(12, 0.4, THRESHOLD, mode, 5);
    int cols = p.plan.targetSize();
    Map<Long, Float> active = pairs(p);
    int calls = 20_000;
    Map<Long, Integer> chosen = new HashMap<>();
    int row = 0;
    while (p.rowCount[row] < 3 || p.rowLength(row) - p.rowCount[row] < 4) {
      row++;
    }
    int first = p.rowOffset[row];
    int want = 3;
    for (int call = 0; call < calls; call++) {
      ActiveRegrowth.Chosen c = mode == Structural.Mode.PER_SOURCE
          ? ActiveRegrowth.perSource(p, new int[] {first, first + 1, first + 2}, call, 7)
          : ActiveRegrowth.global(p, want, call, 7);
      assertEquals(want, c.source().length);
      for (int k = 0; k < c.source().length; k++) {
        chosen.merge((long) c.source()[k] * cols + c.target()[k], 1, Integer::sum);
      }
    }
    int m = 0;
    double chi2 = 0;
    ProjectionPlan plan = p.plan;
    for (int i = 0; i < plan.sourceSize(); i++) {
      if (mode == Structural.Mode.PER_SOURCE && i != row) {
        continue;
      }
      for (int j = 0; j < cols; j++) {
        long pair = (long) i * cols + j;
        if (i == j || active.containsKey(pair)) {
          assertFalse(chosen.containsKey(pair), "never an active or excluded pair: " + i + "," + j);
          continue;
        }
        m++;
      }
    }
    double expected = (double) calls * want / m;
    for (int i = 0; i < plan.sourceSize(); i++) {
      for (int j = 0; j < cols; j++) {
        long pair = (long) i * cols + j;
        if ((mode != Structural.Mode.PER_SOURCE || i == row) && i != j
            && !active.containsKey(pair)) {
          double d = chosen.getOrDefault(pair, 0) - expected;
          chi2 += d * d / expected;
        }
      }
    }
    assertEquals(chosen.size(), m, "every inactive pair chosen at some call");
    int df = m - 1;
    // Sampling without replacement makes the counts a little less variable than independent draws,
    // so chi2 is at most about df; 6 standard deviations above it is a bound a fair sampler meets.
    assertTrue(chi2 < df + 6 * Math.sqrt(2.0 * df), "chi2 " + chi2 + " over " + df + " df");
  }

  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void calls_areAPureFunctionOfStateStepAndSeed(Structural.Mode mode) {
    PotentialSynapses a = build(40, 0.3, 0.08f, mode, 4);
    PotentialSynapses b = build(40, 0.3, 0.08f, mode, 4);
    PotentialSynapses c = build(40, 0.3, 0.08f, mode, 4);
    Rewiring wa = StructuralPlasticity.rewireActive(a, 500, 9);
    Rewiring wb = StructuralPlasticity.rewireActive(b, 500, 9);
    Rewiring wc = StructuralPlasticity.rewireActive(c, 1000, 9);
    assertTrue(wa.prunedSource().length > 0, "initial weights in [0, 0.2) give prunes");
    assertArrayEquals(wa.regrownSource(), wb.regrownSource());
    assertArrayEquals(wa.regrownTarget(), wb.regrownTarget());
    assertArrayEquals(a.rowTarget, b.rowTarget);
    assertNotEquals(java.util.Arrays.toString(wa.regrownTarget()),
        java.util.Arrays.toString(wc.regrownTarget()), "another step, other draws");
  }

  @ParameterizedTest
  @EnumSource(Structural.Mode.class)
  void withTooFewInactivePairs_regrowsAllThereAre(Structural.Mode mode) {
    PotentialSynapses p = build(10, 0.95, 1.0f, mode, 5);
    long inactive = p.plan.pairCount() - p.activeCount();
    int activeBefore = p.activeCount();
    Rewiring w = StructuralPlasticity.rewireActive(p, 0, 5);
    assertEquals(activeBefore, w.prunedSource().length, "threshold 1.0 prunes every synapse");
    assertEquals(inactive, w.regrownSource().length, "all inactive pairs regrown");
    assertEquals(inactive, p.activeCount());
    assertListsConsistent(p);
  }

  /** Rows sorted by target, columns by source, each the other's mirror, counts and offsets right. */
  static void assertListsConsistent(PotentialSynapses p) {
    ProjectionPlan plan = p.plan;
    int n = 0;
    for (int i = 0; i < plan.sourceSize(); i++) {
      assertEquals(n, p.rowOffset[i], "row " + i + " starts where the previous ended");
      for (int r = p.rowOffset[i]; r < p.rowOffset[i] + p.rowCount[i]; r++) {
        if (r > p.rowOffset[i]) {
          assertTrue(p.rowTarget[r] > p.rowTarget[r - 1], "row sorted by target");
        }
        n++;
      }
    }
    assertEquals(n, p.activeCount());
    assertEquals(n, p.rowOffset[plan.sourceSize()]);
    boolean[] seen = new boolean[n];
    int c = 0;
    for (int j = 0; j < plan.targetSize(); j++) {
      assertEquals(c, p.colOffset[j], "column " + j + " starts where the previous ended");
      assertEquals(p.colOffset[j + 1] - p.colOffset[j], p.colCount[j]);
      for (int q = p.colOffset[j]; q < p.colOffset[j + 1]; q++, c++) {
        if (q > p.colOffset[j]) {
          assertTrue(p.colSource[q] > p.colSource[q - 1], "column sorted by source");
        }
        int r = p.colToRow[q];
        int i = p.colSource[q];
        assertTrue(r >= p.rowOffset[i] && r < p.rowOffset[i] + p.rowCount[i], "in its row");
        assertEquals(j, p.rowTarget[r], "the row entry of column " + j);
        assertFalse(seen[r], "each row entry in one column entry");
        seen[r] = true;
      }
    }
    assertEquals(n, c, "every synapse in a column");
  }

  @Test
  void memory_growsWithTheSynapsesNotThePairs() {
    Plan plan = Plan.compile(TestModels.rewired(20_000, 0.002,
        new Structural(5.0, THRESHOLD, Structural.Mode.GLOBAL, REGROWTH), 1, 1, null));
    ProjectionPlan nn = plan.projection("nn");
    assertTrue(nn.activeOnly(), "4e8 pairs: active-only without being asked");
    long synapses = nn.initialActiveCount(1);
    assertTrue(Math.abs(synapses - nn.pairCount() * 0.002) < 6 * Math.sqrt(nn.pairCount() * 0.002),
        synapses + " synapses drawn for p = 0.002 of " + nn.pairCount() + " pairs");
    // 16 bytes per synapse (target, weight; source, row position); per neuron its row and column
    // start and count, and the rule's two pre and two post traces with their last steps
    long bytes = plan.layout().entries().stream().filter(e -> e.projection() == nn.index())
        .mapToLong(e -> (long) e.length() * e.type().bytes).sum();
    assertTrue(bytes <= 16 * synapses + 48 * 20_000 + 8, bytes + " bytes for " + synapses
        + " synapses");
  }
}
