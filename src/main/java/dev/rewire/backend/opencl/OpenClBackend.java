package dev.rewire.backend.opencl;

import dev.rewire.backend.BatchBackend;
import dev.rewire.backend.InitialState;
import dev.rewire.backend.ResourceException;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.ClException;
import dev.rewire.backend.opencl.cl.Devices;
import dev.rewire.backend.opencl.device.DeviceShape;
import dev.rewire.backend.opencl.resident.ResidentBatch;
import dev.rewire.backend.opencl.step.PerStepSimulation;
import dev.rewire.plan.Footprint;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.List;

/**
 * The OpenCL backend on one device; results identical to the Java backend's, bit for bit. A network
 * that fits a work-group runs on the resident engine ({@link ResidentBatch}: many steps per launch,
 * many networks per batch); a larger one on the per-step engine ({@link PerStepSimulation}: a
 * launch per phase and step). Both lay a network's state out the same way
 * ({@link dev.rewire.backend.opencl.device.DeviceState}) and run the same per-element code.
 */
public final class OpenClBackend implements BatchBackend {
  public static final String NAME = "opencl";

  /** Which engine runs a network. */
  public enum Engine {
    /** The resident engine when the network fits a work-group, else the per-step one. */
    AUTO,
    /** The resident engine; a network that does not fit is refused. */
    RESIDENT,
    /** The per-step engine (a launch per phase and step), for any size. */
    PER_STEP
  }

  private final ClDevice device;
  private final boolean profile;
  private final Engine engine;

  public OpenClBackend(ClDevice device) {
    this(device, false);
  }

  /** With {@code profile}, kernels are timed by OpenCL events (see {@link Simulation#profile()}). */
  public OpenClBackend(ClDevice device, boolean profile) {
    this(device, profile, Engine.AUTO);
  }

  public OpenClBackend(ClDevice device, boolean profile, Engine engine) {
    this.device = device;
    this.profile = profile;
    this.engine = engine;
  }

  /**
   * Whether networks of {@code plan}'s shape fit a work-group of this device (and the resident
   * engine runs them: no active-only potential set).
   */
  public boolean fitsWorkGroup(Plan plan) {
    return activeOnly(plan) == null
        && new DeviceShape(plan).localBytes() <= device.localMemBytes();
  }

  @Override
  public Object shapeKey(Plan plan) {
    return new DeviceShape(plan).header + "\nsteps " + plan.steps() + " dt " + plan.dtMs();
  }

  /**
   * Networks per batch: as many as the device's memory holds (at most half of it, and of its
   * largest buffer, for the batch's arrays), and no more than needed to fill it: 64 work-groups
   * per compute unit.
   */
  @Override
  public int batchCapacity(Plan plan) {
    if (!fitsWorkGroup(plan) || engine == Engine.PER_STEP) {
      return 0;
    }
    Footprint f = Footprint.of(plan);
    long perNetwork = deviceBytes(plan);
    long largest = 4L * Math.max(1, f.potentialSlots());
    long byMemory = Math.min(device.globalMemBytes() / 2 / perNetwork,
        device.maxAllocBytes() / largest);
    long byUnits = 64L * device.computeUnits();
    return (int) Math.max(1, Math.min(Math.min(byMemory, byUnits), 65_536));
  }

  @Override
  public dev.rewire.backend.BatchSimulation openBatch(List<Plan> plans,
      List<SimulationState> states) {
    checkResident(plans.get(0));
    checkUsable();
    try {
      return new ResidentBatch(device, profile, plans, states, false);
    } catch (ClException e) {
      throw resources(e, deviceBytes(plans.get(0)) * plans.size());
    }
  }

  /** The first projection that stores its active synapses only, or null. */
  private static ProjectionPlan activeOnly(Plan plan) {
    return plan.projections().stream().filter(ProjectionPlan::activeOnly).findFirst()
        .orElse(null);
  }

  /**
   * Refuses what the resident engine does not run yet: active-only potential sets (the per-step
   * engine runs them, rewiring them on the host).
   */
  private static void checkResident(Plan plan) {
    ProjectionPlan p = activeOnly(plan);
    if (p != null) {
      throw new ResourceException("projections." + p.name() + " keeps its active synapses only "
          + "(connectivity.storage = \"active\", given or chosen for its " + p.pairCount()
          + " possible pairs), which the resident engine and batches do not run yet; the "
          + "per-step engine does (the default for such a network), or set "
          + "connectivity.storage = \"slots\" if its slots fit");
    }
  }

  private void checkUsable() {
    if (!device.usable()) {
      throw new IllegalArgumentException("device " + device.name() + " lacks " + device.missing()
          + ", which bit-identical results need");
    }
  }

  private ResourceException resources(ClException e, long need) {
    if (e.isOutOfResources()) {
      return new ResourceException("the device ran out of memory or resources while setting up "
          + "the model (estimate " + Footprint.bytes(need) + ", device "
          + Footprint.bytes(device.globalMemBytes()) + "): " + e.getMessage(), e);
    }
    throw e;
  }

  /**
   * The device named by {@code spec} (an index from {@code rewire devices} when it is a number,
   * else a substring of the device name), or the first usable one when {@code spec} is null; null
   * if there is none.
   */
  public static ClDevice choose(String spec) {
    List<ClDevice> devices = Devices.list();
    boolean index = spec != null && spec.matches("\\d+");
    for (ClDevice d : devices) {
      boolean match = spec == null ? d.usable()
          : index ? spec.equals(Integer.toString(d.index())) : d.name().contains(spec);
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
    return open(plan, null);
  }

  private Simulation open(Plan plan, SimulationState state) {
    checkUsable();
    long need = deviceBytes(plan);
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
    boolean resident = engine == Engine.RESIDENT
        || engine == Engine.AUTO && fitsWorkGroup(plan);
    if (resident) {
      checkResident(plan);
    }
    if (resident && !fitsWorkGroup(plan)) {
      throw new ResourceException("the network needs " + Footprint.bytes(new DeviceShape(plan)
          .localBytes()) + " of local memory for the resident engine and " + device.name()
          + " has " + Footprint.bytes(device.localMemBytes()) + " per work-group");
    }
    try {
      if (resident) {
        return new ResidentBatch(device, profile, List.of(plan),
            state == null ? null : java.util.Collections.singletonList(state), true)
            .members().get(0);
      }
      if (!device.roundedDivideSqrt() && ResidentBatch.dividesOrRoots(plan)) {
        throw new IllegalArgumentException(ResidentBatch.noRoundedDivide(device));
      }
      return new PerStepSimulation(plan, device, profile, state == null
          ? InitialState.arrays(plan) : InitialState.arrays(plan, state),
          state == null ? 0 : state.step());
    } catch (ClException e) {
      throw resources(e, need);
    }
  }

  @Override
  public Simulation restore(Plan plan, SimulationState state) {
    return open(plan, state);
  }

  /**
   * Device memory of a simulation: its state ({@link dev.rewire.plan.StateLayout#bytes}, a BOOL
   * taking 4 bytes there), per potential slot up to 17 bytes of structural scratch and change log
   * (candidates, chosen, mark, logs); per static synapse target and fixed-point weight; per neuron
   * its spike list and the chunk's spike record (500 steps of (step, neuron)); per Poisson source
   * its spike list; the decay tables.
   */
  public static long deviceBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    return plan.layout().bytes() + f.potentialSlots() * 20 + f.staticSynapses() * 12
        + f.neurons() * (4 + 8 * 500L) + f.sources() * 4 + f.traceTableEntries() * 4
        + (1 << 20);
  }

  /**
   * Java heap a simulation holds: its state while it is set up (made on the host, then uploaded)
   * and its static synapses.
   */
  @Override
  public long heapBytes(Plan plan) {
    Footprint f = Footprint.of(plan);
    return 2 * plan.layout().bytes() + f.staticSynapses() * 8 + (1 << 20);
  }
}
