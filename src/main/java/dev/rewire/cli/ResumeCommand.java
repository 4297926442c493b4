package dev.rewire.cli;

import dev.rewire.model.Durations;
import dev.rewire.backend.Backend;
import dev.rewire.plan.Plan;
import dev.rewire.run.Checkpoint;
import dev.rewire.run.Outputs;
import dev.rewire.run.RunRequest;
import dev.rewire.run.RunSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code rewire resume CHECKPOINT}: rebuilds the run the checkpoint was made from, refuses it if
 * rewire no longer reads that model the same way (its hash differs) or the format is another, and
 * continues it to its end (or to a later {@code --duration}), writing what the run was asked to
 * write (summary, HDF5 results, report; each can be redirected) and further checkpoints to the same
 * file. The outputs equal those of the run without interruption, digests included.
 */
final class ResumeCommand {
  private final PrintStream out;
  private final PrintStream err;

  ResumeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("duration").hasArg().argName("TIME")
        .desc("run to this simulated time instead of the run's own end, e.g. 80s to extend a "
            + "40 s run by 40 s (bit-identical to an 80 s run)").build());
    o.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
        .desc("where to continue: " + String.join(", ", Backends.NAMES) + " (default: auto; "
            + "the backends share the state and give identical results)").build());
    o.addOption(Option.builder().longOpt("device").hasArg().argName("N|NAME")
        .desc("OpenCL device, as for run").build());
    o.addOption(ThreadsOption.option("java: threads for the network (default: auto, as rewire "
        + "run; the result does not depend on it)"));
    o.addOption(Option.builder().longOpt("summary").hasArg().argName("FILE")
        .desc("write the summary JSON of the whole run to FILE (default: the run's --summary)")
        .build());
    o.addOption(Option.builder().longOpt("out").hasArg().argName("FILE")
        .desc("write the HDF5 results of the whole run to FILE (default: the run's --out; needs a "
            + "checkpoint of a run with --out or --report)").build());
    o.addOption(Option.builder().longOpt("report").hasArg().argName("FILE")
        .desc("write the HTML report of the whole run to FILE (default: the run's --report; "
            + "same condition as --out)").build());
    o.addOption(Option.builder().longOpt("checkpoint-every").hasArg().argName("TIME")
        .desc("simulated time between further checkpoints (default: the run's)").build());
    o.addOption(Option.builder("q").longOpt("quiet").desc("no progress and no notes on stderr")
        .build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  int execute(String[] args) {
    CommandLine cmd;
    try {
      cmd = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + " (see rewire resume --help)");
    }
    if (cmd.hasOption("help")) {
      java.io.StringWriter sw = new java.io.StringWriter();
      new HelpFormatter().printHelp(new java.io.PrintWriter(sw), 100,
          "rewire resume CHECKPOINT [options]", "\nContinues a run from its checkpoint and writes "
              + "what the run was asked to write.\n\n", options(), 2, 2, "", true);
      out.print(sw);
      return Main.OK;
    }
    RunCommand.refuseRepeatedOptions(cmd);
    if (cmd.getArgList().size() != 1) {
      throw new UsageException("resume takes one CHECKPOINT file, got " + cmd.getArgList());
    }
    Path file = Path.of(cmd.getArgList().get(0));
    Checkpoint ck;
    try {
      ck = Checkpoint.read(file);
    } catch (Checkpoint.CheckpointException e) {
      throw new UsageException(e.getMessage());
    }
    RunSpec spec = ck.spec();
    String hash = spec.model().contentHash();
    if (!hash.equals(ck.modelHash())) {
      throw new UsageException(file + " was made from a model that this rewire reads "
          + "differently (model hash " + ck.modelHash().substring(0, 12) + "…, now "
          + hash.substring(0, 12) + "…); resume it with the rewire that made it");
    }
    int at = ck.state().step();
    double atS = at * spec.model().simulation().dtMs() / 1000.0;
    if (cmd.hasOption("duration")) {
      double ms = Durations.parseMs("--duration", cmd.getOptionValue("duration"));
      Durations.checkSteps("--duration", cmd.getOptionValue("duration"), ms,
          spec.model().simulation().dtMs());
      spec = spec.withDurationMs(ms);
      if (spec.plan().steps() < at) {
        throw new UsageException(String.format(Locale.ROOT, "--duration %s ends before the "
            + "checkpoint, which is at %.3f s", cmd.getOptionValue("duration"), atS));
      }
    }
    Plan plan = spec.plan();
    if (at > plan.steps()) {
      throw new UsageException(file + " is at step " + at + ", past the end of its run ("
          + plan.steps() + " steps)");
    }
    boolean quiet = cmd.hasOption("quiet");
    Backends.Choice backend = Backends.choose(cmd.getOptionValue("backend", Backends.AUTO),
        cmd.getOptionValue("device"), false,
        ThreadsOption.parse(cmd.getOptionValue(ThreadsOption.NAME)));
    Outputs was = ck.outputs();
    OutputOptions files = new OutputOptions();
    Path summary = files.add("--summary", option(cmd, "summary", was.summary()));
    Path results = files.add("--out", option(cmd, "out", was.results()));
    Path report = files.add("--report", option(cmd, "report", was.report()));
    files.add("the checkpoint", file.toString());
    int every = cmd.hasOption("checkpoint-every")
        ? OutputOptions.everySteps(plan, cmd.getOptionValue("checkpoint-every"))
        : Math.max(1, was.checkpointEverySteps());
    Outputs outputs = new Outputs(summary, results, report, file, every);
    String commandLine = ck.commandLine() + String.format(Locale.ROOT, " [resumed at %.3f s: %s]",
        atS, Main.commandLine("rewire resume", args));
    RunRequest request;
    try {
      request = new RunRequest(spec, plan, null, commandLine, outputs, ck);
    } catch (dev.rewire.run.OutputException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
    PrintStream notes = quiet ? Main.NOWHERE : err;
    Backend chosen = backend.announce(err, quiet);
    notes.printf(Locale.ROOT, "rewire: resuming %s seed=%d from %s at t = %.3f s, to %.3f s%s; "
        + "writes %s%n", plan.name(), spec.seed(), file, atS, plan.timeSeconds(plan.steps()),
        at == plan.steps() ? " (nothing left to simulate; --duration extends a run)" : "",
        outputs.files(true).stream().map(Path::toString).collect(
            java.util.stream.Collectors.joining(", ")));
    return new Session(out, err).execute(request, chosen, Session.progressMode(quiet));
  }

  private static String option(CommandLine cmd, String name, Path stored) {
    return cmd.hasOption(name) ? cmd.getOptionValue(name)
        : stored == null ? null : stored.toString();
  }
}
