package dev.rewire.run;

import java.nio.file.Path;

/**
 * What a run writes; a null path is not written. With a report but no results file, the results
 * go to a temporary HDF5 file beside the report, deleted afterwards.
 *
 * @param summary the summary JSON
 * @param results the HDF5 results
 * @param report the HTML report
 * @param checkpoint the checkpoint, rewritten every {@code checkpointEverySteps} and at the end
 */
public record Outputs(Path summary, Path results, Path report, Path checkpoint,
    int checkpointEverySteps) {
  /** Nothing written. */
  public static final Outputs NONE = new Outputs(null, null, null, null, 0);

  public Outputs {
    summary = absolute(summary);
    results = absolute(results);
    report = absolute(report);
    checkpoint = absolute(checkpoint);
    if (checkpoint != null && checkpointEverySteps < 1) {
      throw new IllegalArgumentException("checkpointEverySteps must be >= 1, got "
          + checkpointEverySteps);
    }
  }

  /** The files named, in the order summary, results, report (and the checkpoint, if asked). */
  public java.util.List<Path> files(boolean withCheckpoint) {
    java.util.List<Path> out = new java.util.ArrayList<>();
    for (Path p : new Path[] {summary, results, report, withCheckpoint ? checkpoint : null}) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether the run must keep everything for an HDF5 file (results or a report). */
  public boolean recordsEverything() {
    return results != null || report != null;
  }

  public Outputs withSummary(Path p) {
    return new Outputs(p, results, report, checkpoint, checkpointEverySteps);
  }

  public Outputs withResults(Path p) {
    return new Outputs(summary, p, report, checkpoint, checkpointEverySteps);
  }

  public Outputs withReport(Path p) {
    return new Outputs(summary, results, p, checkpoint, checkpointEverySteps);
  }

  public Outputs withCheckpoint(Path p, int everySteps) {
    return new Outputs(summary, results, report, p, everySteps);
  }

  private static Path absolute(Path p) {
    return p == null ? null : p.toAbsolutePath().normalize();
  }
}
