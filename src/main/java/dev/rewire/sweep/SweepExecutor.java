package dev.rewire.sweep;

import dev.rewire.run.RunDriver;
import java.util.List;

/**
 * Runs the runs of a sweep. {@link ParallelExecutor} runs one network per thread, each through
 * {@link RunDriver} exactly as {@code rewire run} would, so results are bit-identical to single
 * runs; a backend that advances many networks at once (a batch per device launch) implements this
 * interface for whole batches and reports each network's outcome the same way.
 */
public interface SweepExecutor {
  /**
   * Runs every task and returns when each has finished, failed or been abandoned because
   * {@code cancelled} became true. Outcomes are reported as they happen, from any thread.
   */
  void execute(List<RunTask> tasks, Outcomes outcomes, java.util.function.BooleanSupplier cancelled)
      throws InterruptedException;

  /** What happens to the runs; implementations must be thread-safe. */
  interface Outcomes {
    /** The run advanced by {@code steps} more steps (for progress). */
    void progressed(RunTask task, int steps);

    /** The run ended: to its end, or stopped by the numerical guard (see the result). */
    void finished(RunTask task, RunDriver.Result result, double wallS);

    /** An exception ended the run. */
    void failed(RunTask task, Throwable error, double wallS);
  }
}
