package dev.rewire.run;

import dev.rewire.plan.Plan;

/**
 * Everything {@link RunDriver} needs for one run besides the backend.
 *
 * @param spec what to run (its model is {@code plan}'s)
 * @param plan the compiled model of {@code spec}
 * @param runId the run's id in a sweep, or null for a single run
 * @param commandLine how the run was started, recorded in every output
 * @param outputs what to write
 * @param resume the checkpoint to continue from, or null to start at step 0
 */
public record RunRequest(RunSpec spec, Plan plan, String runId, String commandLine,
    Outputs outputs, Checkpoint resume) {

  public RunRequest {
    if (resume != null && outputs.recordsEverything() && !resume.hasRecord()) {
      throw new OutputException("the checkpoint was written by a run without --out or --report, "
          + "so it holds no record of the spikes, rewirings and weights before "
          + plan.timeSeconds(resume.state().step()) + " s; results and a report need the run from "
          + "its start");
    }
  }

  /** A fresh run of {@code spec}. */
  public static RunRequest fresh(RunSpec spec, String runId, String commandLine,
      Outputs outputs) {
    return new RunRequest(spec, spec.plan(), runId, commandLine, outputs, null);
  }
}
