package dev.rewire.cli;

import dev.rewire.backend.ResourceException;
import dev.rewire.model.ModelException;
import dev.rewire.output.BuildInfo;
import dev.rewire.run.OutputException;
import dev.rewire.sweep.SweepException;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point: {@code rewire <command> [options]}. Exit codes: 0 ok, 2 bad input (one clear line, no
 * stack trace), 1 internal error.
 */
public final class Main {
  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int BAD_INPUT = 2;
  /** Stopped by SIGTERM (128 + 15), its checkpoint written when it keeps one. */
  static final int STOPPED = 143;

  /** Where messages go that --quiet turns off. */
  static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

  private Main() {}

  /** A command line as a shell would take it back: arguments with spaces or quotes are quoted. */
  static String commandLine(String command, String[] args) {
    StringBuilder sb = new StringBuilder(command);
    for (String a : args) {
      sb.append(' ').append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a
          : "'" + a.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command and returns its exit code; never calls System.exit. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0) {
        err.print(usage());
        return BAD_INPUT;
      }
      if (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
        out.print(usage());
        return OK;
      }
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      return switch (args[0]) {
        case "run" -> new RunCommand(out, err).execute(rest);
        case "devices" -> new DevicesCommand(out).execute(rest);
        case "resume" -> new ResumeCommand(out, err).execute(rest);
        case "report" -> new ReportCommand(out).execute(rest);
        case "sweep" -> new SweepCommand(out, err).execute(rest);
        case "collect" -> new CollectCommand(out).execute(rest);
        case "--version", "version" -> {
          if (rest.length > 0) {
            throw new UsageException("version takes no arguments, got " + Arrays.asList(rest));
          }
          out.println("rewire " + BuildInfo.version());
          yield OK;
        }
        default -> throw new UsageException("unknown command '" + args[0]
            + "'; expected one of: run, resume, sweep, collect, report, devices, help, version (see "
            + "rewire --help)");
      };
    } catch (UsageException | ModelException | ResourceException | OutputException
        | SweepException e) {
      err.println("rewire: " + e.getMessage());
      return BAD_INPUT;
    } catch (RuntimeException | Error e) {
      err.println("rewire: internal error: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    }
  }

  static String usage() {
    return """
        rewire — plastic spiking networks whose synapses are pruned and regrown while they run

        Usage:
          rewire run [MODEL_FILE] [options]   simulate a model (the bundled seed-ei if none is given)
          rewire run --help                   options of run
          rewire resume CHECKPOINT [options]  continue a run from its checkpoint (--checkpoint)
          rewire sweep [FILE] --out-dir DIR   many runs: seeds x grid values, on every core or SLURM
          rewire collect DIR                  merge the shards of a sweep into DIR/sweep.csv
          rewire report RESULTS.h5 [-o F.html] an HTML report with plots of a run's --out file
          rewire report DIR [-o F.html]       an HTML report of a sweep: outcomes against parameters
          rewire devices                      list OpenCL devices and whether rewire can use them
          rewire version                      print the version

        Exit codes: 0 ok, 2 bad input, 1 internal error, 143 stopped by SIGTERM (a run with
        --checkpoint writes it first).
        """;
  }

}
