package dev.rewire.sweep;

import dev.rewire.output.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the results of a sweep's shards: every run of the sweep (from sweep.json) with its
 * result, or status missing, into DIR/sweep.csv; the same table one process would have written.
 */
public final class Collect {
  /** What was collected. */
  public record Outcome(int runs, int present, int ok, int diverged, int failed, int missing,
      Path table) {}

  private Collect() {}

  public static Outcome collect(SweepDirectory dir) {
    SweepDirectory.Description d = dir.description();
    List<RunRow> rows = new ArrayList<>();
    int ok = 0;
    int diverged = 0;
    int failed = 0;
    int missing = 0;
    for (SweepRun run : d.runs()) {
      RunRow r = dir.result(run.id());
      if (r == null) {
        r = RunRow.missing(run);
        missing++;
      } else if (RunRow.OK.equals(r.status())) {
        ok++;
      } else if (RunRow.DIVERGED.equals(r.status())) {
        diverged++;
      } else {
        failed++;
      }
      rows.add(r.withParameters(run.parameters()));
    }
    try {
      SweepTable.write(dir.table(), SweepTable.columns(d.parameters(), d.populations(),
          d.rewired()), d.parameters(), rows);
    } catch (IOException e) {
      throw new SweepException("cannot write " + dir.table() + ": " + AtomicFile.reason(e));
    }
    return new Outcome(rows.size(), rows.size() - missing, ok, diverged, failed, missing,
        dir.table());
  }
}
