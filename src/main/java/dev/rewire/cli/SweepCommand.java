package dev.rewire.cli;

import dev.rewire.backend.Backend;
import dev.rewire.model.Durations;
import dev.rewire.model.ModelFile;
import dev.rewire.output.AtomicFile;
import dev.rewire.backend.BatchBackend;
import dev.rewire.backend.opencl.OpenClBackend;
import dev.rewire.sweep.BatchExecutor;
import dev.rewire.sweep.GridValue;
import dev.rewire.sweep.ParallelExecutor;
import dev.rewire.sweep.Seeds;
import dev.rewire.sweep.Shard;
import dev.rewire.sweep.SlurmScript;
import dev.rewire.sweep.Sweep;
import dev.rewire.sweep.SweepDefinition;
import dev.rewire.sweep.SweepDirectory;
import dev.rewire.sweep.SweepExecutor;
import dev.rewire.sweep.SweepFile;
import dev.rewire.sweep.SweepModel;
import dev.rewire.sweep.SweepRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code rewire sweep}: many runs of one model (seeds × grid values, or a list of runs) in one JVM
 * on every core, into a folder that a second invocation resumes; or a SLURM job array of shards.
 */
final class SweepCommand {
  private final PrintStream out;
  private final PrintStream err;

  SweepCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("out-dir").hasArg().argName("DIR")
        .desc("the sweep's folder (made if missing): sweep.csv, sweep.json, runs/RUN_ID/; the same "
            + "command again skips the runs that finished; a folder of another sweep is refused "
            + "without --append").build());
    o.addOption(Option.builder().longOpt("append").desc("add this sweep's runs to the sweep "
        + "already in --out-dir (the table then covers the runs of both)").build());
    o.addOption(Option.builder().longOpt("seeds").hasArg().argName("LIST")
        .desc("seeds, e.g. 1-16 or 1,5,9 (default: the model's seed)").build());
    o.addOption(Option.builder().longOpt("grid").hasArg().argName("PATH=V1,V2,...")
        .desc("a dimension of the grid: the runs are the cartesian product of all --grid "
            + "dimensions, each with every seed (repeatable)").build());
    o.addOption(Option.builder().longOpt("set").hasArg().argName("PATH=VALUE")
        .desc("override a model value in every run (repeatable)").build());
    o.addOption(Option.builder().longOpt("duration").hasArg().argName("TIME")
        .desc("simulated time of each run, e.g. 5s (default: the model's)").build());
    o.addOption(Option.builder().longOpt("jobs").hasArg().argName("N")
        .desc("networks at a time, each on --threads threads (default: the available processors "
            + "divided by --threads)").build());
    o.addOption(ThreadsOption.numberOption("java: threads for each network (default: 1; more pays "
        + "for networks whose step costs one thread 40 us or more, when there are fewer runs "
        + "than cores; the results do not depend on it)"));
    o.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
        .desc("java: --jobs networks at a time, each on --threads threads; opencl: batches of "
            + "networks per "
            + "device launch; auto (default): opencl on a GPU for sweeps of at least two networks "
            + "per compute unit that fit a work-group, else java").build());
    o.addOption(Option.builder().longOpt("batch-size").hasArg().argName("N")
        .desc("with opencl: networks per batch at most (default: as many as the device holds)")
        .build());
    o.addOption(Option.builder().longOpt("device").hasArg().argName("N|NAME")
        .desc("OpenCL device, as for run").build());
    o.addOption(Option.builder().longOpt("checkpoint-every").hasArg().argName("TIME")
        .desc("each run in flight writes runs/RUN_ID/checkpoint.ck every TIME of simulated time "
            + "(e.g. 10s), and when the sweep is stopped (SIGTERM, Ctrl-C); the same command "
            + "again continues those runs, bit-identically").build());
    o.addOption(Option.builder().longOpt("record-hdf5").desc("each run also writes results.h5")
        .build());
    o.addOption(Option.builder().longOpt("record-report").desc("each run also writes report.html")
        .build());
    o.addOption(Option.builder().longOpt("shard").hasArg().argName("K/N")
        .desc("run only the K-th of N shares of the runs (K from 0); its table goes to "
            + "DIR/shards/K-of-N.csv, and rewire collect DIR merges the shares").build());
    o.addOption(Option.builder().longOpt("slurm").desc("write DIR/sweep.sbatch, a SLURM job array "
        + "of --tasks shards, and submit it with sbatch").build());
    o.addOption(Option.builder().longOpt("slurm-script-only").desc("with --slurm: write the "
        + "script, do not submit it").build());
    o.addOption(Option.builder().longOpt("tasks").hasArg().argName("N")
        .desc("with --slurm: array tasks (default: the runs, at most 100)").build());
    o.addOption(Option.builder().longOpt("partition").hasArg().argName("NAME")
        .desc("with --slurm: sbatch --partition").build());
    o.addOption(Option.builder().longOpt("time").hasArg().argName("LIMIT")
        .desc("with --slurm: sbatch --time, per task (e.g. 2:00:00)").build());
    o.addOption(Option.builder().longOpt("cpus-per-task").hasArg().argName("N")
        .desc("with --slurm: sbatch --cpus-per-task; each task runs that many divided by "
            + "--threads networks at a time, or --jobs (default: --threads, else 1)").build());
    o.addOption(Option.builder().longOpt("mem").hasArg().argName("SIZE")
        .desc("with --slurm: sbatch --mem (e.g. 8G)").build());
    o.addOption(Option.builder().longOpt("account").hasArg().argName("NAME")
        .desc("with --slurm: sbatch --account").build());
    o.addOption(Option.builder().longOpt("qos").hasArg().argName("NAME")
        .desc("with --slurm: sbatch --qos").build());
    o.addOption(Option.builder().longOpt("constraint").hasArg().argName("FEATURES")
        .desc("with --slurm: sbatch --constraint (e.g. a100)").build());
    o.addOption(Option.builder().longOpt("gres").hasArg().argName("SPEC")
        .desc("with --slurm: sbatch --gres (default with --backend opencl: gpu:1; none: no "
            + "--gres)").build());
    o.addOption(Option.builder().longOpt("slurm-setup").hasArg().argName("FILE")
        .desc("with --slurm: its #SBATCH lines go to the script's header, its other lines (module "
            + "load ...) run before rewire").build());
    o.addOption(Option.builder().longOpt("requeue").desc("with --slurm and --checkpoint-every: a "
        + "task stopped at its time limit requeues itself and continues from its checkpoints")
        .build());
    o.addOption(Option.builder("q").longOpt("quiet").desc("no progress and no notes on stderr")
        .build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  /** Options that say how to run a sweep, not what it is: left out of a SLURM task's command. */
  private static final List<String> SLURM_ONLY = List.of("tasks", "partition", "time",
      "cpus-per-task", "mem", "account", "qos", "constraint", "gres", "slurm-setup", "requeue",
      "slurm-script-only");

  /** The options a SLURM task passes on: how to run, not what (that is in its sweep file). */
  private static final List<String> PASSED_ON = List.of("backend", "device", "batch-size",
      "threads", "jobs", "checkpoint-every", "append");

  /** Seconds before the time limit at which SLURM asks a task with checkpoints to stop. */
  private static final int SIGNAL_SECONDS = 120;

  int execute(String[] args) {
    CommandLine cmd;
    try {
      cmd = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + " (see rewire sweep --help)");
    }
    if (cmd.hasOption("help")) {
      StringWriter sw = new StringWriter();
      new HelpFormatter().printHelp(new java.io.PrintWriter(sw), 100,
          "rewire sweep [MODEL_FILE... | SWEEP_FILE] --out-dir DIR [options]",
          "\nRuns seeds x grid values of a model (the bundled seed-ei if no file is given; "
              + "several model files are compared, each with every run: the model column), "
              + "every combination checked before anything runs, in one JVM on every core. "
              + "Results: DIR/sweep.csv (one row per run), DIR/runs/RUN_ID/summary.json.\n\n",
          options(), 2, 2, "\nExample: rewire sweep --seeds 1-16 --grid "
              + "projections.ee.stdp.lr=0.005,0.01,0.02 --duration 5s --out-dir lr-sweep", true);
      out.print(sw);
      return Main.OK;
    }
    RunCommand.refuseRepeatedOptions(cmd);
    if (!cmd.hasOption("out-dir")) {
      throw new UsageException("sweep needs --out-dir DIR, the folder of its results");
    }
    for (String o : SLURM_ONLY) {
      if (cmd.hasOption(o) && !cmd.hasOption("slurm")) {
        throw new UsageException("--" + o + " needs --slurm");
      }
    }
    if (cmd.hasOption("requeue") && !cmd.hasOption("checkpoint-every")) {
      throw new UsageException("--requeue needs --checkpoint-every: a requeued task continues "
          + "from its runs' checkpoints");
    }
    if (cmd.hasOption("slurm") && cmd.hasOption("shard")) {
      throw new UsageException("--slurm makes the shards itself; give --shard to one task's run");
    }
    List<String> positional = cmd.getArgList();
    SweepDefinition base;
    if (positional.isEmpty()) {
      base = new SweepDefinition(List.of(new SweepModel(ModelFile.DEFAULT_MODEL,
          ModelFile.bundledText(ModelFile.DEFAULT_MODEL), "bundled:" + ModelFile.DEFAULT_MODEL)),
          List.of(), null, null, Map.of(), List.of(), false, false, null);
    } else if (positional.size() == 1
        && SweepFile.isSweepFile(ModelFile.readText(Path.of(positional.get(0))))) {
      base = SweepFile.read(Path.of(positional.get(0)));
    } else {
      List<SweepModel> models = new ArrayList<>();
      for (String p : positional) {
        String text = ModelFile.readText(Path.of(p));
        if (SweepFile.isSweepFile(text)) {
          throw new UsageException("sweep takes one SWEEP_FILE, or MODEL_FILEs to compare; " + p
              + " is a sweep file among " + positional);
        }
        models.add(new SweepModel(SweepModel.nameOf(p), text, p));
      }
      base = new SweepDefinition(models, List.of(), null, null, Map.of(), List.of(), false, false,
          null);
    }
    Map<String, List<GridValue>> grid = new LinkedHashMap<>();
    for (String g : cmd.hasOption("grid") ? cmd.getOptionValues("grid") : new String[0]) {
      int eq = g.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--grid expects PATH=V1,V2,..., got '" + g + "'");
      }
      String path = g.substring(0, eq).strip();
      if (grid.put(path, GridValue.parseList("--grid " + path, g.substring(eq + 1))) != null) {
        throw new UsageException("--grid " + path + " is given more than once");
      }
    }
    Double durationMs = cmd.hasOption("duration")
        ? Durations.parseMs("--duration", cmd.getOptionValue("duration")) : null;
    SweepDefinition def = base.with(
        cmd.hasOption("set") ? List.of(cmd.getOptionValues("set")) : List.of(),
        cmd.hasOption("seeds") ? Seeds.parse("--seeds", cmd.getOptionValue("seeds")) : null,
        durationMs, grid, cmd.hasOption("record-hdf5"), cmd.hasOption("record-report"));
    Integer jobsGiven = cmd.hasOption("jobs") ? positiveInt("--jobs", cmd.getOptionValue("jobs"))
        : null;
    int threads = threadsPerRun(cmd);
    int batchSize = cmd.hasOption("batch-size")
        ? positiveInt("--batch-size", cmd.getOptionValue("batch-size")) : 0;
    Shard shard = cmd.hasOption("shard") ? Shard.parse(cmd.getOptionValue("shard")) : null;
    Sweep sweep = Sweep.of(def);
    String commandLine = Main.commandLine("rewire sweep", args);
    boolean quiet = cmd.hasOption("quiet");
    if (cmd.hasOption("slurm")) {
      SlurmScript script = slurmScript(cmd, sweep);
      return slurm(cmd, script, sweep, directory(cmd.getOptionValue("out-dir")), commandLine);
    }
    Backends.Choice choice = Backends.chooseForSweep(cmd.getOptionValue("backend", Backends.AUTO),
        cmd.getOptionValue("device"), sweep.runs().size(),
        sweep.runs().get(0).spec().plan(), threads);
    // Given with --backend auto (as a SLURM script gives --jobs), the option of the backend auto
    // did not choose is ignored, and the note says so; named with the wrong backend, it is an
    // error.
    boolean auto = cmd.getOptionValue("backend", Backends.AUTO).equals(Backends.AUTO);
    String ignored = null;
    if (choice.backend() instanceof BatchBackend && jobsGiven != null) {
      if (!auto) {
        throw new UsageException("--jobs applies to the java backend; opencl runs batches of "
            + "networks per launch (--batch-size)");
      }
      ignored = "--jobs (for java; opencl runs batches, --batch-size)";
    }
    if (choice.backend() instanceof BatchBackend && threads > 1) {
      if (!auto) {
        throw new UsageException("--threads applies to the java backend; opencl runs batches of "
            + "networks per launch (--batch-size)");
      }
      ignored = "--threads (for java; opencl runs batches)";
    }
    if (!(choice.backend() instanceof BatchBackend) && batchSize > 0) {
      if (!auto) {
        throw new UsageException("--batch-size applies to the opencl backend; java runs --jobs "
            + "networks at a time");
      }
      ignored = "--batch-size (for opencl; java runs --jobs networks at a time)";
      batchSize = 0;
    }
    SweepDirectory dir = directory(cmd.getOptionValue("out-dir"));
    Backend backend = choice.announce(err, quiet);
    if (ignored != null && !quiet) {
      err.println("rewire: ignoring " + ignored);
    }
    if (backend instanceof BatchBackend b && batchSize > 0 && !quiet) {
      int holds = b.batchCapacity(sweep.runs().get(0).spec().plan());
      if (holds > 0 && holds < batchSize) {
        err.println("rewire: the device holds batches of " + holds + " networks of this shape; "
            + "--batch-size " + batchSize + " runs as batches of " + holds);
      } else if (holds == 0) {
        err.println("rewire: networks of this shape run one after another on the per-step "
            + "engine (too large for a work-group, or with active-only synapses); --batch-size "
            + batchSize + " does not apply");
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int jobs = jobsGiven != null ? jobsGiven : Math.max(1, cores / threads);
    if (!(backend instanceof BatchBackend) && (long) jobs * threads > cores) { // even if quiet
      err.println("rewire: warning: " + (long) jobs * threads + " threads (--jobs " + jobs
          + " x --threads " + threads + ") on " + cores + " cores; threads beyond the cores slow "
          + "the runs down");
    }
    SweepRunner runner = new SweepRunner(sweep, dir, new SweepRunner.Options(shard, commandLine,
        cmd.hasOption("append"), checkpointEveryMs(cmd)));
    SweepExecutor executor = backend instanceof BatchBackend batches
        ? new BatchExecutor(batches, batchSize) : new ParallelExecutor(jobs, backend);
    return run(runner, executor, Session.progressMode(quiet), checkpointEveryMs(cmd) > 0);
  }

  private int run(SweepRunner runner, SweepExecutor executor, Session.ProgressMode mode,
      boolean checkpoints) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      runner.cancel(); // SIGTERM or Ctrl-C: stop at the runs' next chunk, leave DIR consistent
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "rewire-sweep-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    SweepRunner.Outcome o;
    try (SweepProgress progress = new SweepProgress(err, mode)) {
      o = runner.run(executor, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("sweep interrupted");
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for the line below
      }
    }
    try {
      String line = String.format(Locale.ROOT, "sweep: %d runs: %d ok, %d diverged, %d failed%s%s; "
          + "%.1f network-s in %.1f s wall (%.2f network-s per wall s); table %s", o.runs(), o.ok(),
          o.diverged(), o.failed(), o.skipped() > 0 ? " (" + o.skipped() + " finished before)"
              : "", o.abandoned() > 0 ? ", " + o.abandoned() + " not finished" : "",
          o.simulatedS(), o.wallS(), o.wallS() > 0 ? o.simulatedS() / o.wallS() : 0, o.table());
      if (o.cancelled()) {
        err.println("rewire: sweep stopped: " + line.substring("sweep: ".length())
            + (checkpoints ? "; the runs in flight wrote their checkpoints, and the same command "
                + "again continues them and runs what is left" : "; the same command again runs "
                + "what is left"));
      } else {
        out.println(line);
      }
    } finally {
      finished.countDown();
    }
    return o.failed() > 0 || o.cancelled() ? Main.INTERNAL_ERROR : Main.OK;
  }

  private static SlurmScript slurmScript(CommandLine cmd, Sweep sweep) {
    int tasks = cmd.hasOption("tasks") ? positiveInt("--tasks", cmd.getOptionValue("tasks"))
        : Math.min(sweep.runs().size(), 100);
    Map<String, String> options = new LinkedHashMap<>();
    for (String o : SlurmScript.OPTIONS) {
      options.put(o, cmd.getOptionValue(o));
    }
    if (!cmd.hasOption("gres") && cmd.getOptionValue("backend", "").equals(OpenClBackend.NAME)) {
      options.put("gres", "gpu:1"); // an OpenCL sweep wants its GPU
    }
    if ("none".equals(options.get("gres"))) {
      options.remove("gres");
    }
    List<List<String>> setup = cmd.hasOption("slurm-setup")
        ? SlurmScript.readSetup(Path.of(cmd.getOptionValue("slurm-setup")))
        : List.of(List.of(), List.of());
    int threads = threadsPerRun(cmd);
    if (threads > 1 && cmd.getOptionValue("backend", "").equals(OpenClBackend.NAME)) {
      throw new UsageException("--threads applies to the java backend; opencl runs batches of "
          + "networks per launch (--batch-size)");
    }
    int cpus = cmd.hasOption("cpus-per-task")
        ? positiveInt("--cpus-per-task", cmd.getOptionValue("cpus-per-task")) : threads;
    if (cpus < threads) {
      throw new UsageException("--cpus-per-task " + cpus + " is fewer than --threads " + threads
          + ": each task needs at least one CPU per thread of a network");
    }
    return new SlurmScript(tasks, options, cpus,
        setup.get(0), setup.get(1), cmd.hasOption("checkpoint-every") ? SIGNAL_SECONDS : 0,
        cmd.hasOption("requeue"));
  }

  private int slurm(CommandLine cmd, SlurmScript script, Sweep sweep, SweepDirectory dir,
      String commandLine) {
    int tasks = script.tasks();
    Path written;
    try {
      dir.admit(sweep, commandLine, cmd.hasOption("append"));
      List<String> how = new ArrayList<>();
      for (String o : PASSED_ON) {
        if (cmd.hasOption(o)) {
          how.add("--" + o);
          if (options().getOption(o).hasArg()) {
            how.add(cmd.getOptionValue(o));
          }
        }
      }
      // Given --jobs is passed on as it is; else each task divides its CPUs by the threads.
      written = script.write(dir, sweep.definition(), how,
          cmd.getOptionValue("backend", Backends.AUTO).equals(OpenClBackend.NAME)
              || cmd.hasOption("jobs") ? 0 : threadsPerRun(cmd));
    } catch (IOException e) {
      throw new UsageException("cannot write the SLURM script in " + dir.root() + ": "
          + AtomicFile.reason(e));
    }
    if (cmd.hasOption("slurm-script-only")) {
      out.println("wrote " + written + " (" + tasks + " array tasks, " + sweep.runs().size()
          + " runs); submit it from its folder: cd " + dir.root() + " && sbatch sweep.sbatch");
      return Main.OK;
    }
    try {
      String job = SlurmScript.submit(written);
      out.println("submitted job " + job + ": " + tasks + " array tasks, " + sweep.runs().size()
          + " runs into " + dir.root() + "; when it is done: rewire collect " + dir.root());
    } catch (IOException | InterruptedException e) {
      throw new UsageException("cannot submit " + written + ": " + e.getMessage());
    }
    return Main.OK;
  }

  private static SweepDirectory directory(String text) {
    Path dir = Path.of(text).toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--out-dir " + text + " is a file; expected a folder");
    }
    if (dir.getParent() == null || !Files.isDirectory(dir.getParent())) {
      throw new UsageException("--out-dir " + text + ": folder " + dir.getParent()
          + " does not exist");
    }
    try {
      Files.createDirectories(dir);
      AtomicFile.probe(dir.resolve("sweep.json"));
    } catch (IOException e) {
      throw new UsageException("--out-dir " + text + ": cannot write in it: "
          + AtomicFile.reason(e));
    }
    return new SweepDirectory(dir);
  }

  private static double checkpointEveryMs(CommandLine cmd) {
    if (!cmd.hasOption("checkpoint-every")) {
      return 0;
    }
    String text = cmd.getOptionValue("checkpoint-every");
    double ms = Durations.parseMs("--checkpoint-every", text);
    if (!(ms > 0)) {
      throw new UsageException("--checkpoint-every expects a time > 0 such as 10s, got '" + text
          + "'");
    }
    return ms;
  }

  /** --threads of a sweep: a number, 1 when absent; auto is a single run's choice. */
  private static int threadsPerRun(CommandLine cmd) {
    String value = cmd.getOptionValue(ThreadsOption.NAME);
    if (value != null && value.strip().equals(ThreadsOption.AUTO)) {
      throw new UsageException("--threads of a sweep expects a whole number >= 1 (each network's "
          + "threads; the runs share the cores through --jobs), got 'auto'");
    }
    return value == null ? 1 : positiveInt("--threads", value);
  }

  private static int positiveInt(String option, String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " expects a whole number >= 1, got '" + text + "'");
  }
}
