package dev.rewire.sweep;

import dev.rewire.backend.BatchBackend;
import dev.rewire.run.BatchDriver;
import dev.rewire.run.RunDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A sweep on a backend that advances many networks per launch: the runs are grouped by shape
 * ({@link BatchBackend#shapeKey}), each group cut into batches as large as the device holds (or
 * {@code maxBatch}), and each batch runs in lockstep through {@link BatchDriver}, one batch after
 * the other (a batch fills the device). Runs that cannot be batched here run one by one.
 */
public final class BatchExecutor implements SweepExecutor {
  private final BatchBackend backend;
  private final int maxBatch;

  /** {@code maxBatch}: networks per batch at most; 0 for as many as the device holds. */
  public BatchExecutor(BatchBackend backend, int maxBatch) {
    if (maxBatch < 0) {
      throw new SweepException("--batch-size must be at least 1, got " + maxBatch);
    }
    this.backend = backend;
    this.maxBatch = maxBatch;
  }

  @Override
  public void execute(List<RunTask> tasks, Outcomes outcomes, BooleanSupplier cancelled) {
    Map<Object, List<RunTask>> byShape = new LinkedHashMap<>();
    for (RunTask t : tasks) {
      // A batch advances in lockstep: its runs start at the same step (resumed runs at theirs).
      byShape.computeIfAbsent(List.of(backend.shapeKey(t.request().plan()), startStep(t)),
          k -> new ArrayList<>()).add(t);
    }
    for (List<RunTask> group : byShape.values()) {
      int capacity = backend.batchCapacity(group.get(0).request().plan());
      if (maxBatch > 0) {
        capacity = Math.min(capacity, maxBatch);
      }
      if (capacity == 0) {
        for (RunTask t : group) {
          if (cancelled.getAsBoolean()) {
            return;
          }
          one(t, outcomes, cancelled);
        }
        continue;
      }
      for (int from = 0; from < group.size(); from += capacity) {
        if (cancelled.getAsBoolean()) {
          return;
        }
        List<RunTask> batch = group.subList(from, Math.min(group.size(), from + capacity));
        try {
          batch(batch, outcomes, cancelled);
        } catch (CancellationException e) {
          return; // abandoned: no results, so the next invocation runs them again
        }
      }
    }
  }

  private static int startStep(RunTask t) {
    return t.request().resume() == null ? 0 : t.request().resume().state().step();
  }

  private void batch(List<RunTask> batch, Outcomes outcomes, BooleanSupplier cancelled) {
    long t0 = System.nanoTime();
    BatchDriver.run(batch.stream().map(RunTask::request).toList(), backend,
        new BatchDriver.Outcomes() {
          @Override
          public void progressed(int k, int steps) {
            outcomes.progressed(batch.get(k), steps);
          }

          @Override
          public void finished(int k, RunDriver.Result result) {
            outcomes.finished(batch.get(k), result, (System.nanoTime() - t0) / 1e9);
          }

          @Override
          public void failed(int k, RuntimeException error) {
            outcomes.failed(batch.get(k), error, (System.nanoTime() - t0) / 1e9);
          }
        }, cancelled);
  }

  private void one(RunTask task, Outcomes outcomes, BooleanSupplier cancelled) {
    long t0 = System.nanoTime();
    int[] last = {startStep(task)};
    try {
      RunDriver.Result r = RunDriver.run(task.request(), backend, step -> {
        outcomes.progressed(task, step - last[0]);
        last[0] = step;
      }, cancelled);
      outcomes.finished(task, r, (System.nanoTime() - t0) / 1e9);
    } catch (CancellationException e) {
      // abandoned
    } catch (RuntimeException e) {
      outcomes.failed(task, e, (System.nanoTime() - t0) / 1e9);
    }
  }
}
