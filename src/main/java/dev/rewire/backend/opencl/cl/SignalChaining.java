package dev.rewire.backend.opencl.cl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the JVM keeps its signal handlers while an OpenCL runtime is loaded. The JVM handles
 * SIGSEGV, SIGBUS, SIGFPE and SIGILL itself in normal operation (null checks, safepoints,
 * division by zero); LLVM inside PoCL installs its own handlers for them when it compiles a kernel,
 * and a JVM signal that reaches one of those in the wrong moment kills the process ("Segmentation
 * fault", no error report). The JDK's signal-chaining library, libjsig, loaded before everything
 * else (LD_PRELOAD), keeps the JVM's handlers first and chains the others behind them; the
 * {@code rewire} launcher, the tests and the SLURM scripts preload it.
 */
public final class SignalChaining {
  private SignalChaining() {}

  /** The library to preload for this JVM: {@code <java.home>/lib/libjsig.so}. */
  public static Path library() {
    return Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
  }

  /**
   * Null when the JVM's handlers are safe (libjsig is loaded, or this is not Linux); else a
   * one-line warning that says what to do.
   */
  public static String warning() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      if (Files.readString(Path.of("/proc/self/maps")).contains("libjsig")) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null; // cannot tell: say nothing rather than something wrong
    }
    return "the JVM runs without its signal-chaining library, so an OpenCL runtime built on LLVM "
        + "(PoCL) can take over the JVM's signal handlers and crash it; run rewire through its "
        + "launcher (./rewire), or set LD_PRELOAD=" + library();
  }
}
