package dev.rewire.cli;

import dev.rewire.backend.Backend;
import dev.rewire.model.Model;
import dev.rewire.model.ModelFile;
import dev.rewire.output.Checkpoint;
import dev.rewire.plan.Plan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code rewire resume CHECKPOINT}: rebuilds the model the checkpoint was made from, refuses it if
 * rewire no longer reads that model the same way (its hash differs) or the format is another, and
 * continues the run to its end, writing further checkpoints to the same file. The summary equals
 * that of the run without interruption, digests included.
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
    o.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
        .desc("where to continue: " + String.join(", ", Backends.NAMES) + " (default: auto; "
            + "the backends share the state and give identical results)").build());
    o.addOption(Option.builder().longOpt("device").hasArg().argName("N|NAME")
        .desc("OpenCL device, as for run").build());
    o.addOption(Option.builder().longOpt("summary").hasArg().argName("FILE")
        .desc("write the summary JSON of the whole run to FILE").build());
    o.addOption(Option.builder().longOpt("checkpoint-every").hasArg().argName("TIME")
        .desc("simulated time between further checkpoints (default: 10s)").build());
    o.addOption(Option.builder("q").longOpt("quiet").desc("no progress bar").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  int execute(String[] args) {
    CommandLine cmd;
    try {
      cmd = DefaultParser.builder().build().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + " (see rewire resume --help)");
    }
    if (cmd.hasOption("help")) {
      java.io.StringWriter sw = new java.io.StringWriter();
      new HelpFormatter().printHelp(new java.io.PrintWriter(sw), 100,
          "rewire resume CHECKPOINT [options]", "\nContinues a run from its checkpoint.\n\n",
          options(), 2, 2, "", true);
      out.print(sw);
      return Main.OK;
    }
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
    Model model = ModelFile.parse(ck.modelText(), ck.origin(), ck.overrides());
    model = model.withSimulation(model.simulation().withDurationMs(ck.durationMs())
        .withSeed(ck.seed()));
    if (!Checkpoint.hash(model).equals(ck.modelHash())) {
      throw new UsageException(file + " was made from a model that this rewire reads "
          + "differently (model hash " + ck.modelHash().substring(0, 12) + "…, now "
          + Checkpoint.hash(model).substring(0, 12) + "…); resume it with the rewire that made it");
    }
    Plan plan = Plan.compile(model);
    if (ck.state().step() > plan.steps()) {
      throw new UsageException(file + " is at step " + ck.state().step() + ", past the end of its "
          + "run (" + plan.steps() + " steps)");
    }
    Backend backend = Backends.choose(cmd.getOptionValue("backend", Backends.AUTO),
        cmd.getOptionValue("device"), false, err);
    Path summaryFile = cmd.hasOption("summary")
        ? RunCommand.writableFile("--summary", cmd.getOptionValue("summary")) : null;
    Session.Checkpointing checkpoints = new Session.Checkpointing(file,
        Session.everySteps(plan, cmd.getOptionValue("checkpoint-every", "10s")), ck.modelText(),
        ck.origin(), List.copyOf(ck.overrides()), model);
    Session.ProgressMode progress = Session.progressMode(cmd.hasOption("quiet"));
    return new Session(out, err).simulate(plan, backend, summaryFile, progress, checkpoints, ck);
  }
}
