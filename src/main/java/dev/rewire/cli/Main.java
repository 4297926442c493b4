package dev.rewire.cli;

import dev.rewire.backend.ResourceException;
import dev.rewire.model.ModelException;
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

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command and returns its exit code; never calls System.exit. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")
          || args[0].equals("help")) {
        out.print(usage());
        return args.length == 0 ? BAD_INPUT : OK;
      }
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      return switch (args[0]) {
        case "run" -> new RunCommand(out, err).execute(rest);
        case "devices" -> new DevicesCommand(out).execute(rest);
        case "resume" -> new ResumeCommand(out, err).execute(rest);
        case "report" -> new ReportCommand(out).execute(rest);
        case "--version", "version" -> {
          out.println("rewire " + version());
          yield OK;
        }
        default -> throw new UsageException("unknown command '" + args[0]
            + "'; expected one of: run, resume, report, devices, help, version (see rewire --help)");
      };
    } catch (UsageException | ModelException | ResourceException e) {
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
          rewire report RESULTS.h5 [-o F.html] an HTML report with plots of a run's --out file
          rewire devices                      list OpenCL devices and whether rewire can use them
          rewire version                      print the version

        Exit codes: 0 ok, 2 bad input, 1 internal error.
        """;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }
}
