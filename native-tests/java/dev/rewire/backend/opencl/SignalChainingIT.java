package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.opencl.cl.SignalChaining;
import dev.rewire.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM keeps its signal handlers while PoCL is loaded: the test JVMs and the {@code rewire}
 * launcher preload libjsig, and a JVM without it says so when it runs OpenCL.
 */
class SignalChainingIT {
  @TempDir
  Path dir;

  @Test
  void testJvm_preloadsTheSignalChainingLibrary() {
    NativeTestSupport.device();
    assertTrue(Files.exists(SignalChaining.library()), SignalChaining.library().toString());
    assertNull(SignalChaining.warning(), "the build's test JVMs preload libjsig (pom.xml)");
  }

  @Test
  void launcher_keepsTheJvmHandlers_evenWithoutLdPreloadInItsEnvironment() throws Exception {
    NativeTestSupport.device();
    // -Xcheck:jni reports every JVM signal handler that native code replaced.
    String said = runChild(List.of(Path.of("rewire").toAbsolutePath().toString(), "run",
        "--backend", "opencl", "--duration", "0.3s", "--quiet"), "-Xcheck:jni");
    assertFalse(said.contains("handler modified") || said.contains("Handler was modified"), said);
    assertFalse(said.contains("signal-chaining"), said);
  }

  @Test
  void plainJava_withoutTheLibrary_warnsWhenItRunsOpenCl() throws Exception {
    NativeTestSupport.device();
    String said = runChild(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--backend", "opencl", "--duration", "0.1s", "--quiet"), null);
    assertTrue(said.contains("rewire: warning: the JVM runs without its signal-chaining library"),
        said);
    assertTrue(said.contains("LD_PRELOAD=" + SignalChaining.library()), said);
  }

  /** Runs {@code cmd} with LD_PRELOAD removed from its environment; its output. */
  private String runChild(List<String> cmd, String javaOpts) throws IOException,
      InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile());
    pb.environment().remove("LD_PRELOAD");
    if (javaOpts != null) {
      pb.environment().put("REWIRE_JAVA_OPTS", javaOpts);
    }
    Process child = pb.start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
    String said = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), said);
    return said;
  }
}
