package dev.rewire.cli;

import dev.rewire.backend.Backend;
import dev.rewire.backend.NumericalGuard;
import dev.rewire.backend.Simulation;
import dev.rewire.model.Model;
import dev.rewire.output.Checkpoint;
import dev.rewire.output.Hdf5Writer;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.output.SummaryWriter;
import dev.rewire.plan.Plan;
import dev.rewire.plan.RecordingPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * One simulation from the command line, fresh ({@code run}) or from a checkpoint ({@code resume}):
 * steps in chunks of at most one structural-plasticity period, with progress, the numerical guard
 * and checkpoints between chunks, then the summary and the result line.
 */
final class Session {
  /** Steps per call into the backend at most. */
  private static final int CHUNK_STEPS = 1000;

  private final PrintStream out;
  private final PrintStream err;

  Session(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Where and how often to checkpoint, and what to write into each checkpoint about the model. */
  record Checkpointing(Path file, int everySteps, String modelText, String origin,
      List<String> overrides, Model model) {
    int nextAfter(int step) {
      return (step / everySteps + 1) * everySteps;
    }
  }

  /** The HDF5 results file to write, and what it records about how the run was made. */
  record Results(Path file, String modelToml, String commandLine) {}

  /** Steps between checkpoints for a duration such as "10s"; at least one. */
  static int everySteps(Plan plan, String text) {
    double ms = Durations.parseMs("--checkpoint-every", text);
    long steps = Math.round(ms / plan.dtMs());
    if (steps < 1 || steps > Integer.MAX_VALUE) {
      throw new UsageException("--checkpoint-every must be at least one step of " + plan.dtMs()
          + " ms, got '" + text + "'");
    }
    return (int) steps;
  }

  /** How to show progress: a bar on a terminal, plain lines in a log, or nothing (--quiet). */
  enum ProgressMode { BAR, LINES, NONE }

  static ProgressMode progressMode(boolean quiet) {
    return quiet ? ProgressMode.NONE : System.console() != null ? ProgressMode.BAR
        : ProgressMode.LINES;
  }

  int simulate(Plan plan, Backend backend, Path summaryFile, ProgressMode progress,
      Checkpointing checkpoints, Checkpoint resume) {
    return simulate(plan, backend, summaryFile, progress, checkpoints, resume, null);
  }

  int simulate(Plan plan, Backend backend, Path summaryFile, ProgressMode progress,
      Checkpointing checkpoints, Checkpoint resume, Results results) {
    int chunkSteps = plan.structuralProjections().stream()
        .mapToInt(p -> p.structural().periodSteps()).reduce(CHUNK_STEPS, Math::min);
    long t0 = System.nanoTime();
    RunRecorder recorder = new RunRecorder(plan);
    if (checkpoints != null) {
      recorder.resumable();
    }
    if (resume != null) {
      recorder.restore(resume.recorder());
    }
    if (results != null) {
      recorder.recordAll();
    }
    Map<String, List<Hdf5Writer.Snapshot>> snapshots = new LinkedHashMap<>();
    RecordingPlan rec = plan.recording();
    Summary summary;
    String stopped = null;
    try (Simulation sim = resume == null ? backend.open(plan)
        : backend.restore(plan, resume.state())) {
      if (results != null) {
        sim.sampleState(rec.stateNeurons(), rec.stateEverySteps());
      }
      long t1 = System.nanoTime();
      try (Progress bar = switch (progress) {
        case BAR -> Progress.start(err, plan);
        case LINES -> Progress.lines(err, plan, sim.step());
        case NONE -> Progress.none();
      }) {
        while (sim.step() < plan.steps()) {
          int chunk = Math.min(chunkSteps, plan.steps() - sim.step());
          if (checkpoints != null) {
            chunk = Math.min(chunk, checkpoints.nextAfter(sim.step()) - sim.step());
          }
          if (results != null) {
            int every = rec.weightEverySteps();
            chunk = Math.min(chunk, (sim.step() / every + 1) * every - sim.step());
          }
          sim.run(chunk, recorder);
          bar.stepTo(sim.step());
          NumericalGuard.check(plan, sim.neuronValues(), sim.step());
          if (results != null && (sim.step() % rec.weightEverySteps() == 0
              || sim.step() == plan.steps())) {
            snapshot(plan, rec, sim, snapshots);
          }
          if (checkpoints != null && sim.step() % checkpoints.everySteps() == 0
              && sim.step() < plan.steps()) {
            writeCheckpoint(checkpoints, plan, backend, sim, recorder);
          }
        }
      } catch (NumericalGuard.NumericalException e) {
        stopped = e.getMessage();
      }
      long t2 = System.nanoTime();
      summary = SummaryBuilder.build(sim, recorder, backend.name(), backend.description(),
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, stopped);
      if (results != null && stopped != null) {
        snapshot(plan, rec, sim, snapshots); // what there was when the guard stopped the run
      }
    }
    if (results != null) {
      try {
        Hdf5Writer.write(results.file(), plan, summary, recorder.record(), snapshots,
            results.modelToml(), results.commandLine());
      } catch (IOException e) {
        throw new UsageException("--out: cannot write " + results.file() + ": " + e.getMessage());
      }
    }
    if (summaryFile != null) {
      try {
        SummaryWriter.write(summary, summaryFile);
      } catch (IOException e) {
        throw new UsageException("--summary: cannot write " + summaryFile + ": " + e.getMessage());
      }
    }
    if (!summary.profile().isEmpty()) {
      err.print(profileTable(summary));
    }
    if (stopped != null) {
      throw new UsageException(stopped + (summaryFile != null ? "; " + summaryFile
          + " has what ran, marked incomplete" : ""));
    }
    out.println(resultLine(summary));
    return Main.OK;
  }

  private static void snapshot(Plan plan, RecordingPlan rec, Simulation sim,
      Map<String, List<Hdf5Writer.Snapshot>> snapshots) {
    for (String name : rec.weightProjections()) {
      snapshots.computeIfAbsent(name, k -> new java.util.ArrayList<>())
          .add(new Hdf5Writer.Snapshot(plan.timeSeconds(sim.step()), sim.activeSynapses(name)));
    }
  }

  private static void writeCheckpoint(Checkpointing c, Plan plan, Backend backend, Simulation sim,
      RunRecorder recorder) {
    Checkpoint ck = new Checkpoint(c.modelText(), c.origin(), c.overrides(),
        plan.model().simulation().durationMs(), plan.model().simulation().seed(),
        Checkpoint.hash(plan.model()), backend.name(), sim.state(), recorder.state());
    try {
      ck.write(c.file());
    } catch (IOException e) {
      throw new UsageException("--checkpoint: cannot write " + c.file() + ": " + e.getMessage());
    }
  }

  static String profileTable(Summary s) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-32s %10s %10s %7s%n",
        s.backend().equals("java") ? "phase" : "kernel", "seconds", "calls", "share"));
    s.profile().forEach((name, e) -> sb.append(String.format(Locale.ROOT,
        "%-32s %10.4f %10d %6.1f%%%n", name, e.seconds(), e.calls(), 100 * e.share())));
    return sb.toString();
  }

  static String resultLine(Summary s) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s seed=%d backend=%s: %.3f s simulated in %.3f s "
            + "(%.2f ms wall per simulated s, setup %.3f s); spikes", s.model(), s.seed(),
        s.backend(), s.durationS(), s.wallS().run(), s.wallMsPerSimulatedS(), s.wallS().setup()));
    s.spikeCount().forEach((pop, n) -> sb.append(' ').append(pop).append('=').append(n));
    s.structural().forEach((proj, series) -> sb.append("; ").append(proj).append(" pruned ")
        .append(series.pruned().stream().mapToInt(Integer::intValue).sum()));
    return sb.toString();
  }
}
