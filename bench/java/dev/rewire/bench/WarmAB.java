package dev.rewire.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Warm A/B of two builds in one JVM: each jar in its own class loader (so each has its own compiled
 * code), seed-ei on the Java backend advanced one simulated second at a time, the two builds
 * alternating (which one goes first alternates too). Paired second by second, both see the same
 * machine state, which on drifting machines is the only way to see a difference of a few percent.
 * The first repetition includes the JIT's warm-up of both and is reported but not counted.
 *
 * <p>Usage (see bench/warm-ab.sh): {@code WarmAB JAR_A JAR_B [REPS=6] [SEED=1] [SECONDS=40]}
 */
public final class WarmAB {
  private WarmAB() {}

  /** A seed-ei simulation opened through the build's public API. */
  private record Run(Object sim, Method run, Object listener) {
    static Run open(ClassLoader cl, int seed) throws ReflectiveOperationException {
      Class<?> modelFile = cl.loadClass("dev.rewire.model.ModelFile");
      Object model = modelFile.getMethod("loadBundled", String.class, List.class)
          .invoke(null, "seed-ei", List.of("simulation.seed=" + seed));
      Class<?> planClass = cl.loadClass("dev.rewire.plan.Plan");
      Object plan = planClass.getMethod("compile", cl.loadClass("dev.rewire.model.Model"))
          .invoke(null, model);
      Class<?> backendClass = cl.loadClass("dev.rewire.backend.java.JavaBackend");
      Object backend = backendClass.getConstructor(boolean.class).newInstance(false);
      Object sim = backendClass.getMethod("open", planClass).invoke(backend, plan);
      Class<?> listenerClass = cl.loadClass("dev.rewire.backend.SimulationListener");
      Method run = cl.loadClass("dev.rewire.backend.Simulation")
          .getMethod("run", int.class, listenerClass);
      return new Run(sim, run, listenerClass.getField("NONE").get(null));
    }

    long second() throws ReflectiveOperationException {
      long t0 = System.nanoTime();
      run.invoke(sim, 10_000, listener); // seed-ei: dt = 0.1 ms
      return System.nanoTime() - t0;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: WarmAB JAR_A JAR_B [REPS=6] [SEED=1] [SECONDS=40]");
      System.exit(2);
    }
    ClassLoader parent = ClassLoader.getPlatformClassLoader();
    ClassLoader a = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, parent);
    ClassLoader b = new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()}, parent);
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    int seed = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 40;
    double sumA = 0;
    double sumB = 0;
    int bWins = 0;
    for (int r = 0; r < reps; r++) {
      Run runA = Run.open(a, seed);
      Run runB = Run.open(b, seed);
      long nanosA = 0;
      long nanosB = 0;
      for (int s = 0; s < seconds; s++) {
        if ((s + r) % 2 == 0) {
          nanosA += runA.second();
          nanosB += runB.second();
        } else {
          nanosB += runB.second();
          nanosA += runA.second();
        }
      }
      double msA = nanosA / 1e6 / seconds;
      double msB = nanosB / 1e6 / seconds;
      System.out.printf("rep %d%s: A %.2f, B %.2f ms per simulated s (B - A %+.2f)%n", r,
          r == 0 ? " (JIT warm-up, not counted)" : "", msA, msB, msB - msA);
      if (r > 0) {
        sumA += msA;
        sumB += msB;
        bWins += msB < msA ? 1 : 0;
      }
    }
    System.out.printf("warm, seed %d, %d s per rep: A %.2f, B %.2f ms per simulated s; "
        + "B faster in %d of %d reps%n", seed, seconds, sumA / (reps - 1), sumB / (reps - 1), bWins,
        reps - 1);
  }
}
