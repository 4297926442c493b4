import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.opencl.OpenClBackend;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.util.List;
import java.util.Locale;

/**
 * Device time of seed-ei's kernels on one OpenCL engine (event profiling), after a second of
 * warm-up; bench/kernel-ab.sh runs it against two builds in turn. Uses only API that every build
 * since the resident engine has (the device by reflection). Arguments: LABEL SECONDS ENGINE
 * (resident or per_step).
 */
public class KernelTime {
  public static void main(String[] a) {
    double seconds = Double.parseDouble(a[1]);
    OpenClBackend.Engine engine = OpenClBackend.Engine.valueOf(a[2].toUpperCase(Locale.ROOT));
    Plan plan = Plan.compile(ModelFile.loadBundled("seed-ei",
        List.of("simulation.duration_ms=" + (1000 + 1000 * seconds))));
    int warm = (int) Math.round(1000 / plan.dtMs());
    try (Simulation sim = backend(engine).open(plan)) {
      sim.run(warm, SimulationListener.NONE);
      long before = total(sim);
      sim.run(plan.steps() - warm, SimulationListener.NONE);
      System.out.printf(Locale.ROOT, "%s %.4f%n", a[0], (total(sim) - before) / 1e9);
    }
  }

  /**
   * The backend on the first usable device, through reflection: the device class moved between
   * builds (backend.opencl.cl.ClDevice since neuron models), and a direct call names it.
   */
  private static OpenClBackend backend(OpenClBackend.Engine engine) {
    try {
      java.lang.reflect.Method choose = OpenClBackend.class.getMethod("choose", String.class);
      Object device = choose.invoke(null, (Object) null);
      return OpenClBackend.class.getConstructor(choose.getReturnType(), boolean.class,
          OpenClBackend.Engine.class).newInstance(device, true, engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long total(Simulation sim) {
    return sim.profile().values().stream().mapToLong(v -> v[0]).sum();
  }
}
