package dev.rewire.cli;

import dev.rewire.plan.Plan;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Terminal progress of a run: percentage, simulated time, wall time, ETA and speed in simulated
 * seconds per wall second, drawn by the progressbar library; or nothing.
 */
interface Progress extends AutoCloseable {
  void stepTo(int step);

  @Override
  void close();

  static Progress none() {
    return new Progress() {
      @Override
      public void stepTo(int step) {}

      @Override
      public void close() {}
    };
  }

  /** Progress counted in simulated ms, shown in simulated s; speed is simulated s per wall s. */
  static Progress start(PrintStream err, Plan plan) {
    long totalMs = Math.round(plan.steps() * plan.dtMs());
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(plan.name())
        .setInitialMax(totalMs)
        .setUnit(" sim-s", 1000)
        .showSpeed(new java.text.DecimalFormat("0.00"))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .build();
    return new Progress() {
      @Override
      public void stepTo(int step) {
        bar.stepTo(Math.round(step * plan.dtMs()));
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
