package dev.rewire.cli;

import dev.rewire.sweep.Collect;
import dev.rewire.sweep.SweepDirectory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code rewire collect DIR}: merges the results of a sweep's shards into DIR/sweep.csv. */
final class CollectCommand {
  private final PrintStream out;

  CollectCommand(PrintStream out) {
    this.out = out;
  }

  int execute(String[] args) {
    if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.println("rewire collect DIR: writes DIR/sweep.csv from the results of every run of the "
          + "sweep in DIR (all shards); runs without a result get status missing.");
      return Main.OK;
    }
    if (args.length != 1) {
      throw new UsageException("collect takes one sweep folder (the --out-dir of rewire sweep), "
          + "got " + List.of(args));
    }
    Collect.Outcome o = Collect.collect(new SweepDirectory(Path.of(args[0])));
    out.println("collected " + o.present() + " of " + o.runs() + " runs (" + o.ok() + " ok, "
        + o.diverged() + " diverged, " + o.failed() + " failed" + (o.missing() > 0 ? ", "
        + o.missing() + " missing: run the sweep command again to run them" : "") + ") into "
        + o.table());
    return Main.OK;
  }
}
