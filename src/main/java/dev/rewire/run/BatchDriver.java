package dev.rewire.run;

import dev.rewire.backend.BatchBackend;
import dev.rewire.backend.BatchSimulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs of one shape in lockstep on a {@link BatchBackend}: one batch, advanced chunk by chunk, each
 * run's {@link RunSession} doing exactly what it does under {@link RunDriver}, so each run's
 * results and outputs are those of the run on its own. A run the numerical guard stops, or whose
 * outputs fail, drops out of the batch; the others go on.
 */
public final class BatchDriver {
  /** What happens to the runs of a batch, by their index in it. */
  public interface Outcomes {
    /** Run k advanced by {@code steps} more steps. */
    void progressed(int k, int steps);

    /** Run k ended: to its end, or stopped by the numerical guard (see the result). */
    void finished(int k, RunDriver.Result result);

    /** An exception ended run k (or the whole batch, for every run not yet ended). */
    void failed(int k, RuntimeException error);
  }

  private BatchDriver() {}

  /**
   * Runs {@code requests} (one shape, all starting at the same step, at most the backend's batch
   * capacity) as one batch; checks {@code cancelled} between chunks and abandons the runs then (a
   * CancellationException), each writing its checkpoint first where it keeps one.
   */
  public static void run(List<RunRequest> requests, BatchBackend backend, Outcomes outcomes,
      BooleanSupplier cancelled) {
    int n = requests.size();
    List<RunSession> sessions = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    List<SimulationState> states = new ArrayList<>();
    List<SimulationListener> listeners = new ArrayList<>();
    for (RunRequest r : requests) {
      RunSession s = new RunSession(r, backend);
      sessions.add(s);
      plans.add(r.plan());
      states.add(s.resumeState());
      listeners.add(s.listener());
    }
    boolean[] ended = new boolean[n];
    RunDriver.Result[] results = new RunDriver.Result[n];
    try (BatchSimulation batch = backend.openBatch(plans, states)) {
      for (int k = 0; k < n; k++) {
        sessions.get(k).opened(batch.members().get(k));
      }
      boolean[] running = new boolean[n];
      while (true) {
        int chunk = Integer.MAX_VALUE;
        boolean any = false;
        for (int k = 0; k < n; k++) {
          running[k] = !ended[k] && sessions.get(k).running();
          if (running[k]) {
            any = true;
            chunk = Math.min(chunk, sessions.get(k).nextChunk());
          }
        }
        if (!any) {
          break;
        }
        if (cancelled.getAsBoolean()) {
          for (int k = 0; k < n; k++) {
            if (running[k]) {
              sessions.get(k).checkpointIfKept(); // resumed later, alone or in another batch
            }
          }
          throw new CancellationException("batch cancelled");
        }
        batch.run(chunk, listeners, running);
        for (int k = 0; k < n; k++) {
          if (!running[k]) {
            continue;
          }
          outcomes.progressed(k, chunk);
          try {
            sessions.get(k).afterChunk();
          } catch (RuntimeException e) {
            ended[k] = true;
            outcomes.failed(k, e);
          }
        }
      }
      for (int k = 0; k < n; k++) {
        if (!ended[k]) {
          results[k] = sessions.get(k).summarize();
        }
      }
    } catch (CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      for (int k = 0; k < n; k++) {
        if (!ended[k] && results[k] == null) {
          ended[k] = true;
          outcomes.failed(k, e);
        }
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      if (results[k] == null) {
        continue;
      }
      try {
        sessions.get(k).write(results[k].summary());
        outcomes.finished(k, results[k]);
      } catch (RuntimeException e) {
        outcomes.failed(k, e);
      }
    }
  }
}
