package dev.rewire.sweep;

import dev.rewire.run.RunRequest;

/**
 * One run handed to a {@link SweepExecutor}: what to run and write, and the host memory its
 * record is expected to need (spikes and snapshots for results or a report); the executor adds
 * what its backend holds ({@link dev.rewire.backend.Backend#heapBytes}).
 */
public record RunTask(SweepRun run, RunRequest request, long recordBytes) {}
