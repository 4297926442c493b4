package dev.rewire.backend.opencl.device;

import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.plan.StateLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a batch of networks on a device, as its {@link StateLayout} declares it: one buffer
 * per pack, network k's slice at k times the pack's length, each entry at its offset in the slice
 * (BOOL entries as ints). Both engines keep their networks here (the per-step engine a batch of
 * one); a network is uploaded from and read back to the arrays a {@link SimulationState} holds.
 */
public final class DeviceState {
  private final StateLayout layout;
  private final int networks;
  private final Map<String, ClBuffer> buffers = new LinkedHashMap<>();

  public DeviceState(ClContext ctx, StateLayout layout, int networks) {
    this.layout = layout;
    this.networks = networks;
    for (String pack : StateLayout.PACKS) {
      long length = Math.max(1, layout.packLength(pack));
      buffers.put(pack, ctx.buffer(pack, bytes(pack) * networks * length));
    }
  }

  /** Bytes per element of {@code pack} on the device (a BOOL is an int there). */
  private static int bytes(String pack) {
    return StateLayout.packType(pack) == StateLayout.Type.I64 ? 8 : 4;
  }

  /** The buffer of {@code pack}. */
  public ClBuffer buffer(String pack) {
    ClBuffer b = buffers.get(pack);
    if (b == null) {
      throw new IllegalArgumentException("no pack named " + pack);
    }
    return b;
  }

  public int networks() {
    return networks;
  }

  /** Writes network k's arrays (every entry {@code arrays} has, by layout name). */
  public void upload(int k, Map<String, Object> arrays) {
    for (String pack : StateLayout.PACKS) {
      long length = layout.packLength(pack);
      if (length == 0) {
        continue;
      }
      long base = k * length;
      ClBuffer b = buffers.get(pack);
      for (StateLayout.Entry e : layout.entries()) {
        Object a = e.pack().equals(pack) ? arrays.get(e.name()) : null;
        if (a == null) {
          continue;
        }
        long at = base + e.offset();
        if (a instanceof float[] f) {
          b.write(at, f);
        } else if (a instanceof int[] i) {
          b.write(at, i);
        } else if (a instanceof long[] l) {
          b.write(at, l);
        } else {
          boolean[] z = (boolean[]) a;
          int[] ints = new int[z.length];
          for (int q = 0; q < z.length; q++) {
            ints[q] = z[q] ? 1 : 0;
          }
          b.write(at, ints);
        }
      }
    }
  }

  /** Network k's checkpointed arrays at {@code step}, read back pack by pack. */
  public SimulationState state(int k, int step) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> packs = new LinkedHashMap<>();
    for (StateLayout.Entry e : layout.entries()) {
      if (!e.kind().checkpointed()) {
        continue;
      }
      Object whole = packs.computeIfAbsent(e.pack(), p -> readSlice(p, k));
      out.put(e.name(), cut(e, whole));
    }
    return new SimulationState(step, out);
  }

  /** Every network's state variables, one read of the neuron_f pack for the whole batch. */
  public NeuronValues[] variables() {
    long length = layout.packLength("neuron_f");
    float[] all = new float[(int) (length * networks)];
    buffers.get("neuron_f").read(0, all);
    NeuronValues[] out = new NeuronValues[networks];
    for (int k = 0; k < networks; k++) {
      Map<String, float[]> m = new LinkedHashMap<>();
      for (StateLayout.Entry e : layout.entries()) {
        if (e.kind() == StateLayout.Kind.VARIABLE) {
          int from = (int) (k * length + e.offset());
          m.put(e.name(), java.util.Arrays.copyOfRange(all, from, from + e.length()));
        }
      }
      out[k] = new NeuronValues(m);
    }
    return out;
  }

  /** Entry {@code name} of network k. */
  public Object read(int k, String name) {
    StateLayout.Entry e = layout.entry(name);
    Object a = SimulationState.allocate(e);
    long at = k * layout.packLength(e.pack()) + e.offset();
    ClBuffer b = buffers.get(e.pack());
    if (a instanceof float[] f) {
      b.read(at, f);
    } else if (a instanceof long[] l) {
      b.read(at, l);
    } else {
      int[] ints = a instanceof int[] i ? i : new int[e.length()];
      b.read(at, ints);
      if (a instanceof boolean[] z) {
        for (int q = 0; q < z.length; q++) {
          z[q] = ints[q] != 0;
        }
      }
    }
    return a;
  }

  private Object readSlice(String pack, int k) {
    long length = layout.packLength(pack);
    long at = k * length;
    ClBuffer b = buffers.get(pack);
    StateLayout.Type type = StateLayout.packType(pack);
    if (type == StateLayout.Type.I64) {
      long[] l = new long[(int) length];
      b.read(at, l);
      return l;
    }
    if (type == StateLayout.Type.F32) {
      float[] f = new float[(int) length];
      b.read(at, f);
      return f;
    }
    int[] i = new int[(int) length];
    b.read(at, i);
    return i;
  }

  private static Object cut(StateLayout.Entry e, Object whole) {
    int from = (int) e.offset();
    int to = from + e.length();
    return switch (e.type()) {
      case F32 -> java.util.Arrays.copyOfRange((float[]) whole, from, to);
      case I64 -> java.util.Arrays.copyOfRange((long[]) whole, from, to);
      case I32 -> java.util.Arrays.copyOfRange((int[]) whole, from, to);
      case BOOL -> {
        int[] ints = (int[]) whole;
        boolean[] z = new boolean[e.length()];
        for (int q = 0; q < z.length; q++) {
          z[q] = ints[from + q] != 0;
        }
        yield z;
      }
    };
  }
}
