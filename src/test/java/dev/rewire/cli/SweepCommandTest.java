package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.output.SummaryWriter;
import dev.rewire.sweep.SweepTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rewire sweep from the command line: each run equals the single run, bad input is refused before
 * anything runs, a diverging or failing run is recorded without stopping the others, a killed or
 * stopped sweep leaves a consistent folder that the same command completes, and shards merged by
 * rewire collect give the table of one process.
 */
public class SweepCommandTest {
  @TempDir
  Path dir;

  public static CheckpointResumeTest.Out main(String... args) {
    return CheckpointResumeTest.main(args);
  }

  @Test
  void everyRun_isBitIdenticalToTheSingleRunWithTheSameSeedAndOverrides() throws IOException {
    Path out = dir.resolve("sw");
    CheckpointResumeTest.Out o = main("sweep", "--seeds", "1-2", "--grid",
        "projections.ee.stdp.lr=0.005,0.03", "--set", "projections.ee.structural.threshold=0.1",
        "--duration", "600ms", "--jobs", "2", "--out-dir", out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("sweep: 4 runs: 4 ok, 0 diverged, 0 failed;"), o.out());
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(4, rows.size());
    for (Map<String, String> row : rows) {
      assertEquals("ok", row.get("status"));
      Path single = dir.resolve("single-" + row.get("run_id") + ".json");
      assertEquals(0, main("run", "--seed", row.get("seed"), "--duration", "600ms", "--set",
          "projections.ee.structural.threshold=0.1", "--set",
          "projections.ee.stdp.lr=" + row.get("projections.ee.stdp.lr"), "--summary",
          single.toString(), "--quiet").code());
      JsonNode s = SummaryWriter.read(single);
      assertEquals(s.at("/digest/spikes").asText(), row.get("digest_spikes"));
      assertEquals(s.at("/digest/weights").asText(), row.get("digest_weights"));
      JsonNode inSweep = SummaryWriter.read(out.resolve("runs").resolve(row.get("run_id"))
          .resolve("summary.json"));
      assertEquals(s.get("digest"), inSweep.get("digest"));
      assertEquals(row.get("run_id"), inSweep.get("run_id").asText());
      assertEquals(String.valueOf(s.at("/structural/ee/pruned").findValues("").size()),
          String.valueOf(inSweep.at("/structural/ee/pruned").findValues("").size()));
      long pruned = 0;
      for (JsonNode n : s.at("/structural/ee/pruned")) {
        pruned += n.asLong();
      }
      assertEquals(String.valueOf(pruned), row.get("pruned_ee"));
    }
    assertTrue(rows.stream().anyMatch(r -> !r.get("pruned_ee").equals("0")), "rewiring ran");
    JsonNode description = SummaryWriter.read(out.resolve("sweep.json"));
    assertEquals(4, description.get("runs").size());
    assertTrue(description.get("command_line").asText().startsWith("rewire sweep --seeds 1-2"));
    assertTrue(description.at("/machine/cores").asInt() >= 1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--grid projections.ee.stdp.lr=0.01,-1|the run with projections.ee.stdp.lr = -1 is not a "
          + "valid model: bundled:seed-ei: projections.ee.stdp.lr must be >= 0, got -1.0",
      "--grid projections.ee.stdp.lrr=0.01|unknown key 'projections.ee.stdp.lrr' (did you mean "
          + "'lr'?)",
      "--seeds 9-3|--seeds: the range 9-3 runs backwards",
      "--grid nonsense|--grid expects PATH=V1,V2,...",
      "--jobs 0|--jobs expects a whole number >= 1",
      "--shard 2/2|--shard expects K/N with 0 <= K < N",
      "--tasks 3|--tasks needs --slurm",
      "--duration 5|--duration expects a non-negative number with a unit",
  })
  void badInput_exits2BeforeAnythingRuns(String args, String expected) {
    Path out = dir.resolve("sw");
    List<String> argv = new ArrayList<>(List.of("sweep", "--out-dir", out.toString()));
    argv.addAll(List.of(args.split(" ")));
    CheckpointResumeTest.Out o = main(argv.toArray(new String[0]));
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().startsWith("rewire: ") && o.err().strip().lines().count() == 1, o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aRunThatDivergesAndOneThatFails_areRecorded_andTheOthersFinish() throws IOException {
    Path file = dir.resolve("s.toml");
    Files.writeString(file, String.join("\n", "model = \"seed-ei\"", "duration = \"1s\"",
        "seeds = [1]",
        "[[runs]]", "\"neurons.net.c_pf\" = 200.0",
        "[[runs]]", "\"neurons.net.c_pf\" = 0.01                  # forward Euler diverges",
        "[[runs]]", "\"neurons.net.size\" = 40000                 # too large for the heap",
        "\"neurons.net.populations\" = { E = [0, 32000], I = [32000, 40000] }",
        "\"projections.ee.connectivity.storage\" = \"slots\"",
        "[[runs]]", "\"neurons.net.c_pf\" = 250.0", ""));
    Path out = dir.resolve("sw");
    CheckpointResumeTest.Out o = main("sweep", file.toString(), "--out-dir", out.toString(),
        "--jobs", "2", "--quiet");
    assertEquals(1, o.code(), "a failed run makes the exit code 1: " + o.err());
    assertTrue(o.out().contains("4 runs: 2 ok, 1 diverged, 1 failed"), o.out());
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(List.of("ok", "diverged", "failed", "ok"),
        rows.stream().map(r -> r.get("status")).toList());
    assertTrue(rows.get(1).get("error").startsWith("numerical guard: "), rows.get(1).toString());
    assertTrue(rows.get(2).get("error").contains("of Java heap"), rows.get(2).toString());
    assertEquals("", rows.get(2).get("digest_spikes"));
    assertTrue(Double.parseDouble(rows.get(1).get("simulated_s")) < 1.0, "what ran");

    CheckpointResumeTest.Out again = main("sweep", file.toString(), "--out-dir", out.toString(),
        "--quiet");
    assertTrue(again.out().contains("(3 finished before)"), "only the failed run again: "
        + again.out());
  }

  @Test
  void killedWithSigkill_leavesAConsistentFolder_andTheSameCommandCompletesIt() throws Exception {
    List<String> sweep = List.of("sweep", "--seeds", "1-6", "--duration", "3s", "--jobs", "1",
        "--quiet");
    Path straight = dir.resolve("straight");
    assertEquals(0, main(concat(sweep, "--out-dir", straight.toString())).code());

    Path killed = dir.resolve("killed");
    Process child = child(List.of(concat(sweep, "--out-dir", killed.toString())));
    waitForResults(child, killed, 2);
    child.destroyForcibly(); // SIGKILL
    child.waitFor(30, TimeUnit.SECONDS);
    List<Path> results = results(killed);
    assertTrue(results.size() >= 2 && results.size() < 6, "killed half-way: " + results);
    for (Path r : results) {
      assertTrue(Files.exists(r.resolveSibling("summary.json")), "a result has its summary");
      SummaryWriter.read(r); // complete JSON
    }
    SummaryWriter.read(killed.resolve("sweep.json"));

    CheckpointResumeTest.Out again = main(concat(sweep, "--out-dir", killed.toString()));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("(" + results.size() + " finished before)"), again.out());
    assertSameTable(straight.resolve("sweep.csv"), killed.resolve("sweep.csv"));
  }

  @Test
  void sigterm_stopsAtTheNextChunk_andLeavesAConsistentFolder() throws Exception {
    Path out = dir.resolve("sw");
    Process child = child(List.of("sweep", "--seeds", "1-8", "--duration", "4s", "--jobs", "1",
        "--out-dir", out.toString()));
    waitForResults(child, out, 1);
    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stopped");
    assertEquals(143, child.exitValue(), "the status of a process ended by SIGTERM");
    String log = Files.readString(dir.resolve("child.log"));
    assertTrue(log.contains("rewire: sweep stopped: 8 runs: "), log);
    assertTrue(log.contains("the same command again runs what is left"), log);
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(8, rows.size());
    long ok = rows.stream().filter(r -> r.get("status").equals("ok")).count();
    assertEquals(results(out).size(), ok, "the table lists exactly the runs with a result");
    assertTrue(rows.stream().anyMatch(r -> r.get("status").equals("missing")), log);
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
          .toList(), "no temporary file left behind");
    }
  }

  @Test
  void sigtermWithCheckpoints_theSameCommandContinuesTheStoppedRuns_bitIdentically()
      throws Exception {
    List<String> sweep = List.of("sweep", "--seeds", "1-2", "--duration", "60s", "--jobs", "1",
        "--quiet");
    Path straight = dir.resolve("straight");
    assertEquals(0, main(concat(sweep, "--out-dir", straight.toString())).code());

    Path out = dir.resolve("stopped");
    List<String> stoppable = List.of(concat(sweep, "--checkpoint-every", "1s", "--out-dir",
        out.toString()));
    Process child = child(stoppable);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (checkpoints(out).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertFalse(checkpoints(out).isEmpty(), Files.readString(dir.resolve("child.log")));
    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stopped");
    assertEquals(143, child.exitValue(), Files.readString(dir.resolve("child.log")));
    String log = Files.readString(dir.resolve("child.log"));
    assertTrue(log.contains("the runs in flight wrote their checkpoints"), log);
    List<Path> stoppedAt = checkpoints(out);
    assertEquals(1, stoppedAt.size(), "one run in flight (--jobs 1): " + stoppedAt);
    String resumedId = stoppedAt.get(0).getParent().getFileName().toString();

    CheckpointResumeTest.Out again = main(stoppable.toArray(new String[0]));
    assertEquals(0, again.code(), again.err());
    assertSameTable(straight.resolve("sweep.csv"), out.resolve("sweep.csv"));
    JsonNode summary = SummaryWriter.read(out.resolve("runs").resolve(resumedId)
        .resolve("summary.json"));
    assertTrue(summary.path("resumed_from_s").asDouble() > 0, "continued, not started again: "
        + summary.path("resumed_from_s"));
    assertEquals(List.of(), checkpoints(out), "a finished run's checkpoint is removed");
  }

  private static List<Path> checkpoints(Path out) throws IOException {
    if (!Files.isDirectory(out.resolve("runs"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(out.resolve("runs"))) {
      return s.filter(p -> p.getFileName().toString().equals("checkpoint.ck")).toList();
    }
  }

  @Test
  void slurmScript_runsBatchesForOpenCl_andJobsForJava() throws IOException {
    Path cl = dir.resolve("cl");
    CheckpointResumeTest.Out o = main("sweep", "--seeds", "1-4", "--duration", "100ms",
        "--backend", "opencl", "--batch-size", "3", "--slurm", "--slurm-script-only", "--tasks",
        "2", "--out-dir", cl.toString());
    assertEquals(0, o.code(), o.err());
    String script = Files.readString(cl.resolve("sweep.sbatch"));
    assertTrue(script.contains("--batch-size 3") && !script.contains("--jobs"), script);
    Path java = dir.resolve("java");
    o = main("sweep", "--seeds", "1-4", "--duration", "100ms", "--slurm",
        "--slurm-script-only", "--tasks", "2", "--out-dir", java.toString());
    assertEquals(0, o.code(), o.err());
    script = Files.readString(java.resolve("sweep.sbatch"));
    assertTrue(script.contains("--jobs \"${SLURM_CPUS_PER_TASK:-1}\""), script);
  }

  @Test
  void autoChoosingJava_ignoresBatchSizeWithANote() {
    // No GPU here and two runs: auto takes java (see Backends.chooseForSweep).
    CheckpointResumeTest.Out o = main("sweep", "--seeds", "1-2", "--duration", "20ms",
        "--batch-size", "4", "--out-dir", dir.resolve("sw").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("rewire: ignoring --batch-size (for opencl;"), o.err());
    o = main("sweep", "--seeds", "1-2", "--duration", "20ms", "--backend", "java",
        "--batch-size", "4", "--out-dir", dir.resolve("sw2").toString());
    assertEquals(2, o.code(), "named with the wrong backend it is an error");
  }

  @Test
  void shardsMergedByCollect_equalTheTableOfOneProcess() throws IOException {
    List<String> sweep = List.of("sweep", "--seeds", "1-3", "--grid",
        "projections.ee.stdp.lr=0.01,0.02", "--duration", "300ms", "--quiet");
    Path whole = dir.resolve("whole");
    assertEquals(0, main(concat(sweep, "--out-dir", whole.toString())).code());
    Path sharded = dir.resolve("sharded");
    for (int k = 0; k < 4; k++) {
      assertEquals(0, main(concat(sweep, "--out-dir", sharded.toString(), "--shard",
          k + "/4")).code());
      assertTrue(Files.exists(sharded.resolve("shards").resolve(k + "-of-4.csv")));
    }
    assertFalse(Files.exists(sharded.resolve("sweep.csv")), "shards write their own tables");
    CheckpointResumeTest.Out c = main("collect", sharded.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().startsWith("collected 6 of 6 runs (6 ok, 0 diverged, 0 failed)"), c.out());
    assertSameTable(whole.resolve("sweep.csv"), sharded.resolve("sweep.csv"));
  }

  @Test
  void collect_ofAnIncompleteSweep_marksTheMissingRuns() throws IOException {
    Path out = dir.resolve("sw");
    assertEquals(0, main("sweep", "--seeds", "1-3", "--duration", "100ms", "--shard", "0/3",
        "--out-dir", out.toString(), "--quiet").code());
    CheckpointResumeTest.Out c = main("collect", out.toString());
    assertTrue(c.out().contains("collected 1 of 3 runs") && c.out().contains("2 missing"),
        c.out());
    assertEquals(List.of("ok", "missing", "missing"), SweepTable.read(out.resolve("sweep.csv"))
        .stream().map(r -> r.get("status")).toList());
    CheckpointResumeTest.Out bad = main("collect", dir.resolve("nothing").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("holds no sweep (no sweep.json)"), bad.err());
  }

  @Test
  void report_plotsEveryOutcomeAgainstEveryParameter_andLinksTheRunsReports() throws IOException {
    Path out = dir.resolve("sw");
    assertEquals(0, main("sweep", "--seeds", "1-2", "--grid", "projections.ee.stdp.lr=0.01,0.02",
        "--grid", "projections.ee.structural.mode=global,per-source", "--duration", "200ms",
        "--record-report", "--out-dir", out.toString(), "--quiet").code());
    CheckpointResumeTest.Out r = main("report", out.toString());
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(out.resolve("sweep.html"));
    assertTrue(html.contains("<h2>Outcomes against projections.ee.stdp.lr</h2>"));
    assertTrue(html.contains("<h2>Outcomes against projections.ee.structural.mode</h2>"));
    int outcomes = 2 * 2 + 3 * 2; // rate_hz and rate_hz_last_s of E and I; 3 per rewired proj
    assertEquals(2 * outcomes, html.split("data:image/png;base64,").length - 1, "a plot each");
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    for (Map<String, String> row : rows) {
      String link = "runs/" + row.get("run_id") + "/report.html";
      assertTrue(html.contains("href=\"" + link + "\""), link);
      assertTrue(Files.exists(out.resolve(link)));
    }
    assertTrue(html.contains("<h2>Mean ± standard deviation over seeds</h2>"));
  }

  /** The two tables agree in every column but the wall times. */
  public static void assertSameTable(Path expected, Path actual) throws IOException {
    List<Map<String, String>> a = SweepTable.read(expected);
    List<Map<String, String>> b = SweepTable.read(actual);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      Map<String, String> x = new java.util.LinkedHashMap<>(a.get(i));
      Map<String, String> y = new java.util.LinkedHashMap<>(b.get(i));
      x.remove("wall_s");
      y.remove("wall_s");
      assertEquals(x, y, "row " + i);
    }
  }

  private Process child(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
  }

  private void waitForResults(Process child, Path out, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.isDirectory(out.resolve("runs")) && results(out).size() >= n) {
        return;
      }
      Thread.sleep(5);
    }
    fail("the sweep did not get " + n + " results while running (exit "
        + (child.isAlive() ? "none" : child.exitValue()) + "); log: "
        + Files.readString(dir.resolve("child.log")));
  }

  private static List<Path> results(Path out) throws IOException {
    if (!Files.isDirectory(out.resolve("runs"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(out.resolve("runs"))) {
      return s.filter(p -> p.getFileName().toString().equals("result.json")).toList();
    }
  }

  private static String[] concat(List<String> a, String... more) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
