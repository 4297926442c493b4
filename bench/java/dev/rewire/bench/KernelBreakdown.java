package dev.rewire.bench;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.opencl.OpenClBackend;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.plan.Plan;
import java.util.Locale;
import java.util.Map;

/**
 * Per-kernel device time of seed-ei on the OpenCL backend, from event profiling, after a warm-up
 * second. Arguments: [simulated seconds, default 5] [device index or name, or any] [neurons, default
 * seed-ei's 1000] [engine: auto, resident or per-step].
 *
 * <p>Run: {@code bench/kernel-breakdown.sh 5 any 2000 per-step}
 */
public final class KernelBreakdown {
  private KernelBreakdown() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
    ClDevice device = OpenClBackend.choose(args.length > 1 && !args[1].equals("any") ? args[1] : null);
    int neurons = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    OpenClBackend.Engine engine = args.length > 3
        ? OpenClBackend.Engine.valueOf(args[3].toUpperCase(Locale.ROOT).replace('-', '_'))
        : OpenClBackend.Engine.AUTO;
    if (device == null) {
      System.err.println("no usable OpenCL device (see rewire devices)");
      System.exit(2);
    }
    Plan plan = BenchSetup.seedEi(neurons, "simulation.duration_ms=" + (1000 + seconds * 1000));
    int warm = (int) Math.round(1000 / plan.dtMs());
    try (Simulation sim = new OpenClBackend(device, true, engine).open(plan)) {
      sim.run(warm, SimulationListener.NONE);
      Map<String, long[]> before = copy(sim.profile());
      long t0 = System.nanoTime();
      sim.run(plan.steps() - warm, SimulationListener.NONE);
      double wall = (System.nanoTime() - t0) / 1e9;
      Map<String, long[]> after = sim.profile();
      double total = 0;
      for (Map.Entry<String, long[]> e : after.entrySet()) {
        total += e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0];
      }
      System.out.printf(Locale.ROOT, "device: %s%nseed-ei (%d neurons, %s engine), %.1f simulated s "
          + "after 1 s warm-up: wall %.3f s (%.1f ms per simulated s), kernels %.3f s of device time%n",
          device.name(), neurons, engine, seconds, wall, 1000 * wall / seconds, total / 1e9);
      System.out.printf(Locale.ROOT, "%-32s %12s %10s %8s %12s%n", "kernel", "device s", "launches",
          "share", "us/launch");
      for (Map.Entry<String, long[]> e : after.entrySet()) {
        long[] b = before.getOrDefault(e.getKey(), new long[2]);
        long ns = e.getValue()[0] - b[0];
        long n = e.getValue()[1] - b[1];
        System.out.printf(Locale.ROOT, "%-32s %12.4f %10d %7.1f%% %12.2f%n", e.getKey(), ns / 1e9,
            n, 100.0 * ns / total, n == 0 ? 0 : ns / 1e3 / n);
      }
    }
  }

  private static Map<String, long[]> copy(Map<String, long[]> m) {
    Map<String, long[]> c = new java.util.HashMap<>();
    m.forEach((k, v) -> c.put(k, v.clone()));
    return c;
  }
}
