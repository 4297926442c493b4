package dev.rewire.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

/**
 * seed-ei for 60 simulated seconds (past the switch to the high-rate regime of seed 1, about 2 s of
 * wall time here), every call checked; the full 1000 s is {@code bench/soak.sh}. Heap after GC may
 * not grow by more than 16 MiB: the simulation allocates nothing that lives between steps beyond
 * the recorder's per-call lists.
 */
class SoakTest {
  @Test
  void sixtySeconds_everyCallConservesAndStaysInRange_heapFlat() {
    Plan plan = Plan.compile(TestModels.seedEi(60_000, 1));
    try (Simulation sim = new JavaBackend().open(plan)) {
      SoakCheck.Result r = new SoakCheck(plan).run(sim, 60);
      System.out.printf("soak 60 s: %d calls checked; heap after GC %.1f MiB -> %.1f MiB (max %.1f)%n",
          r.calls(), r.heapStart() / 1048576.0, r.heapEnd() / 1048576.0, r.heapMax() / 1048576.0);
      assertEquals(2 * 1200, r.calls(), "ee and ie, every 50 ms");
      assertTrue(r.heapMax() - r.heapStart() < 16L << 20, "heap grew by "
          + (r.heapMax() - r.heapStart()) / 1048576.0 + " MiB");
    }
  }
}
