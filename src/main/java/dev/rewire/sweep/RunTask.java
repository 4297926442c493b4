package dev.rewire.sweep;

import dev.rewire.run.RunRequest;

/**
 * One run handed to a {@link SweepExecutor}: what to run and write, and the host memory it is
 * expected to need while it runs (for admission).
 */
public record RunTask(SweepRun run, RunRequest request, long estimatedBytes) {}
