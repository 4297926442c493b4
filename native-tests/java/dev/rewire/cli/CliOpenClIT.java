package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.backend.opencl.NativeTestSupport;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.Devices;
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
  void out_openclAndJava_recordTheSameData() throws IOException {
    NativeTestSupport.device();
    String[] common = {"--duration", "1.2s", "--seed", "5", "--set",
        "projections.ee.structural.threshold=0.13", "--set",
        "recording.state={neurons=[3,401],every_ms=1}"};
    Path javaH5 = dir.resolve("java.h5");
    Path cl = dir.resolve("opencl.h5");
    java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("run", "--backend",
        "java", "--out", javaH5.toString()));
    a.addAll(java.util.List.of(common));
    java.util.List<String> b = new java.util.ArrayList<>(java.util.List.of("run", "--backend",
        "opencl", "--out", cl.toString()));
    b.addAll(java.util.List.of(common));
    assertEquals(0, main(a.toArray(new String[0])));
    assertEquals(0, main(b.toArray(new String[0])));
    try (io.jhdf.HdfFile fa = new io.jhdf.HdfFile(javaH5);
        io.jhdf.HdfFile fb = new io.jhdf.HdfFile(cl)) {
      for (String path : new String[] {"/spikes/E/time_s", "/spikes/E/neuron", "/spikes/I/neuron",
          "/events/ee/source", "/events/ee/target", "/events/ee/weight", "/weights/ee/weight",
          "/weights/ie/target", "/state/v", "/state/g_ampa", "/state/g_gaba"}) {
        Object x = fa.getDatasetByPath(path).getData();
        Object y = fb.getDatasetByPath(path).getData();
        assertTrue(java.util.Objects.deepEquals(x, y), path + " differs");
      }
    }
  }

  @Test
  void run_auto_runsJavaUnlessDeviceNamesOne_andSaysWhy() {
    ClDevice d = NativeTestSupport.device();
    assertEquals(0, main("run", "--duration", "20ms"));
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("backend auto chose java: for one network it is as fast as OpenCL"),
        said);
    err.reset();
    assertEquals(0, main("run", "--duration", "20ms", "--device", Integer.toString(d.index())));
    said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("backend auto chose opencl on [" + d.index() + "]"), said);
  }

  @Test
  void device_aNumberIsAnIndexOnly_notAPartOfAName() {
    java.util.List<ClDevice> all = Devices.list();
    // A number in a device's name that is no device's index ("512" in "...avx512..."): refused.
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+")
        .matcher(NativeTestSupport.device().name());
    String number = Integer.toString(all.size() + 1000);
    while (m.find()) {
      if (Long.parseLong(m.group()) >= all.size()) {
        number = m.group();
        break;
      }
    }
    assertEquals(2, main("run", "--backend", "opencl", "--device", number, "--duration",
        "10ms"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--device " + number
        + " matches no device"), err.toString(StandardCharsets.UTF_8));
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
  void run_activeOnlySynapses_openclAndJava_writeTheSameDigests() throws IOException {
    NativeTestSupport.device();
    Path a = dir.resolve("java.json");
    Path b = dir.resolve("opencl.json");
    for (String[] run : new String[][] {{"java", a.toString()}, {"opencl", b.toString()}}) {
      assertEquals(0, main("run", "--duration", "0.6s", "--seed", "3", "--backend", run[0],
          "--set", "projections.ee.connectivity.storage=active", "--set",
          "projections.ee.structural.threshold=0.13", "--summary", run[1]));
    }
    assertEquals(SummaryWriter.read(a).get("digest"), SummaryWriter.read(b).get("digest"));
    assertEquals(SummaryWriter.read(a).get("structural"), SummaryWriter.read(b).get("structural"));
  }

  @Test
  void run_modelTooLargeForTheDevice_isRefusedWithEstimateAndLimit() {
    NativeTestSupport.device();
    assertEquals(2, main("run", "--backend", "opencl", "--duration", "10ms", "--set",
        "neurons.net.size=40000", "--set",
        "neurons.net.populations={E=[0,32000],I=[32000,40000]}", "--set",
        "projections.ee.connectivity.storage=slots", "--set",
        "projections.ie.connectivity.storage=slots"));
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
