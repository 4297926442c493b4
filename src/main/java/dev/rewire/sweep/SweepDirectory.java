package dev.rewire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewire.output.AtomicFile;
import dev.rewire.output.BuildInfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder of a sweep:
 *
 * <pre>
 * DIR/sweep.json                 the sweep as given, its runs, the rewire version, the machine
 * DIR/sweep.csv                  the results table (SweepTable), rewritten as runs finish
 * DIR/shards/K-of-N.csv          the table of one shard (--shard K/N); rewire collect merges
 * DIR/runs/RUN_ID/summary.json   each run's summary (and results.h5, report.html if asked for)
 * DIR/runs/RUN_ID/result.json    its row, written last: a run with one is finished
 * DIR/sweep.sbatch, DIR/slurm/   the SLURM job array (--slurm) and its logs
 * </pre>
 *
 * Every file is written atomically, so a sweep killed at any moment leaves a consistent folder:
 * finished runs with their results, and at most the runs in flight without one.
 */
public final class SweepDirectory {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final Path root;

  public SweepDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path runDir(String id) {
    return root.resolve("runs").resolve(id);
  }

  public Path summary(String id) {
    return runDir(id).resolve("summary.json");
  }

  public Path results(String id) {
    return runDir(id).resolve("results.h5");
  }

  public Path report(String id) {
    return runDir(id).resolve("report.html");
  }

  public Path table() {
    return root.resolve("sweep.csv");
  }

  public Path shardTable(Shard shard) {
    return root.resolve("shards").resolve(shard.k() + "-of-" + shard.n() + ".csv");
  }

  public Path sweepJson() {
    return root.resolve("sweep.json");
  }

  /** A run's result, or null when it has none (not run, in flight when killed, or unreadable). */
  RunRow result(String id) {
    Path f = runDir(id).resolve("result.json");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      RunRow r = JSON.readValue(f.toFile(), RunRow.class);
      return id.equals(r.runId()) ? r : null;
    } catch (IOException e) {
      return null;
    }
  }

  void writeResult(RunRow r) throws IOException {
    Path f = runDir(r.runId()).resolve("result.json");
    AtomicFile.write(f, tmp -> JSON.writeValue(tmp.toFile(), r));
  }

  /** Makes a run's folder, removing what an earlier, unfinished attempt left in it. */
  Path prepareRun(String id) throws IOException {
    Path dir = Files.createDirectories(runDir(id));
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
      }
    }
    return dir;
  }

  /** Writes sweep.json: how the sweep was given, its runs, the rewire version and the machine. */
  void writeDescription(Sweep sweep, String commandLine) throws IOException {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("rewire_version", BuildInfo.version());
    doc.put("command_line", commandLine);
    doc.put("sweep_file", sweep.definition().sweepFileText());
    doc.put("model_origin", sweep.definition().modelOrigin());
    doc.set("machine", machine());
    ArrayNode params = doc.putArray("parameters");
    sweep.parameters().forEach(params::add);
    ArrayNode pops = doc.putArray("populations");
    sweep.populations().forEach(pops::add);
    ArrayNode rewired = doc.putArray("rewired_projections");
    sweep.rewired().forEach(rewired::add);
    ArrayNode runs = doc.putArray("runs");
    for (SweepRun r : sweep.runs()) {
      ObjectNode n = runs.addObject();
      n.put("run_id", r.id());
      n.put("seed", r.seed());
      ObjectNode p = n.putObject("parameters");
      r.parameters().forEach(p::put);
    }
    Files.createDirectories(root);
    AtomicFile.write(sweepJson(), tmp -> JSON.writeValue(tmp.toFile(), doc));
  }

  /** What {@link #writeDescription} wrote, enough to make the table of any folder. */
  public record Description(List<String> parameters, List<String> populations,
      List<String> rewired, List<SweepRun> runs, JsonNode document) {}

  /** Reads sweep.json; throws SweepException when the folder holds no sweep. */
  public Description description() {
    Path f = sweepJson();
    if (!Files.isRegularFile(f)) {
      throw new SweepException(root + " holds no sweep (no sweep.json); expected the --out-dir of "
          + "a rewire sweep");
    }
    try {
      JsonNode doc = JSON.readTree(f.toFile());
      List<SweepRun> runs = new ArrayList<>();
      for (JsonNode n : doc.get("runs")) {
        Map<String, String> p = new LinkedHashMap<>();
        n.get("parameters").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        runs.add(new SweepRun(runs.size(), n.get("run_id").asText(), n.get("seed").asLong(), p,
            null));
      }
      return new Description(strings(doc.get("parameters")), strings(doc.get("populations")),
          strings(doc.get("rewired_projections")), runs, doc);
    } catch (IOException | NullPointerException e) {
      throw new SweepException(f + " is not a rewire sweep description (" + e.getMessage() + ")");
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static ObjectNode machine() {
    ObjectNode m = JSON.createObjectNode();
    String host = System.getenv("HOSTNAME");
    if (host == null) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "unknown";
      }
    }
    m.put("hostname", host);
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    m.put("java_heap_max_gib", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    return m;
  }
}
