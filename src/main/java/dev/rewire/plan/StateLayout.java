package dev.rewire.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one network, declared once: every per-neuron, per-input, per-synapse and per-trace
 * array with its name, element type and length. Everything that holds or moves state follows this
 * list: the Java backend's arrays, the OpenCL buffers (entries of one {@link Entry#pack} lie end to
 * end in one buffer, at offsets in the kernels' header), checkpoints (each array by name),
 * recording of state variables, the numerical guard and the memory estimates. A new variable of a
 * neuron model, a new trace of a rule, is a new entry here, with no other edit.
 *
 * <p>Names: {@code neurons.G.x} (variable or per-neuron param x of group G),
 * {@code neurons.G.lastspike}, {@code neurons.G.input.x} (pending input of receptor x, one block
 * of the group's size per ring slot), {@code inputs.P.next_spike} (stepped Poisson inputs),
 * {@code projections.p.A} for the potential-set arrays A of {@code backend.PotentialSet} (a slot
 * per pair, or for an active-only set its synapses in compressed rows and columns),
 * {@code projections.p.pre.T} and {@code projections.p.post.T} for traces and
 * {@code projections.p.pre_last}, {@code projections.p.post_last}.
 */
public final class StateLayout {
  /** Element types. */
  public enum Type {
    F32(4), I32(4), I64(8), BOOL(1);

    /** Bytes per element on the host (BOOL is an int on OpenCL devices). */
    public final int bytes;

    Type(int bytes) {
      this.bytes = bytes;
    }
  }

  /** What an array is. */
  public enum Kind {
    /** A state variable of a neuron model. */
    VARIABLE,
    /** A per-neuron param: set up from the seed, never changed (not checkpointed). */
    PER_NEURON,
    /** The step of each neuron's last spike. */
    LAST_SPIKE,
    /** Pending synaptic input of a receptor (fixed point), per ring slot. */
    INPUT,
    /** The next spike step of each source of a stepped Poisson input. */
    NEXT_SPIKE,
    /** An array of a potential set (flags, lists, weights, counts). */
    SYNAPSE,
    /** A plasticity trace per neuron, or the step of its last update. */
    TRACE;

    /** Whether a checkpoint keeps it (else it is made again from the plan and seed). */
    public boolean checkpointed() {
      return this != PER_NEURON;
    }
  }

  /**
   * One array.
   *
   * @param pack the OpenCL buffer it lies in (with the other entries of the pack)
   * @param offset where it starts in its pack, in elements
   * @param group the group of a neuron array, else -1
   * @param projection the projection (index) of a synapse or trace array, else -1
   */
  public record Entry(String name, Type type, int length, Kind kind, String pack, long offset,
      int group, int projection) {}

  /**
   * The OpenCL buffers, in order: {@link Entry#pack} values. The engines bind them to the kernel
   * arguments of the same name, so no other kernel argument may share one (an active-only set's
   * row starts are row_begin: row_start is the static pathways' own argument).
   */
  public static final List<String> PACKS = List.of("neuron_f", "neuron_i", "input", "next_spike",
      "trace_f", "trace_i", "active", "slot_pos", "row_count", "row_syn", "row_target",
      "row_weight", "row_to_col", "col_count", "col_syn", "col_source", "col_to_row",
      "active_count", "row_begin", "col_begin");

  /** The element type of every entry of a pack. */
  public static Type packType(String pack) {
    return switch (pack) {
      case "neuron_f", "trace_f", "row_weight" -> Type.F32;
      case "input" -> Type.I64;
      case "active" -> Type.BOOL;
      default -> Type.I32;
    };
  }

  /** The potential-set arrays with one element per slot (each its own pack). */
  public static final List<String> SLOT_ARRAYS = List.of("active", "slot_pos", "row_syn",
      "row_target", "row_weight", "row_to_col", "col_syn", "col_source", "col_to_row");

  /**
   * The arrays of an active-only potential set with one element per synapse: its capacity is the
   * initial count, which regrowth never exceeds (it replaces at most what was pruned).
   */
  public static final List<String> ACTIVE_ARRAYS = List.of("row_target", "row_weight",
      "col_source", "col_to_row");

  private final List<Entry> entries;
  private final Map<String, Entry> byName;
  private final Map<String, Long> packLength;

  private StateLayout(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, Entry> m = new LinkedHashMap<>();
    Map<String, Long> lengths = new LinkedHashMap<>();
    PACKS.forEach(p -> lengths.put(p, 0L));
    for (Entry e : entries) {
      m.put(e.name(), e);
      lengths.merge(e.pack(), (long) e.length(), Long::sum);
    }
    byName = Collections.unmodifiableMap(m);
    packLength = Collections.unmodifiableMap(lengths);
  }

  static StateLayout of(List<GroupPlan> groups, List<ReceptorPlan> receptors,
      List<InputPlan> stepped, List<ProjectionPlan> projections, int seed) {
    Builder b = new Builder();
    for (GroupPlan g : groups) {
      for (String v : g.code().variables()) {
        b.add(g.array(v), Type.F32, g.size(), Kind.VARIABLE, "neuron_f", g.index(), -1);
      }
      for (String p : g.code().perNeuron()) {
        b.add(g.array(p), Type.F32, g.size(), Kind.PER_NEURON, "neuron_f", g.index(), -1);
      }
    }
    for (GroupPlan g : groups) {
      b.add(g.array("lastspike"), Type.I32, g.size(), Kind.LAST_SPIKE, "neuron_i", g.index(), -1);
    }
    for (ReceptorPlan r : receptors) {
      GroupPlan g = groups.get(r.group());
      b.add(g.array("input." + g.variables().get(r.variable())), Type.I64, r.slots() * r.size(),
          Kind.INPUT, "input", r.group(), -1);
    }
    for (InputPlan in : stepped) {
      b.add("inputs." + in.name() + ".next_spike", Type.I32, in.size(), Kind.NEXT_SPIKE,
          "next_spike", -1, -1);
    }
    // The per-synapse arrays of the slot sets first, then those of the active-only sets, so that
    // each projection's arrays start at the same offset in every pack it has (the device code
    // finds them all from one base).
    for (ProjectionPlan p : projections) {
      if (p.hasPotentialSet() && !p.activeOnly()) {
        int slots = new SlotCount(p).slots();
        for (String a : SLOT_ARRAYS) {
          b.add(p.array(a), a.equals("active") ? Type.BOOL : a.equals("row_weight") ? Type.F32
              : Type.I32, slots, Kind.SYNAPSE, a, -1, p.index());
        }
      }
    }
    for (ProjectionPlan p : projections) {
      if (p.activeOnly()) {
        int synapses = new SlotCount(p).active(seed);
        for (String a : ACTIVE_ARRAYS) {
          b.add(p.array(a), a.equals("row_weight") ? Type.F32 : Type.I32, synapses,
              Kind.SYNAPSE, a, -1, p.index());
        }
      }
    }
    for (ProjectionPlan p : projections) {
      if (!p.hasPotentialSet()) {
        continue;
      }
      if (p.activeOnly()) {
        b.add(p.array("row_begin"), Type.I32, p.sourceSize() + 1, Kind.SYNAPSE, "row_begin", -1,
            p.index());
        b.add(p.array("col_begin"), Type.I32, p.targetSize() + 1, Kind.SYNAPSE, "col_begin", -1,
            p.index());
      }
      b.add(p.array("row_count"), Type.I32, p.sourceSize(), Kind.SYNAPSE, "row_count", -1,
          p.index());
      b.add(p.array("col_count"), Type.I32, p.targetSize(), Kind.SYNAPSE, "col_count", -1,
          p.index());
      b.add(p.array("active_count"), Type.I32, 1, Kind.SYNAPSE, "active_count", -1, p.index());
      RulePlan r = p.plasticity();
      if (r != null) {
        for (String t : r.preTraces()) {
          b.add(p.array("pre." + t), Type.F32, p.sourceSize(), Kind.TRACE, "trace_f", -1,
              p.index());
        }
        for (String t : r.postTraces()) {
          b.add(p.array("post." + t), Type.F32, p.targetSize(), Kind.TRACE, "trace_f", -1,
              p.index());
        }
        b.add(p.array("pre_last"), Type.I32, p.sourceSize(), Kind.TRACE, "trace_i", -1,
            p.index());
        b.add(p.array("post_last"), Type.I32, p.targetSize(), Kind.TRACE, "trace_i", -1,
            p.index());
      }
    }
    return new StateLayout(b.entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The entry named {@code name}; throws naming it when there is none. */
  public Entry entry(String name) {
    Entry e = byName.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no state array named '" + name + "'");
    }
    return e;
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** Elements in pack {@code pack} (its per-network length on a device). */
  public long packLength(String pack) {
    return packLength.getOrDefault(pack, 0L);
  }

  /** Bytes of one network's state on the host. */
  public long bytes() {
    long n = 0;
    for (Entry e : entries) {
      n += (long) e.length() * e.type().bytes;
    }
    return n;
  }

  /** The number of potential slots or active synapses of a projection, without its arrays. */
  private record SlotCount(ProjectionPlan p) {
    int slots() {
      long total = p.pairCount();
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("projection " + p.name() + " has " + total
            + " potential synapses; at most " + (Integer.MAX_VALUE - 8) + " slots are "
            + "supported (connectivity.storage = \"active\" keeps the active synapses only)");
      }
      return (int) total;
    }

    int active(int seed) {
      long total = p.initialActiveCount(seed);
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("projection " + p.name() + " has " + total
            + " synapses; at most " + (Integer.MAX_VALUE - 8) + " are supported");
      }
      return (int) total;
    }
  }

  private static final class Builder {
    final List<Entry> entries = new ArrayList<>();
    final Map<String, Long> next = new LinkedHashMap<>();

    void add(String name, Type type, int length, Kind kind, String pack, int group,
        int projection) {
      if (packType(pack) != type) {
        throw new IllegalStateException(name + " is " + type + " in a pack of " + packType(pack));
      }
      long at = next.getOrDefault(pack, 0L);
      entries.add(new Entry(name, type, length, kind, pack, at, group, projection));
      next.put(pack, at + length);
    }
  }
}
