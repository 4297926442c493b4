package dev.rewire.cli;

import dev.rewire.plan.Plan;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run: percentage, simulated time, wall time, ETA and speed in simulated seconds per
 * wall second. On a terminal a bar drawn by the progressbar library; otherwise (logs of batch jobs)
 * a plain line at most every {@value #LINE_EVERY_S} s of wall time; or nothing.
 */
interface Progress extends AutoCloseable {
  void stepTo(int step);

  @Override
  void close();

  /** Seconds of wall time between plain progress lines. */
  int LINE_EVERY_S = 10;

  /** Plain lines for logs: nothing for runs shorter than {@value #LINE_EVERY_S} s. */
  static Progress lines(PrintStream err, Plan plan, int startStep) {
    long t0 = System.nanoTime();
    return new Progress() {
      private long last = t0;

      @Override
      public void stepTo(int step) {
        long now = System.nanoTime();
        if (now - last < LINE_EVERY_S * 1_000_000_000L || step >= plan.steps()) {
          return;
        }
        last = now;
        double wall = (now - t0) / 1e9;
        double done = (step - startStep) * plan.dtMs() / 1000.0;
        double left = (plan.steps() - step) * plan.dtMs() / 1000.0;
        double speed = done / wall;
        err.printf(java.util.Locale.ROOT, "%s: %.0f%% (%.1f of %.1f simulated s), wall %.0f s, "
            + "ETA %.0f s, %.2f simulated s per wall s%n", plan.name(),
            100.0 * step / plan.steps(), step * plan.dtMs() / 1000.0,
            plan.steps() * plan.dtMs() / 1000.0, wall, speed > 0 ? left / speed : 0.0, speed);
      }

      @Override
      public void close() {}
    };
  }

  static Progress none() {
    return new Progress() {
      @Override
      public void stepTo(int step) {}

      @Override
      public void close() {}
    };
  }

  /**
   * A bar counted in simulated ms, shown in simulated s, from {@code startStep} (a resumed run).
   * The speed (simulated s per wall s) is ours, as the bar's extra message: the library's own shows
   * "?" until a whole wall second has passed, so a short run ended with "? sim-s/s".
   */
  static Progress start(PrintStream err, Plan plan, int startStep) {
    long totalMs = Math.round(plan.steps() * plan.dtMs());
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(plan.name())
        .setInitialMax(totalMs)
        .startsFrom(Math.round(startStep * plan.dtMs()), java.time.Duration.ZERO)
        .setUnit(" sim-s", 1000)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .build();
    return new Progress() {
      private int last = startStep;
      private long t0;

      @Override
      public void stepTo(int step) {
        if (t0 == 0) {
          t0 = System.nanoTime(); // the first call comes when the set-up is done
        }
        last = step;
        bar.setExtraMessage(speed(plan, startStep, step, System.nanoTime() - t0));
        bar.stepTo(Math.round(step * plan.dtMs()));
      }

      @Override
      public void close() {
        bar.setExtraMessage(speed(plan, startStep, last, t0 == 0 ? 0 : System.nanoTime() - t0));
        bar.close();
      }
    };
  }

  /** "12.34 sim-s/s": simulated seconds from {@code from} to {@code to} per wall second. */
  static String speed(Plan plan, int from, int to, long nanos) {
    double simulated = (to - from) * plan.dtMs() / 1000.0;
    return String.format(java.util.Locale.ROOT, "%.2f sim-s/s",
        nanos > 0 ? simulated / (nanos / 1e9) : 0.0);
  }
}
