package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.backend.opencl.cl.ClException;
import dev.rewire.backend.opencl.cl.ClProgram;
import org.junit.jupiter.api.Test;

class ClContextIT {
  @Test
  void build_ofBrokenSource_namesCallSymbolProgramAndShowsTheLog() {
    try (ClContext ctx = new ClContext(NativeTestSupport.device())) {
      ClException e = assertThrows(ClException.class,
          () -> ctx.build("broken", "__kernel void k(__global int *x) { x[0] = undefined_name; }"));
      assertTrue(e.getMessage().startsWith("clBuildProgram failed with CL_BUILD_PROGRAM_FAILURE "
          + "(kernel broken)"), e.getMessage());
      assertTrue(e.getMessage().contains("build log:") && e.getMessage().contains("undefined_name"),
          e.getMessage());
    }
  }

  @Test
  void kernel_withAWrongName_namesTheKernel() {
    try (ClContext ctx = new ClContext(NativeTestSupport.device())) {
      ClProgram p = ctx.build("one", "__kernel void present(__global int *x) { x[0] = 1; }");
      ClException e = assertThrows(ClException.class, () -> p.kernel(ctx, "absent"));
      assertEquals("clCreateKernel failed with CL_INVALID_KERNEL_NAME (kernel absent)",
          e.getMessage());
    }
  }

  @Test
  void buffers_roundTripAndStartZeroed() {
    try (ClContext ctx = new ClContext(NativeTestSupport.device())) {
      ClBuffer b = ctx.buffer("b", 4 * 1000);
      int[] zero = new int[1000];
      b.read(zero);
      assertEquals(0, java.util.Arrays.stream(zero).sum());
      int[] data = java.util.stream.IntStream.range(0, 1000).toArray();
      b.write(data);
      int[] back = new int[1000];
      b.read(back);
      assertTrue(java.util.Arrays.equals(data, back));
    }
  }

  @Test
  void devices_reportWhatRewireNeeds() {
    ClDevice d = NativeTestSupport.device();
    assertTrue(d.usable(), d.toString());
    assertTrue(d.globalMemBytes() > 0 && d.computeUnits() > 0, d.toString());
    assertTrue(d.openClC().startsWith("OpenCL C"), d.openClC());
  }
}
