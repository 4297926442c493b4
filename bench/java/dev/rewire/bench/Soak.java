package dev.rewire.bench;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.ModelFile;
import dev.rewire.output.SoakCheck;
import dev.rewire.plan.Plan;
import java.util.List;

/** The long soak of {@code bench/soak.sh}: arguments [seconds] [seed]. */
public final class Soak {
  private Soak() {}

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int seed = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Plan plan = Plan.compile(ModelFile.loadBundled("seed-ei", List.of(
        "simulation.duration_ms=" + seconds * 1000, "simulation.seed=" + seed)));
    long t0 = System.nanoTime();
    try (Simulation sim = new JavaBackend().open(plan)) {
      SoakCheck.Result r = new SoakCheck(plan).run(sim, seconds);
      System.out.printf("soak %d s, seed %d: %d structural calls checked in %.1f s of wall time; "
          + "heap after GC %.1f MiB at start, %.1f MiB at end, %.1f MiB at most%n", seconds, seed,
          r.calls(), (System.nanoTime() - t0) / 1e9, r.heapStart() / 1048576.0,
          r.heapEnd() / 1048576.0, r.heapMax() / 1048576.0);
    }
  }
}
