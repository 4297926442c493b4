package dev.rewire.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewire.cli.Main;
import io.jhdf.HdfFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HDF5 results of a run, read back by jhdf and by Python's h5py. */
class Hdf5WriterTest {
  @TempDir
  static Path dir;

  private Path h5;
  private JsonNode summary;

  @BeforeEach
  void run() throws IOException {
    h5 = dir.resolve("r.h5");
    Path s = dir.resolve("s.json");
    if (!Files.exists(h5)) {
      int code = Main.run(new String[] {"run", "--duration", "1.5s", "--seed", "2", "--backend",
          "java", "--set", "projections.ee.structural.threshold=0.13", "--out", h5.toString(),
          "--summary", s.toString()},
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertEquals(0, code);
    }
    summary = SummaryWriter.read(s);
  }

  @Test
  void eventLog_replaysFromTheFirstSnapshotToTheLast() {
    try (HdfFile f = new HdfFile(h5)) {
      double[] snapT = (double[]) f.getDatasetByPath("/weights/ee/snapshot_time_s").getData();
      long[] start = (long[]) f.getDatasetByPath("/weights/ee/snapshot_start").getData();
      int[] src = (int[]) f.getDatasetByPath("/weights/ee/source").getData();
      int[] tgt = (int[]) f.getDatasetByPath("/weights/ee/target").getData();
      assertEquals(snapT.length + 1, start.length);
      assertEquals(0.0, snapT[0], "the initial weights are the first snapshot");
      assertEquals(1.5, snapT[snapT.length - 1], "and the last ones the last");
      Set<Long> first = new HashSet<>();
      Set<Long> last = new HashSet<>();
      for (int k = (int) start[0]; k < start[1]; k++) {
        first.add((long) src[k] << 32 | tgt[k]);
      }
      for (int k = (int) start[snapT.length - 1]; k < start[snapT.length]; k++) {
        last.add((long) src[k] << 32 | tgt[k]);
      }
      double[] et = (double[]) f.getDatasetByPath("/events/ee/time_s").getData();
      int[] kind = (int[]) f.getDatasetByPath("/events/ee/kind").getData();
      int[] es = (int[]) f.getDatasetByPath("/events/ee/source").getData();
      int[] eg = (int[]) f.getDatasetByPath("/events/ee/target").getData();
      float[] ew = (float[]) f.getDatasetByPath("/events/ee/weight").getData();
      int pruned = 0;
      for (int k = 0; k < et.length; k++) {
        // calls at a snapshot's time happen after it was taken (at the start of that step)
        if (et[k] < snapT[0] || et[k] >= snapT[snapT.length - 1]) {
          continue;
        }
        long key = (long) es[k] << 32 | eg[k];
        if (kind[k] == 0) {
          assertTrue(ew[k] < 0.13f, "pruned below threshold");
          assertTrue(first.remove(key), "pruned synapse was active");
          pruned++;
        } else {
          assertEquals(0.15f, ew[k]);
          assertTrue(first.add(key), "regrown synapse was inactive");
        }
      }
      assertTrue(pruned > 50, "replayed " + pruned + " prunes");
      assertEquals(last, first, "replay from the first snapshot gives the last");
      int total = 0;
      for (JsonNode n : summary.at("/structural/ee/pruned")) {
        total += n.asInt();
      }
      assertEquals(2 * total, et.length, "one prune and one regrowth event per pruned synapse");
    }
  }

  @Test
  void stateSampling_writesOneRowPerSampleAndAColumnPerNeuron() {
    Path f2 = dir.resolve("state.h5");
    assertEquals(0, Main.run(new String[] {"run", "--duration", "50ms", "--backend", "java",
        "--set", "recording.state={neurons=[0,450],variables=[\"v\",\"g_gaba\"],every_ms=0.5}",
        "--out", f2.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    try (HdfFile f = new HdfFile(f2)) {
      double[] t = (double[]) f.getDatasetByPath("/state/time_s").getData();
      float[][] v = (float[][]) f.getDatasetByPath("/state/v").getData();
      assertEquals(100, t.length, "every 0.5 ms for 50 ms");
      assertEquals(0.0001, t[0], 1e-12, "the state after the first step, at its end");
      assertEquals(0.0006, t[1], 1e-12);
      assertEquals(100, v.length);
      assertEquals(2, v[0].length);
      assertEquals(-60f, v[0][0], "v(0) = el");
      assertTrue(f.getByPath("/state").isGroup());
      assertEquals(null, f.getChildren().get("state") instanceof io.jhdf.api.Group g
          ? g.getChildren().get("g_ampa") : "not a group", "only the variables asked for");
    }
  }

  @Test
  void python_h5py_readsWhatJavaWrote() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    boolean h5pyThere = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c",
        "import h5py").start().waitFor() == 0;
    if (!h5pyThere) {
      String msg = "python3 with h5py is not installed (apt-get install -y python3-h5py)";
      if (System.getenv("CI") != null) {
        throw new AssertionError("CI must run the h5py check, but " + msg);
      }
      System.err.println("\n*** SKIPPING the h5py check: " + msg + " ***\n");
      Assumptions.abort(msg);
    }
    String script = String.join("\n",
        "import h5py, json, sys",
        "f = h5py.File(sys.argv[1], 'r')",
        "out = {",
        "  'E': int(f['spikes/E/time_s'].shape[0]), 'I': int(f['spikes/I/time_s'].shape[0]),",
        "  'neuron_dtype': str(f['spikes/E/neuron'].dtype), 'time_dtype': str(f['spikes/E/time_s'].dtype),",
        "  'unit': f['spikes/E/time_s'].attrs['unit'].decode(),",
        "  'first_E': [float(f['spikes/E/time_s'][0]), int(f['spikes/E/neuron'][0])],",
        "  'rate_bins': int(f['rates/E'].shape[0]),",
        "  'events': int(f['events/ee/kind'].shape[0]),",
        "  'pruned': [int(x) for x in f['structural/ee/pruned'][:]],",
        "  'model': f.attrs['model_name'].decode(),",
        "  'command': f.attrs['command_line'].decode(),",
        "  'version': f.attrs['rewire_version'].decode(),",
        "  'hash': f.attrs['model_hash'].decode(),",
        "}",
        "print(json.dumps(out))");
    Process p = new ProcessBuilder(python.toString(), "-c", script, h5.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    JsonNode py = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
    assertEquals(summary.at("/spike_count/E").asLong(), py.get("E").asLong());
    assertEquals(summary.at("/spike_count/I").asLong(), py.get("I").asLong());
    assertEquals("int32", py.get("neuron_dtype").asText());
    assertEquals("float64", py.get("time_dtype").asText());
    assertEquals("s", py.get("unit").asText());
    assertEquals(150, py.get("rate_bins").asInt(), "1.5 s in 10 ms bins");
    assertEquals(summary.at("/structural/ee/pruned"), py.get("pruned"));
    assertEquals("seed-ei", py.get("model").asText());
    assertTrue(py.get("command").asText().startsWith("rewire run --duration 1.5s"));
    assertEquals(summary.get("rewire_version").asText(), py.get("version").asText());
    assertEquals(summary.get("model_hash").asText(), py.get("hash").asText());
    try (HdfFile f = new HdfFile(h5)) {
      double[] t = (double[]) f.getDatasetByPath("/spikes/E/time_s").getData();
      int[] n = (int[]) f.getDatasetByPath("/spikes/E/neuron").getData();
      assertEquals(t[0], py.at("/first_E/0").asDouble());
      assertEquals(n[0], py.at("/first_E/1").asInt());
    }
  }
}
