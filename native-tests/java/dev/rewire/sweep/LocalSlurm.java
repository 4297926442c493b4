package dev.rewire.sweep;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A one-node SLURM cluster on this machine for the integration test: munged (if none runs),
 * slurmctld and slurmd from Debian's slurm-wlm and munge, with a slurm.conf of their own in a
 * temporary folder (localhost, this machine's CPUs, free ports, no accounting). They run as root,
 * as they do in CI. Without Slurm or root, CI fails and a developer's run skips loudly.
 */
final class LocalSlurm implements AutoCloseable {
  private final Path dir;
  private final List<Path> pidFiles = new ArrayList<>();
  private final Path conf;

  private LocalSlurm(Path dir) {
    this.dir = dir;
    this.conf = dir.resolve("slurm.conf");
  }

  /** The environment every Slurm command of the test needs. */
  Map<String, String> environment() {
    return Map.of("SLURM_CONF", conf.toString());
  }

  static LocalSlurm start(Path dir) throws Exception {
    String missing = missing();
    if (missing != null) {
      String msg = "a local SLURM cluster cannot start: " + missing + " (Debian: apt-get install "
          + "-y slurm-wlm munge; the daemons need root)";
      if (System.getenv("CI") != null) {
        fail("CI must run the SLURM integration test, but " + msg);
      }
      System.err.println("\n*** SKIPPING the SLURM integration test: " + msg + " ***\n");
      Assumptions.abort(msg);
    }
    LocalSlurm s = new LocalSlurm(dir);
    s.startMunge();
    String host = run(List.of("hostname", "-s"), Map.of()).strip();
    int cpus = Runtime.getRuntime().availableProcessors();
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("spool"));
    Files.writeString(s.conf, String.join("\n",
        "ClusterName=rewire-test",
        "SlurmctldHost=" + host,
        "SlurmctldPort=" + freePort(),
        "SlurmdPort=" + freePort(),
        "AuthType=auth/munge",
        "SlurmUser=root",
        "SlurmdUser=root",
        "StateSaveLocation=" + dir.resolve("state"),
        "SlurmdSpoolDir=" + dir.resolve("spool"),
        "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
        "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
        "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
        "SlurmdLogFile=" + dir.resolve("slurmd.log"),
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "ReturnToService=2",
        "MpiDefault=none",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        "NodeName=" + host + " CPUs=" + cpus + " Features=rewiretest State=UNKNOWN",
        "PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP", ""));
    try {
      run(List.of("slurmctld", "-f", s.conf.toString()), s.environment());
      s.pidFiles.add(dir.resolve("slurmctld.pid"));
      run(List.of("slurmd", "-f", s.conf.toString()), s.environment());
      s.pidFiles.add(dir.resolve("slurmd.pid"));
      s.awaitIdleNode();
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void awaitIdleNode() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String state = "";
    while (System.nanoTime() < deadline) {
      state = run(List.of("sinfo", "-h", "-o", "%t"), environment()).strip();
      if (state.equals("idle")) {
        return;
      }
      Thread.sleep(250);
    }
    fail("the local SLURM node did not become idle within 60 s (state '" + state + "'); logs: "
        + tail(dir.resolve("slurmctld.log")) + "\n" + tail(dir.resolve("slurmd.log")));
  }

  /** Waits until job {@code id} has left the queue. */
  void awaitJob(String id, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (run(List.of("squeue", "-h", "-j", id), environment()).isBlank()) {
        return;
      }
      Thread.sleep(500);
    }
    fail("job " + id + " still queued or running after " + seconds + " s: "
        + run(List.of("squeue", "-j", id), environment()));
  }

  String logs() throws IOException {
    return tail(dir.resolve("slurmctld.log")) + "\n" + tail(dir.resolve("slurmd.log"));
  }

  private void startMunge() throws Exception {
    if (new ProcessBuilder("munge", "-n").redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0) {
      return; // a munged runs already; leave it alone
    }
    Path run = Path.of("/run/munge");
    Files.createDirectories(run);
    run(List.of("chown", "munge:munge", run.toString()), Map.of());
    run(List.of("runuser", "-u", "munge", "--", "/usr/sbin/munged"), Map.of());
    pidFiles.add(run.resolve("munged.pid"));
  }

  private static String missing() throws InterruptedException {
    for (String tool : List.of("slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "munge",
        "runuser")) {
      try {
        if (new ProcessBuilder("which", tool).start().waitFor() != 0) {
          return tool + " is not installed";
        }
      } catch (IOException e) {
        return "cannot look for " + tool + ": " + e.getMessage();
      }
    }
    if (!Files.isExecutable(Path.of("/usr/sbin/munged"))) {
      return "munged is not installed";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "the daemons run as root, and this test runs as " + System.getProperty("user.name");
    }
    return null;
  }

  static String run(List<String> cmd, Map<String, String> env) throws IOException,
      InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return log + ": none";
    }
    List<String> lines = Files.readAllLines(log);
    return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15),
        lines.size()));
  }

  /** Stops what this test started, in reverse order. */
  @Override
  public void close() throws IOException, InterruptedException {
    for (int i = pidFiles.size() - 1; i >= 0; i--) {
      Path pid = pidFiles.get(i);
      if (Files.exists(pid)) {
        long p = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(p).ifPresent(h -> {
          h.destroy();
          try {
            h.onExit().get(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            h.destroyForcibly();
          }
        });
      }
    }
  }
}
