package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.backend.opencl.NativeTestSupport;
import dev.rewire.output.SummaryWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with an OpenCL device: the backends agree, auto says what it chose. */
class CliOpenClIT {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_openclAndJava_writeTheSameDigests() throws IOException {
    NativeTestSupport.device();
    Path java = dir.resolve("java.json");
    Path cl = dir.resolve("opencl.json");
    assertEquals(0, main("run", "--duration", "1.2s", "--seed", "4", "--backend", "java",
        "--summary", java.toString()));
    assertEquals(0, main("run", "--duration", "1.2s", "--seed", "4", "--backend", "opencl",
        "--summary", cl.toString()));
    JsonNode a = SummaryWriter.read(java);
    JsonNode b = SummaryWriter.read(cl);
    assertEquals(a.get("digest"), b.get("digest"));
    assertEquals(a.get("structural"), b.get("structural"));
    assertEquals("opencl", b.get("backend").asText());
  }

  @Test
  void run_auto_saysWhichBackendItChoseAndWhy() {
    boolean cpu = NativeTestSupport.device().cpu();
    assertEquals(0, main("run", "--duration", "20ms"));
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains(cpu ? "backend auto chose java: the OpenCL device"
        : "backend auto chose opencl"), said);
  }

  @Test
  void run_thatBlowsUp_isStoppedByTheGuardOnTheDeviceToo() throws IOException {
    NativeTestSupport.device();
    Path summary = dir.resolve("blowup.json");
    assertEquals(2, main("run", "--duration", "1s", "--backend", "opencl", "--set",
        "neurons.net.c_pf=0.01", "--summary", summary.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("numerical guard: population"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(false, SummaryWriter.read(summary).get("complete").asBoolean());
  }

  @Test
  void run_modelTooLargeForTheDevice_isRefusedWithEstimateAndLimit() {
    NativeTestSupport.device();
    assertEquals(2, main("run", "--backend", "opencl", "--duration", "10ms", "--set",
        "neurons.net.size=100000", "--set",
        "neurons.net.populations={E=[0,80000],I=[80000,100000]}"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("of device memory and"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_withAnUnknownDevice_exitsWith2() {
    NativeTestSupport.device();
    assertEquals(2, main("run", "--backend", "opencl", "--device", "no-such-device"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--device no-such-device matches no "
        + "device"), err.toString(StandardCharsets.UTF_8));
  }
}
