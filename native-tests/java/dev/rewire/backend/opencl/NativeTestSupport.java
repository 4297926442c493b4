package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.Devices;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the device the native tests run on. In CI (environment variable CI set) a missing OpenCL
 * platform is a failure; a developer without one gets a loud skip.
 */
public final class NativeTestSupport {
  private NativeTestSupport() {}

  /** The first usable device, honouring REWIRE_TEST_DEVICE (an index or a name substring). */
  public static ClDevice device() {
    List<ClDevice> devices = Devices.list();
    String why = Devices.unavailableReason();
    if (devices.isEmpty()) {
      String msg = "no OpenCL platform/device found" + (why == null ? "" : ": " + why)
          + ". Install one: apt-get install -y pocl-opencl-icd ocl-icd-libopencl1";
      if (System.getenv("CI") != null) {
        fail("CI must run the native tests, but " + msg);
      }
      System.err.println("\n*** SKIPPING NATIVE TESTS: " + msg + " ***\n");
      Assumptions.abort(msg);
    }
    String want = System.getenv("REWIRE_TEST_DEVICE");
    for (ClDevice d : devices) {
      boolean chosen = want == null ? d.usable()
          : want.equals(Integer.toString(d.index())) || d.name().contains(want);
      if (chosen) {
        return d;
      }
    }
    fail("no usable OpenCL device among " + devices + (want == null ? "" : " matching " + want));
    return null;
  }

  /** The text of a test kernel file under native-tests/resources/native/. */
  public static String testKernel(String file) {
    try (var in = NativeTestSupport.class.getResourceAsStream("/native/" + file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("missing test kernel " + file, e);
    }
  }
}
