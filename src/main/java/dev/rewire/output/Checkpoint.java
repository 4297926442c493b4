package dev.rewire.output;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rewire.backend.SimulationState;
import dev.rewire.model.Model;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A checkpoint file: what model ran (its TOML text and the overrides, so that resuming rebuilds the
 * same model; and its hash, to refuse a checkpoint whose model no longer reads the same), the
 * simulation state and the recorder state. Gzipped binary, with a format version; written atomically
 * (temporary file in the same folder, fsync, rename), so a killed run leaves the previous checkpoint
 * intact.
 *
 * @param modelText the model file's TOML
 * @param origin where the model came from, for messages
 * @param overrides the --set assignments, in order
 * @param durationMs the simulated time of the whole run
 * @param seed the seed of the run
 * @param modelHash SHA-256 of the model as rewire read it
 */
public record Checkpoint(String modelText, String origin, List<String> overrides,
    double durationMs, long seed, String modelHash, String backend, SimulationState state,
    RunRecorder.State recorder) {

  /** Incremented whenever the layout below changes; older files are refused. */
  public static final int FORMAT_VERSION = 1;
  private static final String MAGIC = "REWIRE-CHECKPOINT";

  /** SHA-256 hex of the model as read: its canonical JSON. */
  public static String hash(Model model) {
    try {
      byte[] json = JsonMapper.builder().build().writeValueAsBytes(model);
      return Digests.hex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the model", e);
    }
  }

  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileOutputStream fos = new FileOutputStream(tmp.toFile())) {
        GZIPOutputStream gz = new GZIPOutputStream(fos, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz));
        writeTo(out);
        out.flush();
        gz.finish();
        fos.getChannel().force(true); // on disk before the rename makes it the checkpoint
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads a checkpoint; throws CheckpointException for anything that is not one of ours. */
  public static Checkpoint read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(
            new GZIPInputStream(raw, 1 << 16)))) {
      String magic = string(in);
      if (!MAGIC.equals(magic)) {
        throw new CheckpointException(file + " is not a rewire checkpoint");
      }
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new CheckpointException(file + " has checkpoint format " + version + "; this rewire "
            + "reads format " + FORMAT_VERSION);
      }
      return readFrom(in);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new CheckpointException(file + " is not a rewire checkpoint or is truncated ("
          + e.getMessage() + ")");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CheckpointException("checkpoint " + file + " does not exist");
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage());
    }
  }

  /** The step a checkpoint continues from (reads the whole file). */
  public static int stepOf(Path file) {
    return read(file).state().step();
  }

  /** A file that cannot be resumed: not a checkpoint, another format, another model. */
  public static final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
      super(message);
    }
  }

  private void writeTo(DataOutputStream out) throws IOException {
    string(out, MAGIC);
    out.writeInt(FORMAT_VERSION);
    string(out, modelText);
    string(out, origin);
    out.writeInt(overrides.size());
    for (String o : overrides) {
      string(out, o);
    }
    out.writeDouble(durationMs);
    out.writeLong(seed);
    string(out, modelHash);
    string(out, backend);
    SimulationState s = state;
    out.writeInt(s.step());
    floats(out, s.v());
    floats(out, s.gAmpa());
    floats(out, s.gGaba());
    ints(out, s.lastSpike());
    longs(out, s.inputAmpa());
    longs(out, s.inputGaba());
    out.writeInt(s.inputNextSpike().size());
    for (int[] next : s.inputNextSpike()) {
      ints(out, next);
    }
    out.writeInt(s.potential().size());
    for (SimulationState.PotentialState p : s.potential()) {
      out.writeBoolean(p != null);
      if (p == null) {
        continue;
      }
      out.writeInt(p.activeCount());
      booleans(out, p.active());
      for (int[] a : new int[][] {p.slotPos(), p.rowCount(), p.rowSyn(), p.rowTarget()}) {
        ints(out, a);
      }
      floats(out, p.rowWeight());
      for (int[] a : new int[][] {p.rowToCol(), p.colCount(), p.colSyn(), p.colSource(),
          p.colToRow()}) {
        ints(out, a);
      }
      out.writeBoolean(p.prePlus() != null);
      if (p.prePlus() != null) {
        floats(out, p.prePlus());
        floats(out, p.preMinus());
        ints(out, p.preLast());
        floats(out, p.postPlus());
        floats(out, p.postMinus());
        ints(out, p.postLast());
      }
    }
    RunRecorder.State r = recorder;
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
  }

  private static Checkpoint readFrom(DataInputStream in) throws IOException {
    String text = string(in);
    String origin = string(in);
    int n = in.readInt();
    List<String> overrides = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      overrides.add(string(in));
    }
    double duration = in.readDouble();
    long seed = in.readLong();
    String hash = string(in);
    String backend = string(in);
    int step = in.readInt();
    float[] v = floats(in);
    float[] ga = floats(in);
    float[] gg = floats(in);
    int[] last = ints(in);
    long[] inA = longs(in);
    long[] inG = longs(in);
    int inputs = in.readInt();
    List<int[]> next = new ArrayList<>();
    for (int k = 0; k < inputs; k++) {
      next.add(ints(in));
    }
    int sets = in.readInt();
    List<SimulationState.PotentialState> potential = new ArrayList<>();
    for (int k = 0; k < sets; k++) {
      if (!in.readBoolean()) {
        potential.add(null);
        continue;
      }
      int activeCount = in.readInt();
      boolean[] active = booleans(in);
      int[] slotPos = ints(in);
      int[] rowCount = ints(in);
      int[] rowSyn = ints(in);
      int[] rowTarget = ints(in);
      float[] rowWeight = floats(in);
      int[] rowToCol = ints(in);
      int[] colCount = ints(in);
      int[] colSyn = ints(in);
      int[] colSource = ints(in);
      int[] colToRow = ints(in);
      boolean traces = in.readBoolean();
      potential.add(new SimulationState.PotentialState(activeCount, active, slotPos, rowCount,
          rowSyn, rowTarget, rowWeight, rowToCol, colCount, colSyn, colSource, colToRow,
          traces ? floats(in) : null, traces ? floats(in) : null, traces ? ints(in) : null,
          traces ? floats(in) : null, traces ? floats(in) : null, traces ? ints(in) : null));
    }
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
    byte[] spikes = new byte[in.readInt()];
    in.readFully(spikes);
    return new Checkpoint(text, origin, overrides, duration, seed, hash, backend,
        new SimulationState(step, v, ga, gg, last, inA, inG, next, potential),
        new RunRecorder.State(counts, totals, structural, spikes));
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new java.io.EOFException("implausible string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int x : a) {
      out.writeInt(x);
    }
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int[] a = new int[length(in)];
    for (int k = 0; k < a.length; k++) {
      a[k] = in.readInt();
    }
    return a;
  }

  private static void floats(DataOutputStream out, float[] a) throws IOException {
    out.writeInt(a.length);
    for (float x : a) {
      out.writeInt(Float.floatToRawIntBits(x));
    }
  }

  private static float[] floats(DataInputStream in) throws IOException {
    float[] a = new float[length(in)];
    for (int k = 0; k < a.length; k++) {
      a[k] = Float.intBitsToFloat(in.readInt());
    }
    return a;
  }

  private static void longs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    for (long x : a) {
      out.writeLong(x);
    }
  }

  private static long[] longs(DataInputStream in) throws IOException {
    long[] a = new long[length(in)];
    for (int k = 0; k < a.length; k++) {
      a[k] = in.readLong();
    }
    return a;
  }

  private static void booleans(DataOutputStream out, boolean[] a) throws IOException {
    out.writeInt(a.length);
    for (boolean x : a) {
      out.writeBoolean(x);
    }
  }

  private static boolean[] booleans(DataInputStream in) throws IOException {
    boolean[] a = new boolean[length(in)];
    for (int k = 0; k < a.length; k++) {
      a[k] = in.readBoolean();
    }
    return a;
  }

  private static int length(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw new java.io.EOFException("implausible array length " + n);
    }
    return n;
  }
}
