package dev.rewire.cli;

import dev.rewire.backend.Backend;
import dev.rewire.output.Summary;
import dev.rewire.plan.Plan;
import dev.rewire.run.Outputs;
import dev.rewire.run.RunDriver;
import dev.rewire.run.RunRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One run on the command line, fresh ({@code run}) or from a checkpoint ({@code resume}): the
 * {@link RunDriver} with progress on stderr, then the profile table, and the result line on stdout;
 * a run the numerical guard stopped becomes bad input (exit code 2) after its outputs are written.
 */
final class Session {
  private final PrintStream out;
  private final PrintStream err;

  Session(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** How to show progress: a bar on a terminal, plain lines in a log, or nothing (--quiet). */
  enum ProgressMode { BAR, LINES, NONE }

  static ProgressMode progressMode(boolean quiet) {
    return quiet ? ProgressMode.NONE : System.console() != null ? ProgressMode.BAR
        : ProgressMode.LINES;
  }

  int execute(RunRequest request, Backend backend, ProgressMode mode) {
    Plan plan = request.plan();
    int from = request.resume() == null ? 0 : request.resume().state().step();
    RunDriver.Result result;
    // With a checkpoint, SIGTERM or Ctrl-C stops the run at its next chunk, which writes the
    // checkpoint first: the JVM's shutdown waits for it (as a sweep's runs do).
    Path checkpoint = request.outputs().checkpoint();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        done.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "rewire-run-stop");
    if (checkpoint != null) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    try (Progress progress = switch (mode) {
      case BAR -> Progress.start(err, plan, from);
      case LINES -> Progress.lines(err, plan, from);
      case NONE -> Progress.none();
    }) {
      result = RunDriver.run(request, backend, progress::stepTo, stop::get);
    } catch (CancellationException e) {
      err.println("rewire: " + e.getMessage() + " by a signal; the checkpoint " + checkpoint
          + " holds the run so far (rewire resume " + checkpoint + " continues it)");
      err.flush();
      return Main.STOPPED;
    } finally {
      done.countDown();
      if (checkpoint != null && !stop.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs now: done lets it return
        }
      }
    }
    Summary summary = result.summary();
    if (!summary.profile().isEmpty()) {
      err.print(profileTable(summary));
    }
    if (result.stopped() != null) {
      List<Path> written = request.outputs().files(false);
      throw new UsageException(result.stopped() + (written.isEmpty() ? "" : "; what ran is in "
          + written.stream().map(Path::toString).collect(Collectors.joining(", "))
          + ", marked incomplete"));
    }
    out.println(resultLine(summary));
    return Main.OK;
  }

  static String profileTable(Summary s) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-32s %10s %10s %7s%n",
        s.backend().equals("java") ? "phase" : "kernel", "seconds", "calls", "share"));
    s.profile().forEach((name, e) -> sb.append(String.format(Locale.ROOT,
        "%-32s %10.4f %10d %6.1f%%%n", name, e.seconds(), e.calls(), 100 * e.share())));
    return sb.toString();
  }

  /**
   * One line: what ran, how long this process took for its part, spikes and prunes. After a
   * resume, the time is the resumed part's and the counts are the whole run's, and it says so.
   */
  static String resultLine(Summary s) {
    StringBuilder sb = new StringBuilder();
    double from = s.resumedFromS() == null ? 0 : s.resumedFromS();
    sb.append(String.format(Locale.ROOT, "%s seed=%d backend=%s: %.3f s simulated", s.model(),
        s.seed(), s.backend(), s.durationS() - from));
    if (s.resumedFromS() != null) {
      sb.append(String.format(Locale.ROOT, " in this process (resumed at %.3f s, to %.3f s)", from,
          s.durationS()));
    }
    sb.append(String.format(Locale.ROOT, " in %.3f s (%.2f ms wall per simulated s, setup "
        + "%.3f s); ", s.wallS().run(), s.wallMsPerSimulatedS(), s.wallS().setup()));
    if (s.resumedFromS() != null) {
      sb.append(String.format(Locale.ROOT, "whole run, 0 to %.3f s: ", s.durationS()));
    }
    sb.append("spikes");
    s.spikeCount().forEach((pop, n) -> sb.append(' ').append(pop).append('=').append(n));
    s.structural().forEach((proj, series) -> sb.append("; ").append(proj).append(" pruned ")
        .append(series.pruned().stream().mapToInt(Integer::intValue).sum()));
    return sb.toString();
  }
}
