package dev.rewire.run;

import dev.rewire.backend.Backend;
import dev.rewire.backend.Simulation;
import dev.rewire.output.Summary;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One run from step 0 (or a checkpoint) to its outputs, the same for {@code rewire run},
 * {@code rewire resume} and every run of a sweep that runs networks one by one: the simulation
 * advances in the chunks its {@link RunSession} asks for, and the session checks the numbers,
 * takes snapshots and checkpoints, and writes the outputs, also for a run the numerical guard
 * stopped (marked incomplete).
 */
public final class RunDriver {
  /** Told the step a run has reached: once when it is set up, then after every chunk. */
  @FunctionalInterface
  public interface Progress {
    void at(int step);

    Progress NONE = step -> {};
  }

  /**
   * What a run gave: its summary (incomplete when the guard stopped it) and why it stopped early,
   * or null.
   */
  public record Result(Summary summary, String stopped) {}

  private RunDriver() {}

  public static Result run(RunRequest request, Backend backend, Progress progress) {
    return run(request, backend, progress, () -> false);
  }

  /**
   * As {@link #run(RunRequest, Backend, Progress)}, checking {@code stop} after every chunk: once
   * it is true, the run writes its checkpoint (if it keeps one) and ends with a
   * {@link CancellationException}, without outputs; resuming from the checkpoint gives the run
   * that was never stopped.
   */
  public static Result run(RunRequest request, Backend backend, Progress progress,
      BooleanSupplier stop) {
    RunSession session = new RunSession(request, backend);
    Result result;
    try (Simulation sim = session.resumeState() == null ? backend.open(request.plan())
        : backend.restore(request.plan(), session.resumeState())) {
      session.opened(sim);
      progress.at(sim.step()); // set up: the run starts now
      while (session.running()) {
        sim.run(session.nextChunk(), session.listener());
        progress.at(sim.step());
        session.afterChunk();
        if (stop.getAsBoolean() && session.running()) {
          session.checkpointIfKept();
          throw new CancellationException("stopped at step " + sim.step());
        }
      }
      result = session.summarize();
    }
    session.write(result.summary());
    return result;
  }
}
