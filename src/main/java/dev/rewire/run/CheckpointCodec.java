package dev.rewire.run;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.Rewiring;
import dev.rewire.backend.SimulationState;
import dev.rewire.output.RunRecord;
import dev.rewire.output.RunRecorder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary layout of a {@link Checkpoint}, field by field in the order written here; every array
 * is its length (int32) and its elements, big-endian. The simulation's state is self-describing:
 * each array of the plan's state layout by name, type and length ({@link SimulationState}), so a
 * checkpoint that does not fit the model is refused naming the array. Change
 * {@link #FORMAT_VERSION} with the layout of the file: files of another version are refused, not
 * misread.
 */
final class CheckpointCodec {
  /**
   * 2: the command line, the outputs and the run's record were added; 4: the state array by array
   * with names and types (neuron models), recorded state of any variables.
   */
  static final int FORMAT_VERSION = 4;
  private static final String MAGIC = "REWIRE-CHECKPOINT";

  private CheckpointCodec() {}

  static void write(Checkpoint c, DataOutputStream out) throws IOException {
    string(out, MAGIC);
    out.writeInt(FORMAT_VERSION);
    RunSpec spec = c.spec();
    string(out, spec.modelText());
    string(out, spec.origin());
    out.writeInt(spec.overrides().size());
    for (String o : spec.overrides()) {
      string(out, o);
    }
    out.writeDouble(spec.durationMs());
    out.writeLong(spec.seed());
    string(out, c.modelHash());
    string(out, c.backend());
    string(out, c.commandLine());
    Outputs o = c.outputs();
    for (Path p : new Path[] {o.summary(), o.results(), o.report(), o.checkpoint()}) {
      nullableString(out, p == null ? null : p.toString());
    }
    out.writeInt(o.checkpointEverySteps());
    state(out, c.state());
    recorder(out, c.recorder());
  }

  static Checkpoint read(DataInputStream in, Path file) throws IOException {
    if (!MAGIC.equals(string(in))) {
      throw new Checkpoint.CheckpointException(file + " is not a rewire checkpoint");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new Checkpoint.CheckpointException(file + " has checkpoint format " + version
          + "; this rewire reads format " + FORMAT_VERSION + " (resume it with the rewire that "
          + "made it)");
    }
    String text = string(in);
    String origin = string(in);
    int n = in.readInt();
    List<String> overrides = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      overrides.add(string(in));
    }
    double duration = in.readDouble();
    long seed = in.readLong();
    RunSpec spec = new RunSpec(text, origin, overrides, seed, duration);
    String hash = string(in);
    String backend = string(in);
    String commandLine = string(in);
    Path[] paths = new Path[4];
    for (int k = 0; k < paths.length; k++) {
      String p = nullableString(in);
      paths[k] = p == null ? null : Path.of(p);
    }
    Outputs outputs = new Outputs(paths[0], paths[1], paths[2], paths[3], in.readInt());
    SimulationState state = state(in);
    return new Checkpoint(spec, hash, backend, commandLine, outputs, state, recorder(in));
  }

  private static void state(DataOutputStream out, SimulationState s) throws IOException {
    out.writeInt(s.step());
    out.writeInt(s.arrays().size());
    for (Map.Entry<String, Object> e : s.arrays().entrySet()) {
      string(out, e.getKey());
      Object a = e.getValue();
      string(out, SimulationState.type(a));
      if (a instanceof float[] f) {
        floats(out, f);
      } else if (a instanceof int[] i) {
        ints(out, i);
      } else if (a instanceof long[] l) {
        longs(out, l);
      } else {
        booleans(out, (boolean[]) a);
      }
    }
  }

  private static SimulationState state(DataInputStream in) throws IOException {
    int step = in.readInt();
    int n = length(in);
    Map<String, Object> arrays = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      String name = string(in);
      String type = string(in);
      arrays.put(name, switch (type) {
        case "F32" -> floats(in);
        case "I32" -> ints(in);
        case "I64" -> longs(in);
        case "BOOL" -> booleans(in);
        default -> throw new EOFException("unknown array type " + type + " of " + name);
      });
    }
    return new SimulationState(step, arrays);
  }

  private static void recorder(DataOutputStream out, RunRecorder.State r) throws IOException {
    out.writeInt(r.countsPerSecond().length);
    for (long[] c : r.countsPerSecond()) {
      longs(out, c);
    }
    longs(out, r.totalCounts());
    out.writeInt(r.structural().size());
    for (Map.Entry<String, RunRecorder.StructuralLog> e : r.structural().entrySet()) {
      string(out, e.getKey());
      for (List<Integer> list : List.of(e.getValue().steps(), e.getValue().pruned(),
          e.getValue().regrown(), e.getValue().active())) {
        ints(out, list.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    out.writeInt(r.spikeBytes().length);
    out.write(r.spikeBytes());
    out.writeBoolean(r.record() != null);
    if (r.record() != null) {
      record(out, r.record());
    }
  }

  private static RunRecorder.State recorder(DataInputStream in) throws IOException {
    int pops = in.readInt();
    long[][] counts = new long[pops][];
    for (int p = 0; p < pops; p++) {
      counts[p] = longs(in);
    }
    long[] totals = longs(in);
    int logs = in.readInt();
    Map<String, RunRecorder.StructuralLog> structural = new LinkedHashMap<>();
    for (int k = 0; k < logs; k++) {
      String name = string(in);
      List<List<Integer>> lists = new ArrayList<>();
      for (int l = 0; l < 4; l++) {
        List<Integer> list = new ArrayList<>();
        for (int x : ints(in)) {
          list.add(x);
        }
        lists.add(list);
      }
      structural.put(name, new RunRecorder.StructuralLog(lists.get(0), lists.get(1), lists.get(2),
          lists.get(3)));
    }
    byte[] spikes = bytes(in, length(in));
    RunRecord.State record = in.readBoolean() ? record(in) : null;
    return new RunRecorder.State(counts, totals, structural, spikes, record);
  }

  private static void record(DataOutputStream out, RunRecord.State r) throws IOException {
    out.writeInt(r.rewirings().size());
    for (Rewiring w : r.rewirings()) {
      out.writeInt(w.step());
      string(out, w.projection());
      ints(out, w.prunedSource());
      ints(out, w.prunedTarget());
      floats(out, w.prunedWeight());
      ints(out, w.regrownSource());
      ints(out, w.regrownTarget());
      floats(out, w.regrownWeight());
    }
    ints(out, r.stateSteps().stream().mapToInt(Integer::intValue).toArray());
    for (float[][] sample : r.stateValues()) {
      out.writeInt(sample.length);
      for (float[] values : sample) {
        floats(out, values);
      }
    }
    out.writeInt(r.snapshots().size());
    for (Map.Entry<String, List<RunRecord.Snapshot>> e : r.snapshots().entrySet()) {
      string(out, e.getKey());
      out.writeInt(e.getValue().size());
      for (RunRecord.Snapshot s : e.getValue()) {
        out.writeDouble(s.timeS());
        ints(out, s.synapses().source());
        ints(out, s.synapses().target());
        floats(out, s.synapses().weight());
      }
    }
  }

  private static RunRecord.State record(DataInputStream in) throws IOException {
    int n = length(in);
    List<Rewiring> rewirings = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      rewirings.add(new Rewiring(in.readInt(), string(in), ints(in), ints(in), floats(in),
          ints(in), ints(in), floats(in)));
    }
    List<Integer> steps = new ArrayList<>();
    for (int s : ints(in)) {
      steps.add(s);
    }
    List<float[][]> values = new ArrayList<>();
    for (int k = 0; k < steps.size(); k++) {
      float[][] sample = new float[length(in)][];
      for (int v = 0; v < sample.length; v++) {
        sample[v] = floats(in);
      }
      values.add(sample);
    }
    int projections = length(in);
    Map<String, List<RunRecord.Snapshot>> snapshots = new LinkedHashMap<>();
    for (int k = 0; k < projections; k++) {
      String name = string(in);
      int m = length(in);
      List<RunRecord.Snapshot> list = new ArrayList<>();
      for (int q = 0; q < m; q++) {
        double t = in.readDouble();
        list.add(new RunRecord.Snapshot(t, new ActiveSynapses(name, ints(in), ints(in),
            floats(in))));
      }
      snapshots.put(name, list);
    }
    return new RunRecord.State(rewirings, steps, values, snapshots);
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new EOFException("implausible string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void nullableString(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      string(out, s);
    }
  }

  private static String nullableString(DataInputStream in) throws IOException {
    return in.readBoolean() ? string(in) : null;
  }

  // Arrays go through a ByteBuffer in bulk: writing element by element made a checkpoint of
  // seed-ei cost about 0.15 s.
  private static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer b = ByteBuffer.allocate(4 * a.length);
    b.asIntBuffer().put(a);
    out.write(b.array());
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int[] a = new int[length(in, 4)];
    ByteBuffer.wrap(bytes(in, 4 * a.length)).asIntBuffer().get(a);
    return a;
  }

  private static void floats(DataOutputStream out, float[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer b = ByteBuffer.allocate(4 * a.length);
    b.asFloatBuffer().put(a); // raw bits, NaN payloads included
    out.write(b.array());
  }

  private static float[] floats(DataInputStream in) throws IOException {
    float[] a = new float[length(in, 4)];
    ByteBuffer.wrap(bytes(in, 4 * a.length)).asFloatBuffer().get(a);
    return a;
  }

  private static void longs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer b = ByteBuffer.allocate(8 * a.length);
    b.asLongBuffer().put(a);
    out.write(b.array());
  }

  private static long[] longs(DataInputStream in) throws IOException {
    long[] a = new long[length(in, 8)];
    ByteBuffer.wrap(bytes(in, 8 * a.length)).asLongBuffer().get(a);
    return a;
  }

  private static byte[] bytes(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static void booleans(DataOutputStream out, boolean[] a) throws IOException {
    out.writeInt(a.length);
    byte[] b = new byte[a.length];
    for (int k = 0; k < a.length; k++) {
      b[k] = (byte) (a[k] ? 1 : 0);
    }
    out.write(b);
  }

  private static boolean[] booleans(DataInputStream in) throws IOException {
    byte[] b = bytes(in, length(in, 1));
    boolean[] a = new boolean[b.length];
    for (int k = 0; k < a.length; k++) {
      a[k] = b[k] != 0;
    }
    return a;
  }

  private static int length(DataInputStream in) throws IOException {
    return length(in, 1);
  }

  /** An array length, refused when its elements of {@code size} bytes could not be an array. */
  private static int length(DataInputStream in, int size) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (Integer.MAX_VALUE - 8) / size) {
      throw new EOFException("implausible array length " + n);
    }
    return n;
  }
}
