package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.output.SummaryWriter;
import dev.rewire.run.Checkpoint;
import dev.rewire.testing.Hdf5Files;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defining tests of checkpoint and resume: a run killed with SIGKILL (Process.destroyForcibly
 * on Linux) after its 2 s checkpoint and then resumed with nothing but the checkpoint writes what
 * the run that was never interrupted writes: the same summary (digests, structural series, rates)
 * and the same HDF5 datasets, bit for bit, and its report. And a finished run resumed with a
 * longer --duration equals the longer run.
 */
public class CheckpointResumeTest {
  /** Root attributes that say how and how fast a file was made, not what the run gave. */
  private static final Set<String> PROVENANCE = Set.of("command_line", "wall_setup_s",
      "wall_run_s", "backend", "device");

  @TempDir
  Path dir;

  /** The backend the killed and resumed runs use; the native tests run it on OpenCL. */
  protected String backend() {
    return "java";
  }

  /** Long enough that the child is still running after its 2 s checkpoint. */
  protected String duration() {
    return "40s";
  }

  @Test
  void killedAfterTheTwoSecondCheckpointAndResumed_writesWhatTheUninterruptedRunWrites()
      throws Exception {
    Path straight = Files.createDirectory(dir.resolve("straight"));
    assertEquals(0, main("run", "--duration", duration(), "--seed", "3", "--backend", "java",
        "--summary", straight.resolve("s.json").toString(),
        "--out", straight.resolve("r.h5").toString()).code);

    Path killed = Files.createDirectory(dir.resolve("killed"));
    Path ck = killed.resolve("run.ckpt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--duration", duration(), "--seed", "3", "--backend", backend(),
        "--summary", killed.resolve("s.json").toString(),
        "--out", killed.resolve("r.h5").toString(),
        "--report", killed.resolve("r.html").toString(),
        "--checkpoint", ck.toString(), "--checkpoint-every", "1s", "--quiet"));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    int killedAt = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.exists(ck)) {
        int step = Checkpoint.stepOf(ck);
        if (step >= 20_000) {
          child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
          killedAt = step;
          break;
        }
      }
      Thread.sleep(5);
    }
    child.waitFor(30, TimeUnit.SECONDS);
    if (killedAt < 0) {
      fail("the child finished (exit " + child.exitValue() + ") before its 2 s checkpoint could be "
          + "acted on; log: " + Files.readString(dir.resolve("child.log")));
    }
    assertNotEquals(0, child.exitValue(), "the child was killed, not finished");
    System.out.printf("killed the child after the checkpoint at step %d (%.1f s), exit %d%n",
        killedAt, killedAt / 10000.0, child.exitValue());
    assertFalse(Files.exists(killed.resolve("r.h5")), "a killed run wrote no results yet");

    Out resumed = main("resume", ck.toString(), "--backend", backend());
    assertEquals(0, resumed.code, resumed.err);
    assertTrue(resumed.err.contains(String.format(java.util.Locale.ROOT,
        "resuming seed-ei seed=3 from %s at t = ", ck)), resumed.err);
    assertTrue(resumed.out.contains("(resumed at "), resumed.out);

    JsonNode a = SummaryWriter.read(straight.resolve("s.json"));
    JsonNode b = SummaryWriter.read(killed.resolve("s.json"));
    for (String key : List.of("digest", "structural", "rates_hz_per_second", "spike_count",
        "final", "rate_hz", "model_hash")) {
      assertEquals(a.get(key), b.get(key), key);
    }
    assertTrue(b.get("complete").asBoolean());
    assertTrue(b.get("resumed_from_s").asDouble() >= killedAt / 10000.0, b.toString());
    Hdf5Files.assertSameContents(straight.resolve("r.h5"), killed.resolve("r.h5"), PROVENANCE);
    assertTrue(Files.readString(killed.resolve("r.html")).contains("<img"), "a report with plots");
  }

  /**
   * SIGTERM (Process.destroy) stops a run with a checkpoint at its next chunk: it writes the
   * checkpoint there, not only at its period, says so, exits 143 and leaves no results; resumed
   * to a later end it gives what a straight run to that end gives.
   */
  @Test
  void terminatedBySigterm_writesItsCheckpointFirst_andResumes() throws Exception {
    Path stopped = Files.createDirectory(dir.resolve("stopped"));
    Path ck = stopped.resolve("run.ckpt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--duration", "100000s", "--seed", "5", "--backend", backend(),
        "--summary", stopped.resolve("s.json").toString(),
        "--checkpoint", ck.toString(), "--checkpoint-every", "100000s", "--quiet"));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("term.log").toFile()).start();
    Thread.sleep(3000); // JVM start, set-up and some steps; the period's checkpoint is far away
    assertTrue(child.isAlive(), "the child still runs: " + Files.readString(dir.resolve("term.log")));
    assertFalse(Files.exists(ck), "no checkpoint before the signal");
    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    String log = Files.readString(dir.resolve("term.log"));
    assertEquals(Main.STOPPED, child.exitValue(), log);
    assertTrue(log.contains("by a signal; the checkpoint " + ck + " holds the run so far"), log);
    int step = Checkpoint.stepOf(ck);
    assertTrue(step > 0, "a checkpoint of the run so far, at step " + step);
    assertFalse(Files.exists(stopped.resolve("s.json")), "a stopped run wrote no results yet");
    String end = (step / 10_000 + 1) + "s";
    Out resumed = main("resume", ck.toString(), "--backend", backend(), "--duration", end);
    assertEquals(0, resumed.code, resumed.err);
    Path straight = Files.createDirectory(dir.resolve("straight-term"));
    assertEquals(0, main("run", "--duration", end, "--seed", "5", "--backend", "java",
        "--summary", straight.resolve("s.json").toString()).code);
    assertEquals(SummaryWriter.read(straight.resolve("s.json")).get("digest"),
        SummaryWriter.read(stopped.resolve("s.json")).get("digest"));
  }

  @Test
  void aFinishedRunResumedWithALongerDuration_equalsTheLongerRun() throws IOException {
    Path straight = Files.createDirectory(dir.resolve("straight"));
    assertEquals(0, main("run", "--duration", "1.2s", "--seed", "4", "--backend", "java",
        "--summary", straight.resolve("s.json").toString(),
        "--out", straight.resolve("r.h5").toString()).code);
    Path extended = Files.createDirectory(dir.resolve("extended"));
    Path ck = extended.resolve("c.ckpt");
    assertEquals(0, main("run", "--duration", "0.7s", "--seed", "4", "--backend", backend(),
        "--summary", extended.resolve("s.json").toString(),
        "--out", extended.resolve("r.h5").toString(),
        "--checkpoint", ck.toString(), "--checkpoint-every", "0.5s").code);
    assertEquals(7000, Checkpoint.stepOf(ck), "a checkpoint at the end of the run");

    Out more = main("resume", ck.toString(), "--duration", "1.2s", "--backend", backend());
    assertEquals(0, more.code, more.err);
    assertTrue(more.out.contains("0.500 s simulated in this process (resumed at 0.700 s, to "
        + "1.200 s)") && more.out.contains("; whole run, 0 to 1.200 s: spikes E="), more.out);
    JsonNode a = SummaryWriter.read(straight.resolve("s.json"));
    JsonNode b = SummaryWriter.read(extended.resolve("s.json"));
    for (String key : List.of("digest", "structural", "rates_hz_per_second", "spike_count",
        "final", "duration_s", "steps", "model_hash")) {
      assertEquals(a.get(key), b.get(key), key);
    }
    Hdf5Files.assertSameContents(straight.resolve("r.h5"), extended.resolve("r.h5"), PROVENANCE);

    Out shorter = main("resume", ck.toString(), "--duration", "0.5s");
    assertEquals(2, shorter.code);
    assertTrue(shorter.err.contains("--duration 0.5s ends before the checkpoint, which is at "
        + "1.200 s"), shorter.err);
  }

  @Test
  void resume_outFromACheckpointOfARunWithoutResults_isBadInput() {
    Path ck = dir.resolve("c.ckpt");
    assertEquals(0, main("run", "--duration", "300ms", "--backend", "java", "--checkpoint",
        ck.toString(), "--checkpoint-every", "100ms").code);
    Out o = main("resume", ck.toString(), "--duration", "400ms", "--out",
        dir.resolve("r.h5").toString());
    assertEquals(2, o.code);
    assertTrue(o.err.contains("holds no record of the spikes"), o.err);
    assertFalse(Files.exists(dir.resolve("r.h5")));
  }

  @Test
  void resume_refusesAFileThatIsNotACheckpoint() throws IOException {
    Path bogus = dir.resolve("bogus.ckpt");
    Files.writeString(bogus, "not a checkpoint");
    Out o = main("resume", bogus.toString());
    assertEquals(2, o.code);
    assertTrue(o.err.contains("is not a rewire checkpoint"), o.err);
  }

  /**
   * A checkpoint of format 3 (rewire before neuron models: fixed-named arrays), as that release
   * wrote it: its header is enough to refuse it, with a message that says what to do.
   */
  @Test
  void resume_refusesACheckpointOfAnOlderFormat_sayingWhichRewireReadsIt() throws IOException {
    Path old = dir.resolve("old.ckpt");
    try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(
        Files.newOutputStream(old)))) {
      byte[] magic = "REWIRE-CHECKPOINT".getBytes(StandardCharsets.UTF_8);
      out.writeInt(magic.length);
      out.write(magic);
      out.writeInt(3);
      out.write(new byte[4096]); // what follows is never read
    }
    Out o = main("resume", old.toString(), "--out", dir.resolve("r.h5").toString());
    assertEquals(2, o.code, o.err);
    assertTrue(o.err.contains(old + " has checkpoint format 3; this rewire reads format 4 "
        + "(resume it with the rewire that made it)"), o.err);
    assertFalse(Files.exists(dir.resolve("r.h5")));
  }

  @Test
  void resume_refusesACheckpointOfAModelThatNowReadsDifferently() throws IOException {
    Path ck = dir.resolve("c.ckpt");
    assertEquals(0, main("run", "--duration", "300ms", "--backend", "java", "--checkpoint",
        ck.toString(), "--checkpoint-every", "100ms").code);
    Checkpoint c = Checkpoint.read(ck);
    new Checkpoint(c.spec(), "0".repeat(64), c.backend(), c.commandLine(), c.outputs(),
        c.state(), c.recorder()).write(ck);
    Out o = main("resume", ck.toString(), "--backend", "java");
    assertEquals(2, o.code);
    assertTrue(o.err.contains("reads differently"), o.err);
  }

  /** What a command printed and returned. */
  public record Out(int code, String out, String err) {}

  public static Out main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
