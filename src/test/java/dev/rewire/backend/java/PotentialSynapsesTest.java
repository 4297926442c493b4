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
