package dev.rewire.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.cli.CheckpointResumeTest;
import dev.rewire.cli.Main;
import dev.rewire.cli.SweepCommandTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep as a SLURM job array on a real one-node cluster (slurmctld, slurmd, munged on this
 * machine): rewire sweep --slurm writes and submits a 4-task array, the tasks run their shards,
 * rewire collect merges them, and the table equals that of the same sweep run in one process.
 */
class SlurmIT {
  @TempDir
  Path dir;

  @Test
  void sweepAsAJobArray_collected_equalsTheSweepInOneProcess() throws Exception {
    List<String> sweep = List.of("sweep", "--seeds", "1-3", "--grid",
        "projections.ee.stdp.lr=0.01,0.02", "--duration", "300ms");
    Path whole = dir.resolve("whole");
    List<String> inProcess = new ArrayList<>(sweep);
    inProcess.addAll(List.of("--out-dir", whole.toString(), "--quiet"));
    assertEquals(0, CheckpointResumeTest.main(inProcess.toArray(new String[0])).code());

    try (LocalSlurm slurm = LocalSlurm.start(dir.resolve("slurm"))) {
      Path cluster = dir.resolve("cluster");
      // What a real cluster asks for: an account, a QOS, a node feature, a site's set-up lines.
      Path setup = dir.resolve("setup.sh");
      Files.writeString(setup, "#SBATCH --comment=rewire-slurm-it\n"
          + "export REWIRE_JAVA=" + Path.of(System.getProperty("java.home"), "bin", "java") + "\n");
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      cmd.addAll(sweep);
      cmd.addAll(List.of("--out-dir", cluster.toString(), "--slurm", "--tasks", "4",
          "--cpus-per-task", "1", "--time", "10:00", "--account", "lab42", "--qos", "normal",
          "--constraint", "rewiretest", "--slurm-setup", setup.toString(), "--checkpoint-every",
          "100ms", "--requeue"));
      String submitted = LocalSlurm.run(cmd, slurm.environment());
      System.out.println(submitted.strip());
      String job = submitted.replaceAll("(?s).*submitted job (\\d+):.*", "$1");
      assertTrue(job.matches("\\d+"), submitted);
      String script = Files.readString(cluster.resolve("sweep.sbatch"));
      assertTrue(script.contains("#SBATCH --array=0-3") && script.contains("--time=10:00")
          && script.contains("--shard \"${SLURM_ARRAY_TASK_ID}/4\"")
          && script.contains("#SBATCH --account=lab42") && script.contains("#SBATCH --qos=normal")
          && script.contains("#SBATCH --constraint=rewiretest")
          && script.contains("#SBATCH --signal=B:USR1@120") && script.contains("#SBATCH --requeue")
          && script.contains("export LD_PRELOAD=\"$jsig"), script);
      assertFalse(script.contains(cluster.toString()), "no path of this machine:\n" + script);
      slurm.awaitJob(job, 300);
      try (Stream<Path> logs = Files.list(cluster.resolve("slurm"))) {
        assertEquals(4, logs.count(), "one log per array task");
      }
      for (int k = 0; k < 4; k++) {
        Path shard = cluster.resolve("shards").resolve(k + "-of-4.csv");
        assertTrue(Files.exists(shard), "task " + k + " wrote its table; " + slurm.logs()
            + "\n" + taskLogs(cluster));
      }
      CheckpointResumeTest.Out c = CheckpointResumeTest.main("collect", cluster.toString());
      assertTrue(c.out().startsWith("collected 6 of 6 runs (6 ok"), c.out() + taskLogs(cluster));
      SweepCommandTest.assertSameTable(whole.resolve("sweep.csv"), cluster.resolve("sweep.csv"));
    }
  }

  private static String taskLogs(Path cluster) throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> logs = Files.list(cluster.resolve("slurm"))) {
      for (Path p : logs.toList()) {
        sb.append('\n').append(p).append(":\n").append(Files.readString(p));
      }
    }
    return sb.toString();
  }
}
