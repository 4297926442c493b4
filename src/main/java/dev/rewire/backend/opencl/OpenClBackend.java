package dev.rewire.backend.opencl;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
import dev.rewire.plan.Plan;
import java.util.List;

/** The OpenCL backend on one device; results identical to the Java backend's, bit for bit. */
public final class OpenClBackend implements Backend {
  public static final String NAME = "opencl";

  private final ClDevice device;
  private final boolean profile;

  public OpenClBackend(ClDevice device) {
    this(device, false);
  }

  /** With {@code profile}, kernels are timed by OpenCL events (see {@link Simulation#profile()}). */
  public OpenClBackend(ClDevice device, boolean profile) {
    this.device = device;
    this.profile = profile;
  }

  /**
   * The device named by {@code spec} (an index from {@code rewire devices}, or a substring of the
   * device name), or the first usable one when {@code spec} is null; null if there is none.
   */
  public static ClDevice choose(String spec) {
    List<ClDevice> devices = Devices.list();
    for (ClDevice d : devices) {
      boolean match = spec == null ? d.usable()
          : spec.equals(Integer.toString(d.index())) || d.name().contains(spec);
      if (match) {
        return d;
      }
    }
    return null;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return device.name() + " (" + device.platform() + ", " + device.openClC() + ")";
  }

  @Override
  public Simulation open(Plan plan) {
    if (!device.usable()) {
      throw new IllegalArgumentException("device " + device.name() + " lacks " + device.missing()
          + ", which bit-identical results need");
    }
    return new OpenClSimulation(plan, device, profile);
  }
}
