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
 *                                (a folder holds one sweep, or several added with --append)
 * DIR/sweep.csv                  the results table (SweepTable), rewritten as each run ends
 * DIR/shards/K-of-N.csv          the table of one shard (--shard K/N); rewire collect merges
 * DIR/runs/RUN_ID/summary.json   each run's summary (and results.h5, report.html if asked for)
 * DIR/runs/RUN_ID/result.json    its row, written last: a run with one is finished
 * DIR/runs/RUN_ID/checkpoint.ck  with --checkpoint-every, while it runs or after it was stopped
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
      .addModule(dev.rewire.output.JsonNumbers.module())
      .build();

  /** The column that numbers the sweeps of a folder that --append gave more than one. */
  public static final String SWEEP = "sweep";

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

  public Path checkpoint(String id) {
    return runDir(id).resolve("checkpoint.ck");
  }

  /**
   * The checkpoint a stopped run of this sweep left, to continue from; null when there is none,
   * or it is not this run's (another rewire, another model), holds no record where the run now
   * writes results or a report, or is unreadable: the run then starts
   * from zero, as it would have without one.
   */
  dev.rewire.run.Checkpoint checkpointOf(SweepRun run, dev.rewire.plan.Plan plan,
      boolean needsRecord) {
    Path f = checkpoint(run.id());
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      dev.rewire.run.Checkpoint ck = dev.rewire.run.Checkpoint.read(f);
      boolean same = ck.modelHash().equals(plan.model().contentHash())
          && ck.state().step() < plan.steps() && (ck.hasRecord() || !needsRecord);
      return same ? ck : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
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

  /**
   * Makes this folder the home of {@code sweep} and writes sweep.json: a new folder takes it as it
   * is; a folder that holds the same runs (the same command again, resuming) keeps them; a folder
   * that holds other runs is refused unless {@code append}, which adds this sweep's runs after the
   * folder's (the union of their columns; no run is ever dropped). Returns the folder's sweep: every
   * run the table covers.
   */
  public Description admit(Sweep sweep, String commandLine, boolean append) throws IOException {
    Description before = Files.exists(sweepJson()) ? description() : null;
    List<SweepRun> runs = new ArrayList<>(sweep.runs());
    List<String> parameters = new ArrayList<>(sweep.parameters());
    List<String> populations = new ArrayList<>(sweep.populations());
    List<String> rewired = new ArrayList<>(sweep.rewired());
    List<String> appended = new ArrayList<>();
    String firstCommand = commandLine;
    String origin = sweep.definition().modelOrigin();
    if (before != null) {
      List<String> had = before.runs().stream().map(SweepRun::id).toList();
      List<String> has = sweep.runs().stream().map(SweepRun::id).toList();
      if (!had.equals(has) && !append) {
        throw new SweepException(differs(before, sweep));
      }
      java.util.Set<String> known = new java.util.HashSet<>(had);
      if (sweep.runs().stream().anyMatch(r -> !known.contains(r.id()))) {
        before.document().path("appended").forEach(n -> appended.add(n.asText()));
        appended.add(commandLine);
        // Each sweep of the folder gets its number in a column of its own, so that runs of sweeps
        // that differ in what no column shows (a duration, an edited value) are never pooled.
        String number = String.valueOf(appended.size() + 1);
        runs = new ArrayList<>();
        for (SweepRun r : before.runs()) {
          runs.add(r.parameters().containsKey(SWEEP) ? r : r.with(SWEEP, "1"));
        }
        for (SweepRun r : sweep.runs()) {
          if (!known.contains(r.id())) {
            runs.add(r.with(SWEEP, number));
          }
        }
        parameters = new ArrayList<>(List.of(SWEEP));
        if (runs.stream().map(SweepRun::model).distinct().count() > 1) {
          parameters.add(SweepDefinition.MODEL); // every run named, also those of one-model sweeps
          runs.replaceAll(r -> r.parameters().containsKey(SweepDefinition.MODEL) ? r
              : r.with(SweepDefinition.MODEL, r.model()));
        }
        parameters = union(parameters, union(before.parameters(), sweep.parameters()));
        populations = union(before.populations(), sweep.populations());
        rewired = union(before.rewired(), sweep.rewired());
        origin = before.document().path("model_origin").asText() + "; then "
            + sweep.definition().modelOrigin();
      } else { // this sweep again, or a part of the folder's (a SLURM task of an appended one)
        before.document().path("appended").forEach(n -> appended.add(n.asText()));
        runs = new ArrayList<>(before.runs()); // their parameters, sweep numbers included
        parameters = new ArrayList<>(before.parameters());
        populations = new ArrayList<>(before.populations());
        rewired = new ArrayList<>(before.rewired());
        origin = before.document().path("model_origin").asText(origin);
      }
      firstCommand = before.document().path("command_line").asText(commandLine);
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("rewire_version", BuildInfo.version());
    doc.put("command_line", firstCommand);
    ArrayNode more = doc.putArray("appended");
    appended.forEach(more::add);
    doc.put("sweep_file", sweep.definition().sweepFileText());
    doc.put("model_origin", origin);
    doc.set("machine", machine());
    ArrayNode params = doc.putArray("parameters");
    parameters.forEach(params::add);
    ArrayNode pops = doc.putArray("populations");
    populations.forEach(pops::add);
    ArrayNode rew = doc.putArray("rewired_projections");
    rewired.forEach(rew::add);
    ArrayNode list = doc.putArray("runs");
    for (SweepRun r : runs) {
      ObjectNode n = list.addObject();
      n.put("run_id", r.id());
      n.put("seed", r.seed());
      n.put("model", r.model());
      ObjectNode p = n.putObject("parameters");
      r.parameters().forEach(p::put);
    }
    Files.createDirectories(root);
    AtomicFile.write(sweepJson(), tmp -> JSON.writeValue(tmp.toFile(), doc));
    return new Description(List.copyOf(parameters), List.copyOf(populations),
        List.copyOf(rewired), List.copyOf(runs), doc);
  }

  /** Why a folder's sweep is not this one: how many runs each has, and how many they share. */
  private String differs(Description before, Sweep sweep) {
    java.util.Set<String> had = new java.util.HashSet<>();
    before.runs().forEach(r -> had.add(r.id()));
    long shared = sweep.runs().stream().filter(r -> had.contains(r.id())).count();
    List<String> newParams = sweep.parameters().stream()
        .filter(p -> !before.parameters().contains(p)).toList();
    List<String> oldParams = before.parameters().stream()
        .filter(p -> !sweep.parameters().contains(p)).toList();
    StringBuilder why = new StringBuilder();
    if (!newParams.isEmpty() || !oldParams.isEmpty()) {
      why.append("; it varies ").append(before.parameters().isEmpty() ? "only seeds"
          : String.join(", ", before.parameters())).append(", this one ")
          .append(sweep.parameters().isEmpty() ? "only seeds"
              : String.join(", ", sweep.parameters()));
    }
    return "--out-dir " + root + " holds another sweep: " + runs(before.runs().size()) + " ("
        + before.document().path("command_line").asText("?") + "); this sweep has "
        + runs(sweep.runs().size()) + ", " + shared + " of them among those" + why
        + (shared == 0 ? " (a run's id is the hash of its model as read, so a model file edited "
            + "since makes new runs)" : "")
        + ". Give --append to add this sweep's runs to the folder (its table then covers all of "
        + "them, with a sweep column), or another --out-dir";
  }

  private static String runs(int n) {
    return n + (n == 1 ? " run" : " runs");
  }

  private static List<String> union(List<String> a, List<String> b) {
    java.util.LinkedHashSet<String> u = new java.util.LinkedHashSet<>(a);
    u.addAll(b);
    return new ArrayList<>(u);
  }

  /** What {@link #admit} wrote, enough to make the table of any folder. */
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
        runs.add(new SweepRun(runs.size(), n.get("run_id").asText(), n.get("seed").asLong(),
            n.path("model").asText(""), p,
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
