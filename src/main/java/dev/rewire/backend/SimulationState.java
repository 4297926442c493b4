package dev.rewire.backend;

import dev.rewire.plan.StateLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a network at a step, array by array as the plan's {@link StateLayout} names them:
 * what a checkpoint holds (the checkpointed entries) and what every backend starts from
 * ({@link InitialState}: all entries). Arrays are {@code float[]}, {@code int[]}, {@code long[]} or
 * {@code boolean[]} by the entry's type. What can be derived is not in it and is rebuilt on restore
 * (refractory lists from the last spikes, pending-input lists from the inputs, below-threshold lists
 * from the weights, Poisson wheels from the next spikes, static synapses from the seed).
 *
 * @param step the next step to run
 * @param arrays by layout name, in layout order
 */
public record SimulationState(int step, Map<String, Object> arrays) {
  public SimulationState {
    arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
  }

  public float[] floats(String name) {
    return (float[]) array(name);
  }

  public int[] ints(String name) {
    return (int[]) array(name);
  }

  public long[] longs(String name) {
    return (long[]) array(name);
  }

  public boolean[] booleans(String name) {
    return (boolean[]) array(name);
  }

  private Object array(String name) {
    Object a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("the state has no array '" + name + "'");
    }
    return a;
  }

  /**
   * Checks that this state holds every checkpointed array of {@code layout} with its type and
   * length, and nothing else; the message names the first array that does not fit.
   */
  public void check(StateLayout layout) {
    for (StateLayout.Entry e : layout.entries()) {
      if (!e.kind().checkpointed()) {
        continue;
      }
      Object a = arrays.get(e.name());
      if (a == null) {
        throw new IllegalArgumentException("the state has no array '" + e.name() + "', which "
            + "this model has");
      }
      String type = type(a);
      if (!type.equals(e.type().name())) {
        throw new IllegalArgumentException("state array '" + e.name() + "' holds " + type
            + " values; this model has " + e.type());
      }
      int n = java.lang.reflect.Array.getLength(a);
      if (n != e.length()) {
        throw new IllegalArgumentException("state array '" + e.name() + "' has " + n
            + " elements; this model has " + e.length());
      }
    }
    for (String name : arrays.keySet()) {
      if (!layout.has(name)) {
        throw new IllegalArgumentException("the state has an array '" + name + "', which this "
            + "model does not");
      }
    }
  }

  /** The layout type of a state array. */
  public static String type(Object array) {
    if (array instanceof float[]) {
      return "F32";
    } else if (array instanceof int[]) {
      return "I32";
    } else if (array instanceof long[]) {
      return "I64";
    } else if (array instanceof boolean[]) {
      return "BOOL";
    }
    throw new IllegalArgumentException("not a state array: " + array);
  }

  /** A new array of {@code e}'s type and length, zero-filled. */
  public static Object allocate(StateLayout.Entry e) {
    return switch (e.type()) {
      case F32 -> new float[e.length()];
      case I32 -> new int[e.length()];
      case I64 -> new long[e.length()];
      case BOOL -> new boolean[e.length()];
    };
  }

  /** A copy of {@code array} (one of the four types). */
  public static Object copy(Object array) {
    if (array instanceof float[] f) {
      return f.clone();
    } else if (array instanceof int[] i) {
      return i.clone();
    } else if (array instanceof long[] l) {
      return l.clone();
    }
    return ((boolean[]) array).clone();
  }

  /** The checkpointed arrays of {@code live} (by layout name), copied. */
  public static SimulationState of(int step, StateLayout layout, Map<String, Object> live) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (StateLayout.Entry e : layout.entries()) {
      if (e.kind().checkpointed()) {
        out.put(e.name(), copy(live.get(e.name())));
      }
    }
    return new SimulationState(step, out);
  }
}
