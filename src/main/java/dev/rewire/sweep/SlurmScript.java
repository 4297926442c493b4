package dev.rewire.sweep;

import dev.rewire.backend.opencl.cl.SignalChaining;
import dev.rewire.output.AtomicFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep as a SLURM job array: {@code DIR/sweep.sbatch} runs task K of N as
 * {@code rewire sweep ... --shard K/N --jobs <cpus-per-task> --quiet} into the same folder, with
 * this Java and this rewire (absolute paths: the cluster's nodes must see the same files), and
 * logs in {@code DIR/slurm/}. {@code rewire collect DIR} merges the tasks' results afterwards.
 *
 * @param tasks the number of array tasks (shards)
 * @param partition {@code --partition}, or null for the cluster's default
 * @param time {@code --time} (e.g. 1:00:00), or null
 * @param cpusPerTask {@code --cpus-per-task}: each task runs that many networks at a time
 * @param mem {@code --mem} (e.g. 8G), or null
 */
public record SlurmScript(int tasks, String partition, String time, int cpusPerTask, String mem) {
  public SlurmScript {
    if (tasks < 1) {
      throw new SweepException("--tasks must be at least 1, got " + tasks);
    }
    if (cpusPerTask < 1) {
      throw new SweepException("--cpus-per-task must be at least 1, got " + cpusPerTask);
    }
    for (String v : new String[] {partition, time, mem}) {
      if (v != null && !v.matches("[A-Za-z0-9_:.,=+-]+")) {
        throw new SweepException("a SLURM option value may hold letters, digits and _:.,=+- only, "
            + "got '" + v + "'");
      }
    }
  }

  /**
   * Writes the script into the sweep's folder. {@code sweepArgs} are the arguments of
   * {@code rewire sweep} that define the sweep (files already absolute), without the out-dir,
   * --jobs and --shard; {@code jobs}: each task runs its cpus-per-task networks at a time (the
   * java backend, or auto), else the backend runs batches.
   */
  public Path write(SweepDirectory dir, List<String> sweepArgs, boolean jobs) throws IOException {
    Path logs = Files.createDirectories(dir.root().resolve("slurm"));
    List<String> cmd = new ArrayList<>(launcher());
    cmd.add("sweep");
    cmd.addAll(sweepArgs);
    cmd.addAll(List.of("--out-dir", dir.root().toString()));
    if (jobs) {
      cmd.addAll(List.of("--jobs", "${SLURM_CPUS_PER_TASK:-1}"));
    }
    cmd.add("--quiet");
    StringBuilder sb = new StringBuilder("#!/bin/bash\n");
    sb.append("# rewire sweep as a SLURM job array: task K runs share K of ").append(tasks)
        .append(" (--shard K/").append(tasks).append(").\n");
    sb.append("# Submit with: sbatch ").append(dir.root().resolve("sweep.sbatch")).append('\n');
    sb.append("# Afterwards: rewire collect ").append(dir.root()).append('\n');
    sb.append("#SBATCH --job-name=rewire-sweep\n");
    sb.append(String.format(Locale.ROOT, "#SBATCH --array=0-%d%n", tasks - 1));
    sb.append("#SBATCH --output=").append(logs).append("/%A_%a.log\n");
    sb.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
    sb.append("#SBATCH --chdir=").append(Path.of("").toAbsolutePath()).append('\n');
    if (partition != null) {
      sb.append("#SBATCH --partition=").append(partition).append('\n');
    }
    if (time != null) {
      sb.append("#SBATCH --time=").append(time).append('\n');
    }
    if (mem != null) {
      sb.append("#SBATCH --mem=").append(mem).append('\n');
    }
    sb.append("set -euo pipefail\n");
    Path jsig = SignalChaining.library();
    if (Files.exists(jsig)) {
      // As the rewire launcher does (backend.opencl.SignalChaining).
      sb.append("export LD_PRELOAD=").append(quote(jsig.toString()))
          .append("${LD_PRELOAD:+:$LD_PRELOAD}\n");
    }
    sb.append("exec");
    for (String c : cmd) {
      sb.append(' ').append(c.startsWith("${") ? "\"" + c + "\"" : quote(c));
    }
    sb.append(" --shard \"${SLURM_ARRAY_TASK_ID}/").append(tasks).append("\"\n");
    Path script = dir.root().resolve("sweep.sbatch");
    AtomicFile.write(script, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
    return script;
  }

  /** Submits the script with sbatch; returns the job id. */
  public static String submit(Path script) throws IOException, InterruptedException {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder("sbatch", "--parsable", script.toString())
          .redirectErrorStream(true);
      pb.environment().remove("LD_PRELOAD"); // libjsig is for the JVM; it warns in sbatch
      p = pb.start();
    } catch (IOException e) {
      throw new SweepException("cannot run sbatch (" + e.getMessage() + "); is this a SLURM "
          + "login node? --slurm-script-only writes " + script + " without submitting it");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new SweepException("sbatch refused " + script + ": " + out);
    }
    String id = out.lines().reduce((a, b) -> b).orElse("").split(";")[0];
    if (!id.matches("\\d+")) {
      throw new SweepException("sbatch answered '" + out + "', not a job id");
    }
    return id;
  }

  /** This Java and this rewire: the jar, or the class path when not running from a jar. */
  private static List<String> launcher() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> out = new ArrayList<>(List.of(java));
    String opts = System.getenv("REWIRE_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      out.addAll(List.of(opts.strip().split("\\s+")));
    }
    List<String> cp = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      cp.add(Path.of(e).toAbsolutePath().normalize().toString());
    }
    out.addAll(List.of("-cp", String.join(File.pathSeparator, cp), "dev.rewire.cli.Main"));
    return out;
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
