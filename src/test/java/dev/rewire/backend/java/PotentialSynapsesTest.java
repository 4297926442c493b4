package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.model.Structural;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PotentialSynapsesTest {
  /**
   * Random activations and deactivations keep the row and column lists pointing at each other.
   * (This caught a bug where removing the last entry of a column overwrote the row-to-column link
   * of the entry that had just moved into the removed row position.)
   */
  @Test
  void activateDeactivate_keepRowsAndColumnsConsistent() {
    Plan plan = Plan.compile(TestModels.rewired(12, 0.3,
        new Structural(5.0, 0.05, Structural.Mode.GLOBAL, 0.15), 100, 3));
    PotentialSynapses p = InitialSynapses.potentialSynapses(plan.projection("nn"), plan.seed());
    Random rnd = new Random(1);
    for (int op = 0; op < 5000; op++) {
      int s = rnd.nextInt(p.potentialCount());
      int i = p.sourceOf(s);
      if (p.active[s]) {
        p.deactivate(i, s);
        assertFalse(p.active[s]);
      } else {
        p.activate(i, s, op);
        assertEquals(op, p.weightOf(s));
      }
      assertConsistent(p);
    }
  }

  /**
   * The below-threshold list takes duplicates (the STDP phases append without a branch) and drops
   * them when read; marked slots that are inactive or back above the threshold are not returned;
   * and however often a slot is marked, the list stays bounded (it is compacted when full).
   */
  @Test
  void belowThresholdList_dropsDuplicatesAndStaleEntries_andStaysBounded() {
    Plan plan = Plan.compile(TestModels.rewired(12, 0.3,
        new Structural(5.0, 0.05, Structural.Mode.GLOBAL, 0.15), 100, 3));
    PotentialSynapses p = InitialSynapses.potentialSynapses(plan.projection("nn"), plan.seed());
    p.takeBelowThreshold(); // whatever the initial draw listed
    int[] activeSlots = new int[3];
    for (int s = 0, n = 0; n < 3; s++) {
      if (p.active[s]) {
        activeSlots[n++] = s;
      }
    }
    int low = activeSlots[0];
    int backUp = activeSlots[1];
    int pruned = activeSlots[2];
    p.setWeight(low, 0.01f);
    p.setWeight(backUp, 0.01f);
    p.setWeight(pruned, 0.01f);
    for (int k = 0; k < 200_000; k++) {
      p.markLow(low);
    }
    p.setWeight(backUp, 0.5f); // listed, but no longer below the threshold
    p.deactivate(p.sourceOf(pruned), pruned); // listed, but no longer active
    assertTrue(p.low.length <= 2 * p.potentialCount(), "list length " + p.low.length);
    assertEquals(java.util.List.of(low),
        java.util.Arrays.stream(p.takeBelowThreshold()).boxed().toList());
    assertEquals(0, p.takeBelowThreshold().length, "a call forgets what it took");
  }

  private static void assertConsistent(PotentialSynapses p) {
    int active = 0;
    for (int i = 0; i < p.plan.sourceSize(); i++) {
      for (int r = p.rowOffset[i]; r < p.rowOffset[i] + p.rowCount[i]; r++) {
        int s = p.rowSyn[r];
        assertTrue(p.active[s]);
        assertEquals(p.rowWeight[r], p.weightOf(s), "slotPos finds the entry");
        active++;
      }
    }
    for (int j = 0; j < p.plan.targetSize(); j++) {
      for (int c = p.colOffset[j]; c < p.colOffset[j] + p.colCount[j]; c++) {
        int r = p.colToRow[c];
        assertEquals(p.colSyn[c], p.rowSyn[r], "column entry points at its row entry");
        assertEquals(j, p.rowTarget[r]);
        assertEquals(p.colSource[c], p.sourceOf(p.colSyn[c]));
      }
    }
    assertEquals(active, p.activeCount);
  }
}
