package dev.rewire.backend.opencl.cl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lwjgl.opencl.CL;
import org.lwjgl.system.Configuration;

/**
 * Loads the OpenCL ICD loader once. LWJGL asks for {@code libOpenCL.so}, which distributions only
 * ship with their -dev packages; when no folder on the library path has it, the versioned
 * {@code libOpenCL.so.1} (the loader's soname, always installed) is named instead. An explicit
 * {@code -Dorg.lwjgl.opencl.libname=...} wins. This must happen before LWJGL's CL class is touched:
 * its static initialiser loads the library once and for all.
 */
final class OpenCl {
  private static boolean loaded;
  private static String failure;

  private OpenCl() {}

  /** Loads the library; returns null on success, or why it could not be loaded. */
  static synchronized String load() {
    if (loaded || failure != null) {
      return failure;
    }
    if (Configuration.OPENCL_LIBRARY_NAME.get() == null && isLinux() && !unversionedPresent()) {
      Configuration.OPENCL_LIBRARY_NAME.set("libOpenCL.so.1");
    }
    try {
      CL.getFunctionProvider();
      loaded = true;
    } catch (LinkageError | IllegalStateException e) {
      failure = "no OpenCL runtime could be loaded (" + rootMessage(e) + "); install an ICD "
          + "loader and a driver, e.g. apt-get install ocl-icd-libopencl1 pocl-opencl-icd";
    }
    return failure;
  }

  private static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  }

  private static boolean unversionedPresent() {
    List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib", "/lib64",
        "/lib"));
    String ld = System.getenv("LD_LIBRARY_PATH");
    if (ld != null) {
      dirs.addAll(0, List.of(ld.split(":")));
    }
    return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.exists(Path.of(d, "libOpenCL.so")));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
