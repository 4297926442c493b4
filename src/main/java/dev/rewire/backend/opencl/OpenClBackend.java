package dev.rewire.backend.opencl;

import dev.rewire.backend.Backend;
import dev.rewire.backend.ResourceException;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Footprint;
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
    long need = estimateBytes(plan);
    Footprint f = Footprint.of(plan);
    if (need > device.globalMemBytes()) {
      throw new ResourceException("the model needs about " + Footprint.bytes(need) + " of device "
          + "memory and " + device.name() + " has " + Footprint.bytes(device.globalMemBytes())
          + "; make the model smaller or choose another device (rewire devices)");
    }
    if (4 * f.largestPotentialSet() > device.maxAllocBytes()) {
      throw new ResourceException("the largest potential set needs buffers of "
          + Footprint.bytes(4 * f.largestPotentialSet()) + " and " + device.name()
          + " allocates at most " + Footprint.bytes(device.maxAllocBytes()) + " per buffer");
    }
    try {
      return new OpenClSimulation(plan, device, profile);
    } catch (ClException e) {
      if (e.isOutOfResources()) {
        throw new ResourceException("the device ran out of memory or resources while setting up "
            + "the model (estimate " + Footprint.bytes(need) + ", device "
            + Footprint.bytes(device.globalMemBytes()) + "): " + e.getMessage(), e);
      }
      throw e;
    }
  }

  @Override
  public Simulation restore(Plan plan, SimulationState state) {
    OpenClSimulation sim = (OpenClSimulation) open(plan);
    try {
      sim.restore(state);
      return sim;
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  /**
   * Device memory of a simulation: per potential slot the PotentialSet arrays (37 bytes as ints)
   * and the structural scratch (flag, position, pruned, chosen, mark: 17 bytes); per static
   * synapse target and fixed-point weight; per neuron its state, spike list and the chunk's spike
   * record (500 steps of (step, neuron)); per Poisson source its next spike and spike list.
   */
  public static long estimateBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    return f.potentialSlots() * 54 + f.staticSynapses() * 12 + f.neurons() * (40 + 8 * 500L)
        + f.sources() * 8 + f.traceTableEntries() * 4 + (1 << 20);
  }
}
