package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.opencl.NativeTestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rewire sweep --backend opencl gives the table of the Java sweep when the runs differ in what
 * the host schedules by (structural periods) and in what sizes the device's records (refractory
 * periods): such runs go to different batches, or share one that is sized for all.
 */
class SweepOpenClIT {
  @TempDir
  Path dir;

  @Test
  void runsWithDifferentPeriodsAndRefractoryTimes_equalTheJavaSweep() throws IOException {
    NativeTestSupport.device();
    List<String> sweep = List.of("sweep", "--seeds", "1-2", "--grid",
        "projections.ee.structural.period_ms=50,20", "--grid", "neurons.net.refractory_ms=5,2",
        "--duration", "400ms", "--quiet");
    CheckpointResumeTest.Out java = main(sweep, "--backend", "java", "--out-dir",
        dir.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    CheckpointResumeTest.Out cl = main(sweep, "--backend", "opencl", "--out-dir",
        dir.resolve("opencl").toString());
    assertEquals(0, cl.code(), cl.err());
    SweepCommandTest.assertSameTable(dir.resolve("java").resolve("sweep.csv"),
        dir.resolve("opencl").resolve("sweep.csv"));
  }

  @Test
  void batchSizeAboveWhatTheDeviceHolds_isCappedWithANote() throws IOException {
    NativeTestSupport.device();
    CheckpointResumeTest.Out o = main(List.of("sweep", "--seeds", "1-2", "--duration", "20ms"),
        "--backend", "opencl", "--batch-size", "100000000", "--out-dir",
        dir.resolve("big").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("--batch-size 100000000 runs as batches of "), o.err());
  }

  @Test
  void activeOnlyNetworks_runOnThePerStepEngine_sayingBatchSizeDoesNotApply() throws IOException {
    NativeTestSupport.device();
    Path out = dir.resolve("active");
    CheckpointResumeTest.Out o = main(List.of("sweep", "--seeds", "1-2", "--duration", "20ms"),
        "--backend", "opencl", "--batch-size", "2", "--set",
        "projections.ee.connectivity.storage=active", "--out-dir", out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("run one after another on the per-step engine"), o.err());
    assertTrue(o.err().contains("--batch-size 2 does not apply"), o.err());
    try (var runs = java.nio.file.Files.list(out.resolve("runs"))) {
      for (Path run : runs.toList()) {
        assertTrue(dev.rewire.output.SummaryWriter.read(run.resolve("summary.json")).get("device")
            .asText().endsWith(", per-step engine"), run.toString());
      }
    }
  }

  private static CheckpointResumeTest.Out main(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return CheckpointResumeTest.main(args.toArray(new String[0]));
  }
}
