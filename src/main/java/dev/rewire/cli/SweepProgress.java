package dev.rewire.cli;

import dev.rewire.sweep.SweepRunner;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a sweep: runs done of all, failures, network seconds simulated per wall second and
 * the time left. On a terminal one bar for the whole sweep; in a log a line every
 * {@value Progress#LINE_EVERY_S} s of wall time; with --quiet nothing.
 */
final class SweepProgress implements SweepRunner.Listener, AutoCloseable {
  private final PrintStream err;
  private final Session.ProgressMode mode;
  private ProgressBar bar;
  private int toRun;
  private double total;
  private long lastLine = System.nanoTime();

  SweepProgress(PrintStream err, Session.ProgressMode mode) {
    this.err = err;
    this.mode = mode;
  }

  @Override
  public synchronized void started(int runs, int skipped, double simulatedS) {
    toRun = runs;
    total = simulatedS;
    if (mode == Session.ProgressMode.NONE) {
      return;
    }
    err.printf(Locale.ROOT, "rewire: sweep: %d runs to run (%.1f network-s)%s%n", runs, total,
        skipped > 0 ? ", " + skipped + " finished before and skipped" : "");
    if (mode == Session.ProgressMode.BAR && runs > 0) {
      bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(runs).setUnit(" runs", 1)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
          .setConsumer(new ConsoleProgressBarConsumer(err)).build();
    }
  }

  @Override
  public synchronized void progress(int done, int failed, double simulatedS, double wallS) {
    double rate = wallS > 0 ? simulatedS / wallS : 0;
    String facts = String.format(Locale.ROOT, "%d failed, %.2f network-s/s, ETA %s", failed, rate,
        rate > 0 ? eta((total - simulatedS) / rate) : "?");
    if (bar != null) {
      bar.setExtraMessage(facts);
      bar.stepTo(done);
    } else if (mode == Session.ProgressMode.LINES
        && System.nanoTime() - lastLine > Progress.LINE_EVERY_S * 1_000_000_000L) {
      lastLine = System.nanoTime();
      err.printf(Locale.ROOT, "sweep: %d of %d runs done, %s%n", done, toRun, facts);
    }
  }

  private static String eta(double seconds) {
    long s = Math.round(Math.max(0, seconds));
    return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : String.format(Locale.ROOT,
        "%.1f h", s / 3600.0);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
