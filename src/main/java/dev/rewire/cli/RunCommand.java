package dev.rewire.cli;

import dev.rewire.model.Durations;
import dev.rewire.backend.Backend;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import dev.rewire.run.Outputs;
import dev.rewire.run.RunRequest;
import dev.rewire.run.RunSpec;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code rewire run}: load a model, then simulate it in a {@link Session}. */
final class RunCommand {
  private final PrintStream out;
  private final PrintStream err;

  RunCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("duration").hasArg().argName("TIME")
        .desc("simulated time with unit, e.g. 40s, 500ms, 2min (default: the model's)").build());
    o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
        .desc("seed of all random draws, 0..4294967295 (default: the model's)").build());
    o.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
        .desc("where to run: " + String.join(", ", Backends.NAMES) + " (default: auto, which "
            + "runs Java, the faster backend on every network measured so far, or OpenCL on the "
            + "device that --device names)")
        .build());
    o.addOption(Option.builder().longOpt("device").hasArg().argName("N|NAME")
        .desc("OpenCL device: an index from rewire devices, or a substring of its name "
            + "(default: the first usable one)").build());
    o.addOption(ThreadsOption.option("java: threads for the network, with the same result for "
        + "any number (default: auto, which starts on one and, once warm, moves to every core "
        + "if a step costs " + (int) dev.rewire.backend.java.JavaBackend.autoThreadsFromStepMicros()
        + " us or more)"));
    o.addOption(Option.builder().longOpt("set").hasArg().argName("PATH=VALUE")
        .desc("override a model value by its dotted path, e.g. projections.ee.stdp.lr=0.02 "
            + "(repeatable)").build());
    o.addOption(Option.builder().longOpt("summary").hasArg().argName("FILE")
        .desc("write the summary JSON (rates, structural counts, digests, timings) to FILE")
        .build());
    o.addOption(Option.builder().longOpt("out").hasArg().argName("FILE")
        .desc("write the results as HDF5: spikes, rates, structural series and event log, weight "
            + "snapshots and sampled state as the model's [recording] says, the model and the "
            + "command line").build());
    o.addOption(Option.builder().longOpt("report").hasArg().argName("FILE")
        .desc("write an HTML report with plots (from the --out data; a temporary one if no --out)")
        .build());
    o.addOption(Option.builder().longOpt("checkpoint").hasArg().argName("FILE")
        .desc("write the complete state to FILE (atomically) every --checkpoint-every; "
            + "rewire resume FILE continues the run").build());
    o.addOption(Option.builder().longOpt("checkpoint-every").hasArg().argName("TIME")
        .desc("simulated time between checkpoints, e.g. 10s (default: 10s)").build());
    o.addOption(Option.builder().longOpt("profile").desc("time each phase (java) or kernel "
        + "(opencl, from event profiling); print a table on stderr and store it in the summary")
        .build());
    o.addOption(Option.builder("q").longOpt("quiet").desc("no progress (a bar on a terminal, "
        + "else a line every 10 s of wall time)").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  static String help() {
    StringWriter sw = new StringWriter();
    HelpFormatter f = new HelpFormatter();
    f.printHelp(new java.io.PrintWriter(sw), 100, "rewire run [MODEL_FILE] [options]",
        "\nSimulates MODEL_FILE (TOML), or the bundled seed-ei model when none is given. Progress "
            + "goes to stderr (a bar on a terminal, else a line every 10 s); the result line goes "
            + "to stdout.\n\n",
        options(), 2, 2, "\nExample: rewire run --duration 5s --seed 1 --summary s.json", true);
    return sw.toString();
  }

  int execute(String[] args) {
    CommandLine cmd;
    try {
      cmd = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + " (see rewire run --help)");
    }
    if (cmd.hasOption("help")) {
      out.print(help());
      return Main.OK;
    }
    refuseRepeatedOptions(cmd);
    List<String> positional = cmd.getArgList();
    if (positional.size() > 1) {
      throw new UsageException("run takes at most one MODEL_FILE, got " + positional);
    }
    List<String> sets = cmd.hasOption("set") ? List.of(cmd.getOptionValues("set")) : List.of();
    String origin;
    String text;
    if (positional.isEmpty()) {
      origin = "bundled:" + ModelFile.DEFAULT_MODEL;
      text = ModelFile.bundledText(ModelFile.DEFAULT_MODEL);
    } else {
      Path file = Path.of(positional.get(0));
      origin = file.toString();
      text = ModelFile.readText(file);
    }
    Double durationMs = cmd.hasOption("duration")
        ? Durations.parseMs("--duration", cmd.getOptionValue("duration")) : null;
    Long seed = cmd.hasOption("seed") ? parseSeed(cmd.getOptionValue("seed")) : null;
    if (durationMs != null) {
      Durations.checkSteps("--duration", cmd.getOptionValue("duration"), durationMs,
          RunSpec.dtMs(text, origin, sets));
    }
    RunSpec spec = RunSpec.of(text, origin, sets, seed, durationMs);
    Plan plan = spec.plan();
    boolean quiet = cmd.hasOption("quiet");
    Backends.Choice backend = Backends.choose(cmd.getOptionValue("backend", Backends.AUTO),
        cmd.getOptionValue("device"), cmd.hasOption("profile"),
        ThreadsOption.parse(cmd.getOptionValue(ThreadsOption.NAME)));
    OutputOptions files = new OutputOptions();
    Path summary = files.add("--summary", cmd.getOptionValue("summary"));
    Path results = files.add("--out", cmd.getOptionValue("out"));
    Path report = files.add("--report", cmd.getOptionValue("report"));
    Path checkpoint = files.add("--checkpoint", cmd.getOptionValue("checkpoint"));
    int every = 0;
    if (checkpoint != null) {
      every = OutputOptions.everySteps(plan, cmd.getOptionValue("checkpoint-every", "10s"));
    } else if (cmd.hasOption("checkpoint-every")) {
      throw new UsageException("--checkpoint-every needs --checkpoint FILE");
    }
    Outputs outputs = new Outputs(summary, results, report, checkpoint, every);
    RunRequest request = new RunRequest(spec, plan, null, Main.commandLine("rewire run", args),
        outputs, null);
    return new Session(out, err).execute(request, backend.announce(err, quiet),
        Session.progressMode(quiet));
  }

  /** An option that takes one value given twice is bad input (which one was meant?). */
  static void refuseRepeatedOptions(CommandLine cmd) {
    for (Option given : cmd.getOptions()) {
      if (!given.getLongOpt().equals("set") && !given.getLongOpt().equals("grid")
          && given.hasArg() && cmd.getOptionValues(given.getLongOpt()).length > 1) {
        throw new UsageException("--" + given.getLongOpt() + " is given more than once: "
            + List.of(cmd.getOptionValues(given.getLongOpt())));
      }
    }
  }

  static long parseSeed(String text) {
    try {
      long seed = Long.parseLong(text.trim());
      if (seed >= 0 && seed <= 0xFFFFFFFFL) {
        return seed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--seed expects an integer in [0, 4294967295], got '" + text + "'");
  }
}
