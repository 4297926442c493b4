package dev.rewire.sweep;

import dev.rewire.backend.Backend;
import dev.rewire.run.RunDriver;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code jobs} runs at a time in one JVM, one network per thread, each single-threaded, so the JIT
 * compiles the simulation once for all of them. A run starts when a thread is free and its
 * estimated heap fits ({@link MemoryBudget}). Cancellation is checked between chunks: a cancelled
 * run writes its checkpoint, if it keeps one, and is abandoned without outputs.
 */
public final class ParallelExecutor implements SweepExecutor {
  private final int jobs;
  private final Backend backend;
  private final MemoryBudget memory;

  public ParallelExecutor(int jobs, Backend backend) {
    this(jobs, backend, MemoryBudget.ofThisJvm());
  }

  ParallelExecutor(int jobs, Backend backend, MemoryBudget memory) {
    if (jobs < 1) {
      throw new SweepException("--jobs must be at least 1, got " + jobs);
    }
    this.jobs = jobs;
    this.backend = backend;
    this.memory = memory;
  }

  @Override
  public void execute(List<RunTask> tasks, Outcomes outcomes, BooleanSupplier cancelled)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "rewire-sweep-run");
      t.setDaemon(true);
      return t;
    });
    Semaphore slots = new Semaphore(jobs);
    try {
      for (RunTask task : tasks) {
        slots.acquire(); // submit in order, as threads free up
        if (cancelled.getAsBoolean()) {
          slots.release();
          break;
        }
        long bytes = backend.heapBytes(task.request().plan()) + task.recordBytes();
        memory.acquire(bytes);
        pool.execute(() -> {
          try {
            runOne(task, outcomes, cancelled);
          } finally {
            memory.release(bytes);
            slots.release();
          }
        });
      }
    } finally {
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // runs finish at their next chunk once cancelled
      }
    }
  }

  private void runOne(RunTask task, Outcomes outcomes, BooleanSupplier cancelled) {
    long t0 = System.nanoTime();
    int[] last = {task.request().resume() == null ? 0 : task.request().resume().state().step()};
    try {
      RunDriver.Result result = RunDriver.run(task.request(), backend, step -> {
        outcomes.progressed(task, step - last[0]);
        last[0] = step;
      }, cancelled);
      outcomes.finished(task, result, (System.nanoTime() - t0) / 1e9);
    } catch (CancellationException e) {
      // abandoned: no result, so the next invocation runs it again
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      outcomes.failed(task, e, (System.nanoTime() - t0) / 1e9);
    }
  }
}
