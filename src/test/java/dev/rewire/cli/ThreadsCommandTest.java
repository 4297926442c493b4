package dev.rewire.cli;

import static dev.rewire.cli.CheckpointResumeTest.main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --threads} on run, resume and sweep: same results, sensible defaults, clear errors. */
class ThreadsCommandTest {
  @TempDir
  Path dir;

  @Test
  void run_onTwoThreads_givesTheDigestsOfOne_andSaysSo() throws IOException {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    CheckpointResumeTest.Out o = main("run", "--duration", "300ms", "--threads", "1", "--quiet",
        "--summary", one.toString());
    assertEquals(0, o.code(), o.err());
    o = main("run", "--duration", "300ms", "--threads", "2", "--quiet", "--summary",
        two.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode a = new ObjectMapper().readTree(one.toFile());
    JsonNode b = new ObjectMapper().readTree(two.toFile());
    assertEquals(a.get("digest"), b.get("digest"));
    assertTrue(a.get("device").asText().endsWith(", 1 thread"), a.get("device").asText());
    assertTrue(b.get("device").asText().endsWith(", 2 threads"), b.get("device").asText());
  }

  @Test
  void resume_onOtherThreads_continuesBitIdentically() throws IOException {
    Path ck = dir.resolve("run.ck");
    Path straight = dir.resolve("straight.json");
    Path resumed = dir.resolve("resumed.json");
    assertEquals(0, main("run", "--duration", "600ms", "--threads", "1", "--quiet", "--summary",
        straight.toString()).code());
    CheckpointResumeTest.Out o = main("run", "--duration", "300ms", "--threads", "2", "--quiet",
        "--checkpoint", ck.toString(), "--checkpoint-every", "300ms");
    assertEquals(0, o.code(), o.err());
    o = main("resume", ck.toString(), "--duration", "600ms", "--threads", "3", "--quiet",
        "--summary", resumed.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals(new ObjectMapper().readTree(straight.toFile()).get("digest"),
        new ObjectMapper().readTree(resumed.toFile()).get("digest"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "run --threads 0 | --threads expects a whole number >= 1 or auto, got '0'",
      "run --threads two | --threads expects a whole number >= 1 or auto, got 'two'",
      "run --backend opencl --threads 2 | --threads 2: more than one thread applies to the java "
          + "backend",
      "sweep --threads auto --seeds 1-2 --out-dir OUT | --threads of a sweep expects a whole "
          + "number >= 1",
      "sweep --threads -1 --seeds 1-2 --out-dir OUT | --threads expects a whole number >= 1"})
  void badThreads_exit2WithTheOptionNamed(String args, String expected) {
    String[] argv = args.replace("OUT", dir.resolve("sw").toString()).split(" ");
    CheckpointResumeTest.Out o = main(argv);
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertTrue(!Files.exists(dir.resolve("sw")), "nothing written");
  }

  @Test
  void auto_isTheDefault_andSaysHowItChooses() throws IOException {
    Path summary = dir.resolve("auto.json");
    CheckpointResumeTest.Out o = main("run", "--duration", "100ms", "--quiet", "--summary",
        summary.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(new ObjectMapper().readTree(summary.toFile()).get("device").asText()
        .contains("threads auto"), "the summary says the threads were chosen as it ran");
    assertTrue(main("run", "--help").out().replaceAll("\\s+", " ")
        .contains("moves to every core"));
  }

  @Test
  void sweep_dividesTheCoresAmongRuns_andWarnsWhenTheyAreOversubscribed() throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    CheckpointResumeTest.Out o = main("sweep", "--seeds", "1-2", "--duration", "50ms",
        "--backend", "java", "--threads", "2", "--jobs", String.valueOf(cores),
        "--out-dir", dir.resolve("sw").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("rewire: warning: " + 2 * cores + " threads (--jobs " + cores
        + " x --threads 2) on " + cores + " cores"), o.err());
    o = main("sweep", "--seeds", "1-2", "--duration", "50ms", "--backend", "java", "--threads",
        String.valueOf(cores + 1), "--quiet", "--out-dir", dir.resolve("quiet").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("rewire: warning: "), "a warning, quiet or not: " + o.err());
  }

  @Test
  void slurmScript_givesEachTaskCpusForItsThreads() throws IOException {
    Path slurm = dir.resolve("slurm");
    CheckpointResumeTest.Out o = main("sweep", "--seeds", "1-2", "--duration", "50ms",
        "--threads", "2", "--slurm", "--slurm-script-only", "--tasks", "1", "--cpus-per-task", "4",
        "--out-dir", slurm.toString());
    assertEquals(0, o.code(), o.err());
    String script = Files.readString(slurm.resolve("sweep.sbatch"));
    assertTrue(script.contains("--threads 2"), script);
    assertTrue(script.contains("jobs=$(( ${SLURM_CPUS_PER_TASK:-1} / 2 ))")
        && script.contains("--jobs \"$jobs\""), script);
    Path three = dir.resolve("three");
    o = main("sweep", "--seeds", "1-2", "--duration", "50ms", "--threads", "3", "--slurm",
        "--slurm-script-only", "--tasks", "1", "--out-dir", three.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(Files.readString(three.resolve("sweep.sbatch")).contains(
        "#SBATCH --cpus-per-task=3"), "the CPUs default to the threads");
    Path jobs = dir.resolve("jobs");
    o = main("sweep", "--seeds", "1-2", "--duration", "50ms", "--jobs", "3", "--slurm",
        "--slurm-script-only", "--tasks", "1", "--cpus-per-task", "4", "--out-dir",
        jobs.toString());
    assertEquals(0, o.code(), o.err());
    script = Files.readString(jobs.resolve("sweep.sbatch"));
    assertTrue(script.contains("--jobs 3") && !script.contains("SLURM_CPUS_PER_TASK:-1}\""),
        "a --jobs given is passed on as it is: " + script);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--threads 2 --backend opencl | --threads applies to the java backend",
      "--threads 2 --cpus-per-task 1 | --cpus-per-task 1 is fewer than --threads 2"})
  void slurmScript_badThreads_exit2BeforeAScriptIsWritten(String args, String expected) {
    Path out = dir.resolve("bad");
    List<String> argv = new java.util.ArrayList<>(List.of("sweep", "--seeds", "1-2",
        "--duration", "50ms", "--slurm", "--slurm-script-only", "--tasks", "1", "--out-dir",
        out.toString()));
    argv.addAll(List.of(args.split(" ")));
    CheckpointResumeTest.Out o = main(argv.toArray(new String[0]));
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertTrue(!Files.exists(out.resolve("sweep.sbatch")), "no script");
  }

  @Test
  void run_moreThreadsThanCores_warnsEvenWhenQuiet() {
    int cores = Runtime.getRuntime().availableProcessors();
    CheckpointResumeTest.Out o = main("run", "--duration", "20ms", "--quiet", "--threads",
        String.valueOf(cores + 1));
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("rewire: warning: --threads " + (cores + 1) + " on " + cores
        + " cores"), o.err());
  }
}
