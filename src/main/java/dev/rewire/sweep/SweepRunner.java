package dev.rewire.sweep;

import dev.rewire.model.ModelException;
import dev.rewire.output.AtomicFile;
import dev.rewire.plan.Plan;
import dev.rewire.run.Outputs;
import dev.rewire.run.RunDriver;
import dev.rewire.run.RunRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a sweep into its folder: describes it (sweep.json), skips the runs that have a result
 * already, hands the others to a {@link SweepExecutor}, writes each run's result as it ends and
 * keeps the results table current. A run that diverges or fails is recorded and does not stop the
 * others; {@link #cancel()} (SIGTERM, Ctrl-C) stops at the runs' next chunk, and the folder is
 * left consistent.
 */
public final class SweepRunner {
  /**
   * How to run: the shard (null: every run), the command line, whether the sweep may be added to
   * a folder that holds another ({@code --append}), and how often each run in flight writes its
   * checkpoint [simulated ms] (0: never; then a stopped run starts again from zero).
   */
  public record Options(Shard shard, String commandLine, boolean append,
      double checkpointEveryMs) {}

  /** Told how a sweep goes. */
  public interface Listener {
    /** Before the first run: how many runs this invocation will run, and their simulated seconds. */
    void started(int toRun, int skipped, double simulatedS);

    /** After every chunk of a run and when a run ends: the totals so far. */
    void progress(int done, int failed, double simulatedS, double wallS);

    Listener NONE = new Listener() {
      @Override
      public void started(int toRun, int skipped, double simulatedS) {}

      @Override
      public void progress(int done, int failed, double simulatedS, double wallS) {}
    };
  }

  /** What an invocation did. */
  public record Outcome(int runs, int skipped, int ok, int diverged, int failed, int abandoned,
      double simulatedS, double wallS, Path table, boolean cancelled) {}

  private final Sweep sweep;
  private final SweepDirectory dir;
  private final Options options;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public SweepRunner(Sweep sweep, SweepDirectory dir, Options options) {
    this.sweep = sweep;
    this.dir = dir;
    this.options = options;
  }

  /** Stops the sweep at the next chunk of each running run; they are run again next time. */
  public void cancel() {
    cancelled.set(true);
  }

  public Outcome run(SweepExecutor executor, Listener listener) throws InterruptedException {
    long t0 = System.nanoTime();
    SweepDirectory.Description folder;
    try {
      folder = dir.admit(sweep, options.commandLine(), options.append());
    } catch (IOException e) {
      throw new SweepException("cannot write " + dir.sweepJson() + ": " + AtomicFile.reason(e));
    }
    // The folder's parameters of each run (a sweep number where --append made several).
    Map<String, SweepRun> inFolder = new HashMap<>();
    folder.runs().forEach(r -> inFolder.put(r.id(), r));
    List<SweepRun> mine = sweep.runs().stream()
        .map(r -> r.withParameters(inFolder.get(r.id()).parameters())).toList();
    List<SweepRun> selected = options.shard() == null ? mine : options.shard().select(mine);
    Map<String, RunRow> rows = new HashMap<>();
    // The table covers every run of the folder (a shard's, its own): earlier results from disk.
    List<SweepRun> tabled = options.shard() == null ? folder.runs() : selected;
    java.util.Set<String> ours = new java.util.HashSet<>();
    selected.forEach(r -> ours.add(r.id()));
    Map<String, RunRow> others = new HashMap<>();
    for (SweepRun run : tabled) {
      RunRow r = ours.contains(run.id()) ? null : dir.result(run.id());
      if (r != null) {
        others.put(run.id(), r);
      }
    }
    List<RunTask> tasks = new ArrayList<>();
    double toSimulate = 0;
    for (SweepRun run : selected) {
      RunRow done = dir.result(run.id());
      if (done != null && done.finished()) {
        rows.put(run.id(), done);
      } else {
        RunTask task = task(run);
        tasks.add(task);
        int from = task.request().resume() == null ? 0 : task.request().resume().state().step();
        toSimulate += (task.request().plan().steps() - from) * task.request().plan().dtMs()
            / 1000.0;
      }
    }
    int skipped = selected.size() - tasks.size();
    listener.started(tasks.size(), skipped, toSimulate);
    Progress progress = new Progress(tabled, folder.parameters(), folder.populations(),
        folder.rewired(), rows, others, listener, t0);
    progress.writeTable(); // a table an earlier invocation left behind its results is current now
    executor.execute(tasks, progress, cancelled::get);
    progress.writeTable();
    int ok = 0;
    int diverged = 0;
    int failed = 0;
    for (RunRow r : rows.values()) {
      switch (r.status()) {
        case RunRow.OK -> ok++;
        case RunRow.DIVERGED -> diverged++;
        default -> failed++;
      }
    }
    return new Outcome(selected.size(), skipped, ok, diverged, failed,
        selected.size() - rows.size(), progress.simulated(), (System.nanoTime() - t0) / 1e9,
        table(), cancelled.get());
  }

  private Path table() {
    return options.shard() == null ? dir.table() : dir.shardTable(options.shard());
  }

  private RunTask task(SweepRun run) {
    Plan plan;
    try {
      plan = run.spec().plan();
    } catch (ModelException e) {
      throw new SweepException("run " + run.id() + ": " + e.getMessage());
    }
    try {
      dir.prepareRun(run.id());
    } catch (IOException e) {
      throw new SweepException("cannot make " + dir.runDir(run.id()) + ": " + AtomicFile.reason(e));
    }
    SweepDefinition d = sweep.definition();
    boolean kept = options.checkpointEveryMs() > 0;
    Outputs outputs = new Outputs(dir.summary(run.id()), d.recordHdf5() ? dir.results(run.id())
        : null, d.recordReport() ? dir.report(run.id()) : null,
        kept ? dir.checkpoint(run.id()) : null,
        kept ? (int) Math.max(1, Math.min(plan.steps(),
            Math.round(options.checkpointEveryMs() / plan.dtMs()))) : 0);
    RunRequest request = new RunRequest(run.spec(), plan, run.id(), options.commandLine(),
        outputs, kept ? dir.checkpointOf(run, plan, outputs.recordsEverything()) : null);
    return new RunTask(run, request, outputs.recordsEverything() ? recordBytes(plan) : 0);
  }

  /**
   * Heap for a run's record (with results or a report): spikes at up to 50 Hz per neuron, 8 bytes
   * each, and a weight snapshot (12 bytes per potential synapse at most) per snapshot interval.
   */
  private static long recordBytes(Plan plan) {
    double seconds = plan.steps() * plan.dtMs() / 1000.0;
    long spikes = (long) (plan.neuronCount() * 50.0 * seconds) * 8;
    long slots = dev.rewire.plan.Footprint.of(plan).potentialSlots();
    long snapshots = plan.steps() / plan.recording().weightEverySteps() + 2;
    return spikes + 12 * slots * snapshots / 10; // about a tenth of the slots are active
  }

  /** Collects outcomes from the executor's threads; writes results and the table. */
  private final class Progress implements SweepExecutor.Outcomes {
    private final List<SweepRun> tabled;
    private final List<String> parameters;
    private final List<String> columns;
    private final Map<String, RunRow> rows;
    private final Map<String, RunRow> others;
    private final Listener listener;
    private final long t0;
    private double simulated;
    private int done;
    private int failed;

    Progress(List<SweepRun> tabled, List<String> parameters, List<String> populations,
        List<String> rewired, Map<String, RunRow> rows, Map<String, RunRow> others,
        Listener listener, long t0) {
      this.tabled = tabled;
      this.parameters = parameters;
      this.columns = SweepTable.columns(parameters, populations, rewired);
      this.rows = rows;
      this.others = others;
      this.listener = listener;
      this.t0 = t0;
    }

    @Override
    public synchronized void progressed(RunTask task, int steps) {
      simulated += steps * task.request().plan().dtMs() / 1000.0;
      listener.progress(done, failed, simulated, (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void finished(RunTask task, RunDriver.Result result, double wallS) {
      record(RunRow.of(task.run(), result.summary(), wallS));
    }

    @Override
    public void failed(RunTask task, Throwable error, double wallS) {
      String message = error.getMessage() != null ? error.getMessage() : error.toString();
      if (!(error instanceof SweepException || error instanceof ModelException
          || error instanceof dev.rewire.backend.ResourceException
          || error instanceof dev.rewire.run.OutputException)) {
        message = "internal error: " + error;
      }
      record(RunRow.failed(task.run(), message, wallS));
    }

    private void record(RunRow row) {
      try {
        dir.writeResult(row);
        java.nio.file.Files.deleteIfExists(dir.checkpoint(row.runId())); // the result replaces it
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the result of run " + row.runId(), e);
      }
      synchronized (this) {
        rows.put(row.runId(), row);
        done++;
        if (!row.finished()) {
          failed++;
        }
        listener.progress(done, failed, simulated, (System.nanoTime() - t0) / 1e9);
        writeTable();
      }
    }

    synchronized double simulated() {
      return simulated;
    }

    synchronized void writeTable() {
      List<RunRow> ordered = new ArrayList<>();
      for (SweepRun r : tabled) {
        RunRow row = rows.get(r.id());
        row = row != null ? row : others.getOrDefault(r.id(), RunRow.missing(r));
        ordered.add(row.withParameters(r.parameters())); // the folder's, sweep numbers included
      }
      try {
        java.nio.file.Files.createDirectories(table().getParent());
        SweepTable.write(table(), columns, parameters, ordered);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + table(), e);
      }
    }
  }
}
