package dev.rewire.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

class FootprintTest {
  @Test
  void of_seedEi_countsSlotsSourcesAndBoundsTheStaticSynapses() {
    Footprint f = Footprint.of(Plan.compile(TestModels.seedEi(1000, 1)));
    assertEquals(500, f.neurons());
    assertEquals(1000, f.sources());
    assertEquals(400 * 399 + 100 * 399, f.potentialSlots());
    assertEquals(400 * 399, f.largestPotentialSet());
    // expected: P→E 10,000, P→I 2,500, E→I 3,990, I→I 1,000; the bound adds 6 sd per projection
    double expected = 10_000 + 2_500 + 3_990 + 1_000;
    assertTrue(f.staticSynapses() > expected && f.staticSynapses() < expected * 1.1,
        "bound " + f.staticSynapses());
  }

  @Test
  void bytes_readsLikeAPerson() {
    assertEquals("512 B", Footprint.bytes(512));
    assertEquals("1.5 KiB", Footprint.bytes(1536));
    assertEquals("3.0 GiB", Footprint.bytes(3L << 30));
  }
}
