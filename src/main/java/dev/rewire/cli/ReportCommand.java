package dev.rewire.cli;

import dev.rewire.output.AtomicFile;
import dev.rewire.output.HtmlReport;
import dev.rewire.sweep.SweepDirectory;
import dev.rewire.sweep.SweepReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code rewire report RESULTS.h5 -o REPORT.html}: the HTML report of a run's HDF5 results; or of a
 * sweep, given its folder.
 */
final class ReportCommand {
  private final PrintStream out;

  ReportCommand(PrintStream out) {
    this.out = out;
  }

  int execute(String[] args) {
    Options o = new Options();
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
        .desc("the HTML file to write (default: RESULTS with .html)").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    CommandLine cmd;
    try {
      cmd = DefaultParser.builder().setAllowPartialMatching(false).build().parse(o, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage() + " (see rewire report --help)");
    }
    if (cmd.hasOption("help")) {
      out.println("rewire report RESULTS.h5 [-o REPORT.html]: one self-contained HTML page with the "
          + "spike raster, rates, weight histograms, structural counts, degree distributions and "
          + "how the run was made.\nrewire report SWEEP_DIR [-o REPORT.html]: every outcome of a "
          + "sweep against every parameter (mean and spread over seeds), the table of "
          + "combinations and of runs (default: SWEEP_DIR/sweep.html).");
      return Main.OK;
    }
    if (cmd.getArgList().size() != 1) {
      throw new UsageException("report takes one RESULTS.h5 file or sweep folder, got "
          + cmd.getArgList());
    }
    Path h5 = Path.of(cmd.getArgList().get(0));
    if (Files.isDirectory(h5)) {
      SweepDirectory dir = new SweepDirectory(h5);
      Path html = OutputOptions.writable("-o", cmd.getOptionValue("output",
          dir.root().resolve("sweep.html").toString()));
      try {
        SweepReport.write(dir, html);
      } catch (IOException e) {
        throw new UsageException("cannot write report " + html + ": " + AtomicFile.reason(e));
      }
      out.println("wrote " + html);
      return Main.OK;
    }
    if (!Files.isRegularFile(h5)) {
      throw new UsageException("results file " + h5 + " does not exist");
    }
    Path html = OutputOptions.writable("-o", cmd.getOptionValue("output",
        h5.toString().replaceFirst("\\.h5$", "") + ".html"));
    if (html.equals(OutputOptions.canonical(h5))) {
      throw new UsageException("-o " + cmd.getOptionValue("output", html.toString()) + " is the "
          + "results file itself; the report needs a file of its own");
    }
    write(h5, html);
    out.println("wrote " + html);
    return Main.OK;
  }

  static void write(Path h5, Path html) {
    try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
      io.jhdf.api.Attribute format = f.getAttribute("rewire_format");
      if (format == null || !String.valueOf(format.getData()).startsWith("rewire results")) {
        throw new UsageException(h5 + " is an HDF5 file but not rewire's results (it has no "
            + "rewire_format attribute); expected the --out file of rewire run");
      }
    } catch (RuntimeException e) {
      if (e instanceof UsageException u) {
        throw u;
      }
      throw new UsageException(h5 + " is not a rewire HDF5 results file (" + e.getMessage() + ")");
    }
    try {
      HtmlReport.write(h5, html);
    } catch (IOException e) {
      throw new UsageException("cannot write report " + html + ": " + e.getMessage());
    } catch (RuntimeException e) {
      if (e.getClass().getName().startsWith("io.jhdf")) {
        throw new UsageException(h5 + " is not a rewire HDF5 results file (" + e.getMessage()
            + ")");
      }
      throw e;
    }
  }
}
