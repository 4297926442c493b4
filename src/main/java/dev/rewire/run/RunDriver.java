package dev.rewire.run;

import dev.rewire.backend.Backend;
import dev.rewire.backend.NumericalGuard;
import dev.rewire.backend.Simulation;
import dev.rewire.output.AtomicFile;
import dev.rewire.output.Hdf5Writer;
import dev.rewire.output.HtmlReport;
import dev.rewire.output.RunRecord;
import dev.rewire.output.RunRecorder;
import dev.rewire.output.Summary;
import dev.rewire.output.SummaryBuilder;
import dev.rewire.output.SummaryWriter;
import dev.rewire.plan.Plan;
import dev.rewire.plan.RecordingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run from step 0 (or a checkpoint) to its outputs, the same for {@code rewire run},
 * {@code rewire resume} and every run of a sweep. It steps in chunks of at most one
 * structural-plasticity period; after each chunk it checks the numbers ({@link NumericalGuard}),
 * takes the weight snapshots that are due and writes the checkpoint when due and at the end. Then it
 * writes the HDF5 results, the summary and the report, also for a run the guard stopped (marked
 * incomplete).
 */
public final class RunDriver {
  /** Steps per call into the backend at most. */
  static final int CHUNK_STEPS = 1000;

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
    Plan plan = request.plan();
    Outputs outputs = request.outputs();
    Checkpoint resume = request.resume();
    long t0 = System.nanoTime();
    RunRecorder recorder = new RunRecorder(plan);
    if (outputs.checkpoint() != null) {
      recorder.resumable();
    }
    if (outputs.recordsEverything()) {
      recorder.recordAll();
    }
    if (resume != null) {
      recorder.restore(resume.recorder());
    }
    RunRecord record = recorder.record();
    RecordingPlan rec = plan.recording();
    int every = rec.weightEverySteps();
    Summary summary;
    String stopped = null;
    try (Simulation sim = resume == null ? backend.open(plan)
        : backend.restore(plan, resume.state())) {
      int from = sim.step();
      if (record != null) {
        sim.sampleState(rec.stateNeurons(), rec.stateEverySteps());
        if (from == 0) {
          snapshot(plan, rec, sim, record); // the initial weights
        }
      }
      long t1 = System.nanoTime();
      progress.at(from); // set up: the run starts now
      int chunkSteps = plan.structuralProjections().stream()
          .mapToInt(p -> p.structural().periodSteps()).reduce(CHUNK_STEPS, Math::min);
      try {
        while (sim.step() < plan.steps()) {
          int at = sim.step();
          int chunk = Math.min(chunkSteps, plan.steps() - at);
          if (outputs.checkpoint() != null) {
            chunk = Math.min(chunk, next(at, outputs.checkpointEverySteps()) - at);
          }
          if (record != null) {
            chunk = Math.min(chunk, next(at, every) - at);
          }
          sim.run(chunk, recorder);
          progress.at(sim.step());
          NumericalGuard.check(plan, sim.neuronValues(), sim.step());
          if (record != null && sim.step() % every == 0) {
            snapshot(plan, rec, sim, record);
          }
          if (outputs.checkpoint() != null && (sim.step() % outputs.checkpointEverySteps() == 0
              || sim.step() == plan.steps())) {
            checkpoint(request, backend, sim, recorder);
          }
        }
      } catch (NumericalGuard.NumericalException e) {
        stopped = e.getMessage();
      }
      // The last weights, unless a snapshot was just taken. After the final checkpoint, so that
      // a run extended from it has exactly the snapshots of a run that was never shorter.
      if (record != null && sim.step() % every != 0) {
        snapshot(plan, rec, sim, record);
      }
      long t2 = System.nanoTime();
      summary = SummaryBuilder.build(sim, recorder, backend.name(), backend.description(),
          new Summary.WallTimes((t1 - t0) / 1e9, (t2 - t1) / 1e9), from, stopped,
          new Summary.Provenance(request.runId(), request.commandLine(),
              request.spec().overrides(), plan.model().contentHash()));
    }
    write(request, summary, record);
    return new Result(summary, stopped);
  }

  private static int next(int step, int every) {
    return (step / every + 1) * every;
  }

  private static void snapshot(Plan plan, RecordingPlan rec, Simulation sim, RunRecord record) {
    for (String name : rec.weightProjections()) {
      record.addSnapshot(name, new RunRecord.Snapshot(plan.timeSeconds(sim.step()),
          sim.activeSynapses(name)));
    }
  }

  private static void checkpoint(RunRequest r, Backend backend, Simulation sim,
      RunRecorder recorder) {
    Checkpoint ck = new Checkpoint(r.spec(), r.plan().model().contentHash(), backend.name(),
        r.commandLine(), r.outputs(), sim.state(), recorder.state());
    Path file = r.outputs().checkpoint();
    try {
      ck.write(file);
    } catch (IOException e) {
      throw new OutputException("cannot write checkpoint " + file + ": " + AtomicFile.reason(e));
    }
  }

  /** The HDF5 results (a temporary file when only a report is wanted), the summary, the report. */
  private static void write(RunRequest r, Summary summary, RunRecord record) {
    Outputs o = r.outputs();
    Path h5 = o.results();
    Path temporary = null;
    try {
      if (h5 == null && o.report() != null) {
        temporary = Files.createTempFile(o.report().getParent(), ".rewire-", ".h5");
        h5 = temporary;
      }
      Path results = h5;
      if (results != null) {
        write(results, "results", () -> Hdf5Writer.write(results, r.plan(), summary, record,
            r.spec().modelText(), r.commandLine()));
      }
      if (o.summary() != null) {
        write(o.summary(), "summary", () -> SummaryWriter.write(summary, o.summary()));
      }
      if (o.report() != null) {
        write(o.report(), "report", () -> HtmlReport.write(results, o.report()));
      }
    } catch (IOException e) {
      throw new OutputException("cannot write a temporary results file beside " + o.report()
          + ": " + AtomicFile.reason(e));
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // a stray hidden file; the outputs are complete
        }
      }
    }
  }

  private interface Write {
    void run() throws IOException;
  }

  private static void write(Path file, String what, Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new OutputException("cannot write " + what + " " + file + ": " + AtomicFile.reason(e));
    }
  }
}
