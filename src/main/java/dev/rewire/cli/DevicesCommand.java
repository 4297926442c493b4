package dev.rewire.cli;

import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.Devices;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code rewire devices}: the OpenCL platforms and devices, and whether rewire can use each. */
final class DevicesCommand {
  private final PrintStream out;

  DevicesCommand(PrintStream out) {
    this.out = out;
  }

  int execute(String[] args) {
    if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.println("rewire devices: lists OpenCL platforms and devices, with their OpenCL C version,"
          + " memory, and whether they have what rewire needs (64-bit integer atomics, float"
          + " denormals).");
      return Main.OK;
    }
    if (args.length > 0) {
      throw new UsageException("devices takes no arguments, got " + List.of(args));
    }
    List<ClDevice> devices = Devices.list();
    if (devices.isEmpty()) {
      String why = Devices.unavailableReason();
      out.println("No OpenCL device found" + (why == null ? " (no platform is installed)" : ": "
          + why) + ".");
      out.println("For CPUs: apt-get install -y pocl-opencl-icd ocl-icd-libopencl1; for GPUs, the "
          + "vendor's driver.");
      return Main.OK;
    }
    for (ClDevice d : devices) {
      out.printf(Locale.ROOT, "[%d] %s | %s | %s | %s | %.1f GiB | %d compute units | %s%n",
          d.index(), d.platform(), d.name(), d.cpu() ? "CPU" : "GPU/accelerator", d.openClC(),
          d.globalMemBytes() / (double) (1L << 30), d.computeUnits(),
          d.usable() ? "usable" : "not usable: lacks " + d.missing());
    }
    return Main.OK;
  }
}
