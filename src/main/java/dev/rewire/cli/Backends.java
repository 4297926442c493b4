package dev.rewire.cli;

import dev.rewire.backend.Backend;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.Devices;
import dev.rewire.backend.opencl.OpenClBackend;
import dev.rewire.backend.opencl.cl.SignalChaining;
import dev.rewire.plan.Plan;
import java.io.PrintStream;
import java.util.List;

/** The backends this build offers, by command-line name, and the choice {@code auto} makes. */
final class Backends {
  static final String AUTO = "auto";
  static final List<String> NAMES = List.of(AUTO, JavaBackend.NAME, OpenClBackend.NAME);

  private Backends() {}

  /** A backend, and for {@code auto} the note that says which one it chose and why (else null). */
  record Choice(Backend backend, String note, String warning) {
    Choice(Backend backend, String note) {
      this(backend, note, null);
    }

    /**
     * Prints the note, if any, on {@code err} unless {@code quiet}: after every check, just before
     * the run; and, quiet or not, the warning, if any (more threads than cores), and for OpenCL a
     * warning when the JVM's signal handlers are not protected ({@link SignalChaining}).
     */
    Backend announce(PrintStream err, boolean quiet) {
      if (note != null && !quiet) {
        err.println(note);
      }
      String unsafe = backend instanceof OpenClBackend ? SignalChaining.warning() : null;
      if (unsafe != null) {
        err.println("rewire: warning: " + unsafe);
      }
      if (warning != null) {
        err.println("rewire: warning: " + warning);
      }
      return backend;
    }
  }

  /**
   * The backend called {@code name}; {@code device} picks an OpenCL device by index or name
   * substring (null: the first usable one).
   */
  static Choice choose(String name, String device, boolean profile) {
    return choose(name, device, profile, 1);
  }

  /**
   * {@link #choose(String, String, boolean)} with {@code threads} for Java (null: auto, chosen as
   * the run goes; more than one for OpenCL, an error).
   */
  static Choice choose(String name, String device, boolean profile, Integer threads) {
    switch (name) {
      case JavaBackend.NAME -> {
        if (device != null) {
          throw new UsageException("--device only applies to --backend opencl or auto");
        }
        return java(profile, threads, null);
      }
      case OpenClBackend.NAME -> {
        if (threads != null && threads > 1) {
          throw new UsageException("--threads " + threads + ": more than one thread applies to "
              + "the java backend; OpenCL runs a network on the device's compute units");
        }
        return new Choice(new OpenClBackend(openClDevice(device), profile), null);
      }
      case AUTO -> {
        if (device == null) {
          // Measured (README, Speed): for one seed-ei network the resident engine on PoCL is
          // 0.7-1.5x Java's time, and the per-step engine on an NVIDIA H200 was ~70x. OpenCL pays
          // off for many networks at once (sweeps), so for one, auto takes a device only when
          // --device names one.
          return java(profile, threads, "rewire: backend auto chose java: for one "
              + "network it is as fast as OpenCL or faster on every device measured; --backend "
              + "opencl runs there anyway");
        }
        if (threads != null && threads > 1) {
          throw new UsageException("--threads applies to the java backend; --device chooses "
              + "OpenCL");
        }
        ClDevice d = openClDevice(device);
        return new Choice(new OpenClBackend(d, profile), "rewire: backend auto chose opencl on ["
            + d.index() + "] " + d.name() + ", named by --device");
      }
      default -> throw new UsageException("--backend must be one of " + NAMES + ", got '" + name
          + "'");
    }
  }

  /**
   * The backend of a sweep of {@code runs} runs of {@code plan}'s shape. auto takes OpenCL when a
   * usable GPU (a device that is not a CPU) is present, the networks fit its work-groups, and the
   * sweep gives each compute unit at least two networks; else Java, a network per core. The
   * threshold is the design's, not yet measured on a GPU (the README says so).
   */
  static Choice chooseForSweep(String name, String device, int runs, Plan plan, int threads) {
    if (!name.equals(AUTO) || device != null) {
      return name.equals(JavaBackend.NAME) ? choose(name, device, false, threads)
          : choose(name, device, false);
    }
    ClDevice gpu = null;
    for (ClDevice d : Devices.list()) {
      if (d.usable() && !d.cpu()) {
        gpu = d;
        break;
      }
    }
    if (gpu != null && runs >= 2 * gpu.computeUnits()
        && new OpenClBackend(gpu).fitsWorkGroup(plan)) {
      return new Choice(new OpenClBackend(gpu, false), "rewire: backend auto chose opencl on ["
          + gpu.index() + "] " + gpu.name() + ": " + runs + " networks that fit a work-group, at "
          + "least two per compute unit");
    }
    return new Choice(new JavaBackend(false, threads), "rewire: backend auto chose java: "
        + (gpu == null ? "no OpenCL GPU" : runs + " runs are fewer than two per compute unit of "
            + gpu.name() + ", or a network does not fit its work-groups")
        + "; --backend opencl runs them there anyway (in batches where they fit a work-group)");
  }

  /** Java on the threads given, or chosen as it runs (null: {@link JavaBackend#AUTO_THREADS}). */
  private static Choice java(boolean profile, Integer threads, String note) {
    int cores = Runtime.getRuntime().availableProcessors();
    String warning = threads != null && threads > cores ? "--threads " + threads + " on " + cores
        + " cores: threads beyond the cores slow the run down" : null;
    return new Choice(new JavaBackend(profile, threads == null ? JavaBackend.AUTO_THREADS
        : threads), note, warning);
  }

  private static ClDevice openClDevice(String spec) {
    ClDevice d = OpenClBackend.choose(spec);
    if (d == null) {
      List<ClDevice> all = Devices.list();
      String why = Devices.unavailableReason();
      if (all.isEmpty()) {
        throw new UsageException("--backend opencl needs an OpenCL device, and none was found"
            + (why != null ? ": " + why : "") + " (see rewire devices)");
      }
      throw new UsageException(spec == null
          ? "no usable OpenCL device: " + describe(all) + " (see rewire devices)"
          : "--device " + spec + " matches no device; expected an index or a name substring of: "
              + describe(all));
    }
    if (!d.usable()) {
      throw new UsageException("device [" + d.index() + "] " + d.name() + " lacks " + d.missing()
          + ", which bit-identical results need");
    }
    return d;
  }

  private static String describe(List<ClDevice> devices) {
    return devices.stream().map(d -> "[" + d.index() + "] " + d.name()
        + (d.usable() ? "" : " (lacks " + d.missing() + ")")).toList().toString();
  }
}
