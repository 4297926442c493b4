package dev.rewire.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.ModelFile;
import dev.rewire.run.RunDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results table is current after every run, not only now and then. */
class SweepRunnerTest {
  @TempDir
  Path dir;

  @Test
  void theTable_isRewrittenAfterEveryRun() throws Exception {
    SweepDefinition d = new SweepDefinition(List.of(new SweepModel("seed-ei",
        ModelFile.bundledText("seed-ei"), "bundled:seed-ei")), List.of(), List.of(1L, 2L, 3L),
        20.0, Map.of(), List.of(), false, false, null);
    SweepDirectory folder = new SweepDirectory(dir.resolve("sw"));
    SweepRunner runner = new SweepRunner(Sweep.of(d), folder,
        new SweepRunner.Options(null, "test", false, 0));
    JavaBackend backend = new JavaBackend();
    int[] finished = {0};
    // Runs one at a time; before each, the table must show every run finished so far as ok.
    SweepExecutor oneByOne = (tasks, outcomes, cancelled) -> {
      for (RunTask t : tasks) {
        assertEquals(finished[0], okRows(folder), "rows ok before run " + t.run().index());
        outcomes.finished(t, RunDriver.run(t.request(), backend, RunDriver.Progress.NONE), 0.1);
        finished[0]++;
      }
    };
    runner.run(oneByOne, SweepRunner.Listener.NONE);
    assertEquals(3, okRows(folder));
  }

  private static long okRows(SweepDirectory folder) {
    try {
      return SweepTable.read(folder.table()).stream().filter(r -> r.get("status").equals("ok"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
