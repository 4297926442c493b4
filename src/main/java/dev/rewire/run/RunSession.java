package dev.rewire.run;

import dev.rewire.backend.Backend;
import dev.rewire.backend.NumericalGuard;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
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
 * What one run does around its simulation, whoever steps it ({@link RunDriver} one run on its own,
 * {@link BatchDriver} many in lockstep): the recorder, the chunk sizes, the numerical guard, the
 * weight snapshots and checkpoints when due, and at the end the summary and the outputs (HDF5
 * results, a temporary one when only a report is wanted, the summary, the report).
 */
final class RunSession {
  /** Steps per call into the backend at most. */
  static final int CHUNK_STEPS = 1000;

  private final RunRequest request;
  private final Backend backend;
  private final Plan plan;
  private final RunRecorder recorder;
  private final RunRecord record;
  private final RecordingPlan rec;
  private final int chunkSteps;
  private final long t0 = System.nanoTime();
  private long t1;
  private Simulation sim;
  private int from;
  private String stopped;

  RunSession(RunRequest request, Backend backend) {
    this.request = request;
    this.backend = backend;
    this.plan = request.plan();
    Outputs outputs = request.outputs();
    recorder = new RunRecorder(plan);
    if (outputs.checkpoint() != null) {
      recorder.resumable();
    }
    if (outputs.recordsEverything()) {
      recorder.recordAll();
    }
    if (request.resume() != null) {
      recorder.restore(request.resume().recorder());
    }
    record = recorder.record();
    rec = plan.recording();
    chunkSteps = plan.structuralProjections().stream()
        .mapToInt(p -> p.structural().periodSteps()).reduce(CHUNK_STEPS, Math::min);
  }

  RunRequest request() {
    return request;
  }

  /** The state to continue from, or null for a fresh run. */
  SimulationState resumeState() {
    return request.resume() == null ? null : request.resume().state();
  }

  /** The listener of the simulation's reports. */
  SimulationListener listener() {
    return recorder;
  }

  /** The simulation is open (fresh or restored): sampling, the initial weights; timing starts. */
  void opened(Simulation simulation) {
    sim = simulation;
    from = sim.step();
    if (record != null) {
      sim.sampleState(rec.stateNeurons(), rec.stateVariables(), rec.stateEverySteps());
      if (from == 0) {
        snapshot();
      }
    }
    t1 = System.nanoTime();
  }

  int step() {
    return sim.step();
  }

  /** Whether the run has steps left and the guard has not stopped it. */
  boolean running() {
    return stopped == null && sim.step() < plan.steps();
  }

  /**
   * The steps of the next chunk: at most a structural period and {@link #CHUNK_STEPS}, up to the
   * next checkpoint and weight snapshot, and the end.
   */
  int nextChunk() {
    int at = sim.step();
    int chunk = Math.min(chunkSteps, plan.steps() - at);
    Outputs o = request.outputs();
    if (o.checkpoint() != null) {
      chunk = Math.min(chunk, next(at, o.checkpointEverySteps()) - at);
    }
    if (record != null) {
      chunk = Math.min(chunk, next(at, rec.weightEverySteps()) - at);
    }
    return chunk;
  }

  /** After a chunk: the guard (which may stop the run), the snapshot and checkpoint when due. */
  void afterChunk() {
    try {
      NumericalGuard.check(plan, sim.neuronValues(), sim.step());
      NumericalGuard.checkWeights(plan, sim.badWeights(), sim.step());
    } catch (NumericalGuard.NumericalException e) {
      stopped = e.getMessage();
      return;
    }
    if (record != null && sim.step() % rec.weightEverySteps() == 0) {
      snapshot();
    }
    Outputs o = request.outputs();
    if (o.checkpoint() != null && (sim.step() % o.checkpointEverySteps() == 0
        || sim.step() == plan.steps())) {
      checkpoint();
    }
  }

  /**
   * The summary of what ran, while the simulation is still open. The last weights are snapshot
   * unless they just were; after the final checkpoint, so that a run extended from it has exactly
   * the snapshots of a run that was never shorter.
   */
  RunDriver.Result summarize() {
    if (record != null && sim.step() % rec.weightEverySteps() != 0) {
      snapshot();
    }
    long t2 = System.nanoTime();
    Summary summary = SummaryBuilder.build(sim, recorder, backend.name(),
        sim.describe(backend.description()),
        new Summary.WallTimes((t1 - t0) / 1e9, (t2 - t1) / 1e9), from, stopped,
        new Summary.Provenance(request.runId(), request.commandLine(),
            request.spec().overrides(), plan.model().contentHash()));
    return new RunDriver.Result(summary, stopped);
  }

  private static int next(int step, int every) {
    return (step / every + 1) * every;
  }

  private void snapshot() {
    for (String name : rec.weightProjections()) {
      record.addSnapshot(name, new RunRecord.Snapshot(plan.timeSeconds(sim.step()),
          sim.activeSynapses(name)));
    }
  }

  /** Writes the checkpoint now, where the run keeps one (a run stopped before its end). */
  void checkpointIfKept() {
    if (request.outputs().checkpoint() != null && stopped == null) {
      checkpoint();
    }
  }

  private void checkpoint() {
    RunRequest r = request;
    Checkpoint ck = new Checkpoint(r.spec(), plan.model().contentHash(), backend.name(),
        r.commandLine(), r.outputs(), sim.state(), recorder.state());
    Path file = r.outputs().checkpoint();
    try {
      ck.write(file);
    } catch (IOException e) {
      throw new OutputException("cannot write checkpoint " + file + ": " + AtomicFile.reason(e));
    }
  }

  /** The HDF5 results (a temporary file when only a report is wanted), the summary, the report. */
  void write(Summary summary) {
    Outputs o = request.outputs();
    Path h5 = o.results();
    Path temporary = null;
    try {
      if (h5 == null && o.report() != null) {
        temporary = Files.createTempFile(o.report().getParent(), ".rewire-", ".h5");
        h5 = temporary;
      }
      Path results = h5;
      if (results != null) {
        write(results, "results", () -> Hdf5Writer.write(results, plan, summary, record,
            request.spec().modelText(), request.commandLine()));
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
