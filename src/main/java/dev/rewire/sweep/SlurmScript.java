package dev.rewire.sweep;

import dev.rewire.output.AtomicFile;
import dev.rewire.output.BuildInfo;
import dev.rewire.run.RunSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A sweep as a SLURM job array, in a folder that needs nothing outside it: {@code DIR/rewire/}
 * holds this rewire (its jars, so tasks still queued after a rebuild run the build that was
 * submitted), the sweep as a sweep file and its models with every file they name in place;
 * {@code DIR/sweep.sbatch} runs task K of N as {@code rewire sweep rewire/sweep.toml --out-dir .
 * --shard K/N} from the folder, with the Java of {@code $REWIRE_JAVA}, {@code $JAVA_HOME} or the
 * {@code PATH} (after the set-up lines), and logs in {@code DIR/slurm/}. No path of the machine that
 * wrote it appears in it. {@code rewire collect DIR} merges the tasks' results afterwards.
 *
 * @param tasks the number of array tasks (shards)
 * @param options {@code #SBATCH} options by name (partition, time, mem, account, qos, constraint,
 *     gres), each given or absent
 * @param cpusPerTask {@code --cpus-per-task}: each task runs that many networks at a time
 * @param extraSbatch more {@code #SBATCH} lines, as given
 * @param setup shell lines run before rewire ({@code module load java/17})
 * @param signalSeconds with checkpoints: SLURM signals the task this long before the time limit,
 *     and the runs in flight write their checkpoints (0: not asked)
 * @param requeue a task stopped by that signal (not by scancel) requeues itself, to continue from
 *     its checkpoints
 */
public record SlurmScript(int tasks, Map<String, String> options, int cpusPerTask,
    List<String> extraSbatch, List<String> setup, int signalSeconds, boolean requeue) {

  /** The sbatch options rewire sweep takes as --NAME VALUE. */
  public static final List<String> OPTIONS = List.of("partition", "time", "mem", "account", "qos",
      "constraint", "gres");

  public SlurmScript {
    if (tasks < 1) {
      throw new SweepException("--tasks must be at least 1, got " + tasks);
    }
    if (cpusPerTask < 1) {
      throw new SweepException("--cpus-per-task must be at least 1, got " + cpusPerTask);
    }
    options = new LinkedHashMap<>(options);
    options.values().removeIf(v -> v == null);
    for (Map.Entry<String, String> o : options.entrySet()) {
      if (!OPTIONS.contains(o.getKey())) {
        throw new IllegalArgumentException("not an sbatch option of rewire: " + o.getKey());
      }
      if (!o.getValue().matches("[A-Za-z0-9_:.,=+&|*\\[\\]()@/-]+")) {
        throw new SweepException("--" + o.getKey() + " '" + o.getValue() + "': an sbatch value "
            + "may hold letters, digits and _:.,=+&|*[]()@/- only (no spaces)");
      }
    }
    options = java.util.Collections.unmodifiableMap(options);
    extraSbatch = List.copyOf(extraSbatch);
    setup = List.copyOf(setup);
  }

  /**
   * Reads {@code --slurm-setup FILE}: its {@code #SBATCH} lines go to the script's header, every
   * other line (module loads, exports) runs before rewire.
   */
  public static List<List<String>> readSetup(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SweepException("--slurm-setup " + file + ": cannot read it: "
          + AtomicFile.reason(e));
    }
    List<String> sbatch = new ArrayList<>();
    List<String> shell = new ArrayList<>();
    for (String line : lines) {
      if (line.strip().startsWith("#SBATCH")) {
        sbatch.add(line.strip());
      } else if (!line.strip().startsWith("#!")) {
        shell.add(line);
      }
    }
    return List.of(sbatch, shell);
  }

  /**
   * Writes the folder's copy of rewire, the sweep file and its models, and the script.
   * {@code how}: the options of {@code rewire sweep} that say how to run (backend, device,
   * batch size, threads, checkpoints, --append), passed to every task; {@code jobThreads}: the
   * threads of each network when each task runs its cpus-per-task divided by them networks at a
   * time (the java backend, or auto), 0 when the backend runs batches.
   */
  public Path write(SweepDirectory dir, SweepDefinition definition, List<String> how,
      int jobThreads) throws IOException {
    Files.createDirectories(dir.root().resolve("slurm"));
    List<String> classPath = bundle(dir.root().resolve("rewire"), definition);
    String text = header() + body(classPath, how, jobThreads);
    Path script = dir.root().resolve("sweep.sbatch");
    AtomicFile.write(script, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    return script;
  }

  /**
   * Fills {@code home} with this rewire's jars, the sweep as a sweep file and its models with the
   * files they name in place; returns the class path, relative to the sweep's folder.
   */
  private static List<String> bundle(Path home, SweepDefinition definition) throws IOException {
    List<String> classPath = copyRewire(home.resolve("lib"));
    Map<String, String> modelFiles = new LinkedHashMap<>();
    Path models = Files.createDirectories(home.resolve("models"));
    for (SweepModel m : definition.models()) {
      String file = "models/" + m.name() + ".toml";
      String text = RunSpec.of(m.text(), m.origin(), List.of(), null, null).modelText();
      AtomicFile.write(models.resolve(m.name() + ".toml"),
          tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
      modelFiles.put(m.name(), file);
    }
    String sweepFile = SweepFile.text(definition, modelFiles);
    AtomicFile.write(home.resolve("sweep.toml"),
        tmp -> Files.writeString(tmp, sweepFile, StandardCharsets.UTF_8));
    return classPath;
  }

  /** The #SBATCH header: the array, the log, the options, the signal and requeue. */
  private String header() {
    StringBuilder sb = new StringBuilder("#!/bin/bash\n");
    sb.append("# rewire sweep as a SLURM job array: task K runs share K of ").append(tasks)
        .append(" (--shard K/").append(tasks).append(").\n");
    sb.append("# Written by rewire ").append(BuildInfo.version()).append(" on Java ")
        .append(Runtime.version().feature()).append("; everything it runs is in rewire/.\n");
    sb.append("# Submit from this folder: sbatch sweep.sbatch. Afterwards: rewire collect .\n");
    sb.append("#SBATCH --job-name=rewire-sweep\n");
    sb.append(String.format(Locale.ROOT, "#SBATCH --array=0-%d%n", tasks - 1));
    sb.append("#SBATCH --output=slurm/%A_%a.log\n");
    sb.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
    options.forEach((k, v) -> sb.append("#SBATCH --").append(k).append('=').append(v)
        .append('\n'));
    if (signalSeconds > 0) {
      // USR1 to the batch shell, which stops rewire with SIGTERM (the runs in flight checkpoint);
      // not TERM, which scancel sends too: a cancelled task must not requeue itself.
      sb.append("#SBATCH --signal=B:USR1@").append(signalSeconds).append('\n');
    }
    if (requeue) {
      sb.append("#SBATCH --requeue\n");
      sb.append("#SBATCH --open-mode=append\n"); // a requeued task's log follows its first's
    }
    extraSbatch.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  /**
   * The task: into the folder, the set-up lines, a Java, then rewire in the background with
   * signals passed on to it, and the requeue after the time-limit signal.
   */
  private String body(List<String> classPath, List<String> how, int jobThreads) {
    StringBuilder sb = new StringBuilder("set -uo pipefail\n");
    sb.append("cd \"${SLURM_SUBMIT_DIR:-.}\" || exit 2\n");
    sb.append("if [ ! -f sweep.json ] || [ ! -d rewire/lib ]; then\n");
    sb.append("  echo \"rewire: submit sweep.sbatch from its sweep's folder (cd DIR && sbatch "
        + "sweep.sbatch)\" >&2\n  exit 2\nfi\n");
    if (!setup.isEmpty()) {
      sb.append("# set-up (--slurm-setup)\n");
      setup.forEach(l -> sb.append(l).append('\n'));
    }
    sb.append("JAVA=\"${REWIRE_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}\"\n");
    sb.append("if ! command -v \"$JAVA\" > /dev/null; then\n");
    sb.append("  echo \"rewire: no java here; set REWIRE_JAVA or JAVA_HOME, or load one in "
        + "--slurm-setup (Java 17 or newer)\" >&2\n  exit 2\nfi\n");
    sb.append("# As the rewire launcher does (backend.opencl.SignalChaining).\n");
    sb.append("jsig=\"$(dirname \"$(dirname \"$(readlink -f \"$(command -v \"$JAVA\")\")\")\")"
        + "/lib/libjsig.so\"\n");
    sb.append("[ -f \"$jsig\" ] && export LD_PRELOAD=\"$jsig${LD_PRELOAD:+:$LD_PRELOAD}\"\n");
    List<String> cmd = new ArrayList<>(List.of("\"$JAVA\""));
    cmd.add("${REWIRE_JAVA_OPTS:-}");
    cmd.addAll(List.of("-cp", quote(String.join(File.pathSeparator, classPath)),
        "dev.rewire.cli.Main", "sweep", "rewire/sweep.toml", "--out-dir", "."));
    how.forEach(h -> cmd.add(quote(h)));
    if (jobThreads == 1) {
      cmd.addAll(List.of("--jobs", "\"${SLURM_CPUS_PER_TASK:-1}\""));
    } else if (jobThreads > 1) { // the task's cores divided among networks of jobThreads threads
      sb.append("jobs=$(( ${SLURM_CPUS_PER_TASK:-1} / ").append(jobThreads).append(" ))\n");
      sb.append("[ \"$jobs\" -ge 1 ] || jobs=1\n");
      cmd.addAll(List.of("--jobs", "\"$jobs\""));
    }
    cmd.addAll(List.of("--quiet", "--shard", "\"${SLURM_ARRAY_TASK_ID}/" + tasks + "\""));
    sb.append("# shellcheck disable=SC2086\n");
    sb.append(String.join(" ", cmd)).append(" &\n");
    sb.append("pid=$!\n");
    sb.append("limit=0\n");
    sb.append("trap 'kill -TERM \"$pid\" 2> /dev/null' TERM\n");
    sb.append("trap 'limit=1; kill -TERM \"$pid\" 2> /dev/null' USR1  # the time limit is near\n");
    sb.append("wait \"$pid\"; rc=$?\n");
    // A trap ends the first wait early; bash keeps the child's status for the second.
    sb.append("if [ \"$rc\" -gt 128 ]; then wait \"$pid\"; rc=$?; fi\n");
    if (requeue) {
      sb.append("if [ \"$limit\" -eq 1 ] && [ \"$rc\" -eq 143 ]; then\n");
      sb.append("  echo \"rewire: stopped by SLURM; requeued to continue from the checkpoints\""
          + " >&2\n");
      sb.append("  scontrol requeue \"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\nfi\n");
    }
    sb.append("exit \"$rc\"\n");
    return sb.toString();
  }

  /** Submits the script with sbatch from the sweep's folder; returns the job id. */
  public static String submit(Path script) throws IOException, InterruptedException {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder("sbatch", "--parsable", script.getFileName()
          .toString()).directory(script.getParent().toFile()).redirectErrorStream(true);
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

  /**
   * Copies this rewire's class path into {@code lib} (copies, not links: a rebuild may rewrite a
   * jar in place); returns the class path relative to the sweep's folder.
   */
  private static List<String> copyRewire(Path lib) throws IOException {
    Files.createDirectories(lib);
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path from = Path.of(e).toAbsolutePath().normalize();
      if (Files.isDirectory(from)) {
        Path to = lib.resolve("classes-" + n++);
        copyTree(from, to);
        out.add("rewire/lib/" + to.getFileName());
      } else if (Files.isRegularFile(from)) {
        String name = String.format(Locale.ROOT, "%03d-%s", n++, from.getFileName());
        copy(from, lib.resolve(name));
        out.add("rewire/lib/" + name);
      }
    }
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          copy(f, t);
        }
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
