package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.output.Checkpoint;
import dev.rewire.output.SummaryWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defining test of checkpoint and resume: a run killed with SIGKILL (Process.destroyForcibly
 * on Linux) after its 2 s checkpoint and then resumed gives the same summary as the run that was
 * never interrupted: spike and weight digests, structural series, rates.
 */
public class CheckpointResumeTest {
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
  void killedAfterTheTwoSecondCheckpointAndResumed_equalsTheUninterruptedRun() throws Exception {
    Path straight = dir.resolve("straight.json");
    assertEquals(0, main("run", "--duration", duration(), "--seed", "3", "--backend", "java",
        "--summary", straight.toString()));

    Path ck = dir.resolve("run.ckpt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--duration", duration(), "--seed", "3", "--backend", backend(),
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

    Path resumed = dir.resolve("resumed.json");
    assertEquals(0, main("resume", ck.toString(), "--backend", backend(), "--summary",
        resumed.toString()));
    JsonNode a = SummaryWriter.read(straight);
    JsonNode b = SummaryWriter.read(resumed);
    assertEquals(a.get("digest"), b.get("digest"));
    assertEquals(a.get("structural"), b.get("structural"));
    assertEquals(a.get("rates_hz_per_second"), b.get("rates_hz_per_second"));
    assertEquals(a.get("spike_count"), b.get("spike_count"));
    assertTrue(b.get("complete").asBoolean());
  }

  @Test
  void resume_refusesAFileThatIsNotACheckpoint() throws IOException {
    Path bogus = dir.resolve("bogus.ckpt");
    Files.writeString(bogus, "not a checkpoint");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, Main.run(new String[] {"resume", bogus.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a rewire checkpoint"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void resume_refusesACheckpointOfAModelThatNowReadsDifferently() throws IOException {
    Path ck = dir.resolve("c.ckpt");
    assertEquals(0, main("run", "--duration", "300ms", "--backend", "java", "--checkpoint",
        ck.toString(), "--checkpoint-every", "100ms"));
    Checkpoint c = Checkpoint.read(ck);
    new Checkpoint(c.modelText(), c.origin(), c.overrides(), c.durationMs(), c.seed(),
        "0".repeat(64), c.backend(), c.state(), c.recorder()).write(ck);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, Main.run(new String[] {"resume", ck.toString(), "--backend", "java"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("reads differently"),
        err.toString(StandardCharsets.UTF_8));
  }

  private static int main(String... args) {
    return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
