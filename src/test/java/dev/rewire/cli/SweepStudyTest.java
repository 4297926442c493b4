package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.output.SummaryWriter;
import dev.rewire.sweep.SweepTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study around the runs: a sweep folder never loses a row, models and rules compared in one
 * sweep, and a SLURM folder that needs nothing outside it.
 */
class SweepStudyTest {
  @TempDir
  Path dir;

  private static CheckpointResumeTest.Out main(String... args) {
    return CheckpointResumeTest.main(args);
  }

  @Test
  void aFolderOfAnotherSweep_isRefused_andAppendAddsTheRunsWithoutDroppingAny()
      throws IOException {
    Path out = dir.resolve("sw");
    assertEquals(0, main("sweep", "--seeds", "1-3", "--duration", "50ms", "--quiet",
        "--out-dir", out.toString()).code());
    CheckpointResumeTest.Out other = main("sweep", "--seeds", "3-4", "--grid",
        "projections.ee.stdp.lr=0.01", "--duration", "50ms", "--quiet", "--out-dir",
        out.toString());
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("holds another sweep: 3 runs (rewire sweep --seeds 1-3")
        && other.err().contains("this sweep has 2 runs, 1 of them among those")
        && other.err().contains("--append"), other.err());
    assertEquals(3, SweepTable.read(out.resolve("sweep.csv")).size(), "the table is untouched");

    CheckpointResumeTest.Out appended = main("sweep", "--seeds", "3-4", "--duration", "50ms",
        "--quiet", "--append", "--out-dir", out.toString());
    assertEquals(0, appended.code(), appended.err());
    assertTrue(appended.out().contains("(1 finished before)"), appended.out());
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(List.of("1", "2", "3", "4"), rows.stream().map(r -> r.get("seed")).toList());
    assertTrue(rows.stream().allMatch(r -> r.get("status").equals("ok")), rows.toString());
    assertTrue(rows.stream().allMatch(r -> !r.get("rewire_version").isEmpty()),
        "each row says which rewire ran it");
    CheckpointResumeTest.Out c = main("collect", out.toString());
    assertTrue(c.out().startsWith("collected 4 of 4 runs (4 ok"), c.out());
    assertEquals(2, SummaryWriter.read(out.resolve("sweep.json")).path("appended").size() + 1,
        "the folder records both command lines");
    assertEquals(List.of("1", "1", "1", "2"), rows.stream().map(r -> r.get("sweep")).toList(),
        "runs of different sweeps are told apart");

    // A third sweep that varies what the others did not: its own column, empty in their rows.
    CheckpointResumeTest.Out third = main("sweep", "--seeds", "5", "--grid",
        "projections.ee.stdp.lr=0.02", "--duration", "100ms", "--quiet", "--append", "--out-dir",
        out.toString());
    assertEquals(0, third.code(), third.err());
    rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(List.of("1", "1", "1", "2", "3"), rows.stream().map(r -> r.get("sweep"))
        .toList());
    assertEquals(List.of("", "", "", "", "0.02"), rows.stream()
        .map(r -> r.get("projections.ee.stdp.lr")).toList());
    // Another model: the model column appears, and names the earlier runs' model too.
    assertEquals(0, main("sweep", "examples/rules/triplet.toml", "--seeds", "1", "--duration",
        "50ms", "--quiet", "--append", "--out-dir", out.toString()).code());
    rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(List.of("seed-ei", "seed-ei", "seed-ei", "seed-ei", "seed-ei", "triplet"),
        rows.stream().map(r -> r.get("model")).toList());
    CheckpointResumeTest.Out report = main("report", out.toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(Files.readString(out.resolve("sweep.html")).contains("against sweep"));
    assertTrue(Files.readString(out.resolve("runs").resolve(rows.get(0).get("run_id"))
        .resolve("result.json")).contains("\"mean_w_active\""), "the table's name for it");
  }

  /**
   * The SLURM script stops rewire on the time-limit signal (USR1) and on scancel's SIGTERM alike,
   * but requeues the task only after the first. Run here with bash, a fake scontrol, and the
   * variables SLURM would set.
   */
  @Test
  void slurmScript_requeuesOnTheTimeLimitSignal_notOnScancel() throws Exception {
    Path out = dir.resolve("cluster");
    assertEquals(0, main("sweep", "--seeds", "1", "--duration", "600s", "--slurm",
        "--slurm-script-only", "--tasks", "1", "--checkpoint-every", "100ms", "--requeue",
        "--out-dir", out.toString()).code());
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path scontrol = bin.resolve("scontrol");
    Files.writeString(scontrol, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("requeued") + "\n");
    assertTrue(scontrol.toFile().setExecutable(true));
    for (String signal : List.of("TERM", "USR1")) {
      deleteCheckpoints(out); // a fresh one says that this task's trap is set
      ProcessBuilder pb = new ProcessBuilder("bash", "sweep.sbatch").directory(out.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve(signal + ".log").toFile());
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      pb.environment().put("REWIRE_JAVA", Path.of(System.getProperty("java.home"), "bin",
          "java").toString());
      pb.environment().put("SLURM_SUBMIT_DIR", out.toString());
      pb.environment().put("SLURM_ARRAY_TASK_ID", "0");
      pb.environment().put("SLURM_ARRAY_JOB_ID", "42");
      Process p = pb.start();
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
      while (!hasCheckpoint(out) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(hasCheckpoint(out), Files.readString(dir.resolve(signal + ".log")));
      new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
      assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), signal);
      assertEquals(143, p.exitValue(), Files.readString(dir.resolve(signal + ".log")));
    }
    assertEquals("requeue 42_0\n", Files.readString(dir.resolve("requeued")),
        "requeued once, after the time-limit signal only");
  }

  private static void deleteCheckpoints(Path out) throws IOException {
    if (Files.isDirectory(out.resolve("runs"))) {
      try (var s = Files.walk(out.resolve("runs"))) {
        for (Path p : s.filter(f -> f.getFileName().toString().equals("checkpoint.ck")).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static boolean hasCheckpoint(Path out) throws IOException {
    if (!Files.isDirectory(out.resolve("runs"))) {
      return false;
    }
    try (var s = Files.walk(out.resolve("runs"))) {
      return s.anyMatch(p -> p.getFileName().toString().equals("checkpoint.ck"));
    }
  }

  @Test
  void aMissingRow_hasNoNumbers() throws IOException {
    Path out = dir.resolve("sw");
    assertEquals(0, main("sweep", "--seeds", "1-2", "--duration", "50ms", "--quiet",
        "--shard", "0/2", "--out-dir", out.toString()).code());
    main("collect", out.toString());
    Map<String, String> missing = SweepTable.read(out.resolve("sweep.csv")).get(1);
    assertEquals("missing", missing.get("status"));
    assertEquals("", missing.get("wall_s"), "not 0.0: nothing ran");
    assertEquals("", missing.get("simulated_s"));
  }

  @Test
  void modelFilesComparedInOneSweep_eachRowIsTheSingleRunOfItsFile() throws IOException {
    Path out = dir.resolve("sw");
    CheckpointResumeTest.Out o = main("sweep", "examples/rules/triplet.toml",
        "examples/rules/song-pair.toml", "--seeds", "1-2", "--duration", "300ms", "--quiet",
        "--out-dir", out.toString());
    assertEquals(0, o.code(), o.err());
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(List.of("triplet", "triplet", "song-pair", "song-pair"),
        rows.stream().map(r -> r.get("model")).toList());
    for (Map<String, String> r : rows) {
      JsonNode single = run("examples/rules/" + r.get("model") + ".toml", r.get("seed"));
      assertEquals(single.path("digest").path("spikes").asText(), r.get("digest_spikes"));
      assertEquals(single.path("digest").path("weights").asText(), r.get("digest_weights"));
      assertTrue(single.path("model_hash").asText().startsWith(r.get("run_id")),
          "the id is the model's hash: " + r.get("run_id"));
    }
  }

  @Test
  void aVariantThatGivesARule_replacesTheModelsRule_notMergesIntoIt() throws IOException {
    // song-pair is seed-ei with another E→E rule: seed-ei with song-pair's rule table is that run.
    String songPair = Files.readString(Path.of("examples/rules/song-pair.toml"));
    String rule = songPair.substring(songPair.indexOf("[projections.ee.plasticity]"));
    Path sweep = dir.resolve("rules.toml");
    Files.writeString(sweep, "model = \"seed-ei\"\nduration = \"300ms\"\nseeds = [2]\n\n"
        + "[[runs]]\nvariant = \"seed\"\n\n[[runs]]\nvariant = \"song-pair\"\n"
        + rule.replace("[projections.ee.plasticity]", "[runs.projections.ee.plasticity]"));
    Path out = dir.resolve("sw");
    CheckpointResumeTest.Out o = main("sweep", sweep.toString(), "--quiet", "--out-dir",
        out.toString());
    assertEquals(0, o.code(), o.err());
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(List.of("seed", "song-pair"), rows.stream().map(r -> r.get("variant")).toList());
    assertFalse(rows.get(0).containsKey("projections.ee.plasticity"), "named by its variant");
    JsonNode single = run("examples/rules/song-pair.toml", "2");
    assertEquals(single.path("digest").path("spikes").asText(), rows.get(1).get("digest_spikes"));
    assertEquals(single.path("digest").path("weights").asText(),
        rows.get(1).get("digest_weights"));
    assertEquals(0, main("report", out.toString()).code());
    assertTrue(Files.readString(out.resolve("sweep.html")).contains("against variant"));
  }

  @Test
  void aRunThatReplacesATable_mustBeNamed() throws IOException {
    Path sweep = dir.resolve("rules.toml");
    Files.writeString(sweep, "model = \"seed-ei\"\n[[runs]]\n"
        + "[runs.projections.ee.stdp]\nlr = 0.01\n");
    CheckpointResumeTest.Out o = main("sweep", sweep.toString(), "--out-dir",
        dir.resolve("sw").toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("sets projections.ee.stdp to a table replaces it whole; name the "
        + "run with variant"), o.err());
  }

  @Test
  void slurmFolder_needsNothingOutsideIt_andItsSweepFileIsTheSameSweep() throws IOException {
    Path setup = dir.resolve("setup.sh");
    Files.writeString(setup, "#SBATCH --comment=rewire-test\nmodule load java/17\n");
    Path out = dir.resolve("cluster");
    CheckpointResumeTest.Out o = main("sweep", "examples/rules/triplet.toml",
        "examples/rules/song-pair.toml", "--seeds", "1-2", "--duration", "50ms", "--slurm",
        "--slurm-script-only", "--tasks", "2", "--account", "lab42", "--qos", "short",
        "--constraint", "a100|h100", "--time", "1:00:00", "--slurm-setup", setup.toString(),
        "--checkpoint-every", "10ms", "--requeue", "--out-dir", out.toString());
    assertEquals(0, o.code(), o.err());
    String script = Files.readString(out.resolve("sweep.sbatch"));
    for (String line : List.of("#SBATCH --account=lab42", "#SBATCH --qos=short",
        "#SBATCH --constraint=a100|h100", "#SBATCH --time=1:00:00", "#SBATCH --comment=rewire-test",
        "#SBATCH --signal=B:USR1@120", "#SBATCH --requeue", "module load java/17",
        "--checkpoint-every 10ms", "scontrol requeue")) {
      assertTrue(script.contains(line), line + " in\n" + script);
    }
    assertFalse(script.contains("--gres"), "a java sweep asks for no GPU");
    for (String local : List.of(dir.toString(), System.getProperty("java.home"),
        System.getProperty("user.dir"))) {
      assertFalse(script.contains(local), "no path of this machine (" + local + "):\n" + script);
    }
    try (var jars = Files.list(out.resolve("rewire/lib"))) {
      assertFalse(jars.toList().isEmpty(), "rewire copied into the folder");
    }
    // The folder's own sweep file is this sweep: run from it, nothing is refused and the ids agree.
    CheckpointResumeTest.Out again = main("sweep", out.resolve("rewire/sweep.toml").toString(),
        "--quiet", "--out-dir", out.toString());
    assertEquals(0, again.code(), again.err());
    List<Map<String, String>> rows = SweepTable.read(out.resolve("sweep.csv"));
    assertEquals(4, rows.size());
    assertEquals(List.of("triplet", "triplet", "song-pair", "song-pair"),
        rows.stream().map(r -> r.get("model")).toList());

    Path cl = dir.resolve("cl");
    assertEquals(0, main("sweep", "--seeds", "1-2", "--duration", "50ms", "--backend", "opencl",
        "--slurm", "--slurm-script-only", "--out-dir", cl.toString()).code());
    assertTrue(Files.readString(cl.resolve("sweep.sbatch")).contains("#SBATCH --gres=gpu:1"),
        "an OpenCL sweep asks for a GPU");
  }

  private JsonNode run(String model, String seed) throws IOException {
    Path summary = dir.resolve("single-" + seed + ".json");
    CheckpointResumeTest.Out o = main("run", model, "--seed", seed, "--duration", "300ms",
        "--summary", summary.toString(), "--quiet");
    assertEquals(0, o.code(), o.err());
    return SummaryWriter.read(summary);
  }
}
