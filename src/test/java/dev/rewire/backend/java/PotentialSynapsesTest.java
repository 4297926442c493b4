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
    PotentialSynapses p = potentialSet(12);
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
   * and however often a slot is marked, the list stays bounded (when it fills up, the next call
   * scans every active synapse instead).
   */
  @Test
  void belowThresholdList_dropsDuplicatesAndStaleEntries_andStaysBounded() {
    PotentialSynapses p = potentialSet(12);
    for (int s : p.takePruned()) { // what the initial draw listed, pruned as a call does
      p.deactivate(p.sourceOf(s), s);
    }
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
    assertTrue(p.lows[0].slot.length <= 2 * p.potentialCount(), "list length " + p.lows[0].slot.length);
    assertEquals(java.util.List.of(low),
        java.util.Arrays.stream(p.takePruned()).boxed().toList());
    assertEquals(0, p.takePruned().length, "a call forgets what it took");
  }

  /** Before and after the list fills up, a call returns exactly the active slots below threshold. */
  @Test
  void takePruned_returnsExactlyTheLowActiveSlots_whetherOrNotTheListFilledUp() {
    PotentialSynapses p = potentialSet(40);
    Random rnd = new Random(7);
    for (int s : p.takePruned()) {
      p.deactivate(p.sourceOf(s), s);
    }
    for (int round = 0; round < 6; round++) {
      boolean fill = round % 2 == 1; // every other round, mark until the list is full, and more
      for (int k = 0; k < 40 || fill && p.lows[0].count < p.lows[0].capacity || fill && k < 2000; k++) {
        int s = rnd.nextInt(p.potentialCount());
        if (p.active[s]) {
          p.setWeight(s, rnd.nextBoolean() ? 0.01f : 0.5f);
        }
      }
      java.util.List<Integer> expected = new java.util.ArrayList<>();
      for (int s = 0; s < p.potentialCount(); s++) {
        if (p.active[s] && p.weightOf(s) < p.pruneBelow) {
          expected.add(s);
        }
      }
      boolean overflowed = p.lows[0].count == p.lows[0].capacity;
      assertEquals(round % 2 == 1, overflowed, "round " + round);
      int[] taken = p.takePruned();
      assertEquals(expected, java.util.Arrays.stream(taken).boxed().toList(), "round " + round);
      for (int s : taken) { // pruned, as structural plasticity does with what it takes
        p.deactivate(p.sourceOf(s), s);
      }
      assertTrue(p.lows[0].slot.length <= p.potentialCount() + 1, "list length " + p.lows[0].slot.length);
    }
  }

  /**
   * With a list per thread, a call takes the low slots of every list, once each, and looks at
   * every active synapse when any one list filled up.
   */
  @Test
  void takePruned_unitesTheListsOfEveryThread() {
    Plan plan = Plan.compile(TestModels.rewired(40, 0.3,
        new Structural(5.0, 0.05, Structural.Mode.GLOBAL, 0.15), 100, 3));
    PotentialSynapses p = new PotentialSynapses(plan.projection("nn"),
        dev.rewire.backend.InitialState.arrays(plan), false, 2);
    for (int s : p.takePruned()) {
      p.deactivate(p.sourceOf(s), s);
    }
    int[] slots = new int[3];
    for (int s = 0, n = 0; n < 3; s++) {
      if (p.active[s]) {
        slots[n++] = s;
      }
    }
    p.setWeight(slots[0], 0.01f); // listed in list 0
    p.rowWeight[p.slotPos[slots[1]]] = 0.01f; // as a thread's plasticity code: list 1
    p.lows[1].add(slots[1]);
    p.lows[1].add(slots[0]); // listed twice, taken once
    assertEquals(java.util.List.of(slots[0], slots[1]),
        java.util.Arrays.stream(p.takePruned()).boxed().toList());
    p.rowWeight[p.slotPos[slots[2]]] = 0.01f; // a list that filled up lost this one
    while (!p.lows[1].full()) {
      p.lows[1].add(slots[0]);
    }
    assertEquals(java.util.List.of(slots[0], slots[1], slots[2]),
        java.util.Arrays.stream(p.takePruned()).boxed().toList(), "every active synapse looked at");
  }

  /** The plastic, rewired N -> N projection of {@link TestModels#rewired} (p = 0.3). */
  private static PotentialSynapses potentialSet(int size) {
    Plan plan = Plan.compile(TestModels.rewired(size, 0.3,
        new Structural(5.0, 0.05, Structural.Mode.GLOBAL, 0.15), 100, 3));
    return InitialSynapses.potentialSynapses(plan, plan.projection("nn"));
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
    assertEquals(active, p.activeCount());
  }
}
