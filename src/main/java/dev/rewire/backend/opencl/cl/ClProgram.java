package dev.rewire.backend.opencl.cl;

import static org.lwjgl.opencl.CL10.clCreateKernel;
import static org.lwjgl.opencl.CL10.clReleaseProgram;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;

/** A built program; its kernels are released before it (they are created after it). */
public final class ClProgram implements AutoCloseable {
  private final long program;
  private final String name;

  ClProgram(long program, String name) {
    this.program = program;
    this.name = name;
  }

  /** The kernel {@code kernelName} of this program, owned by {@code ctx}. */
  public ClKernel kernel(ClContext ctx, String kernelName) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer err = stack.mallocInt(1);
      long kernel = clCreateKernel(program, kernelName, err);
      ClError.check(err.get(0), "clCreateKernel", kernelName);
      return ctx.own(new ClKernel(ctx, kernel, kernelName));
    }
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    clReleaseProgram(program);
  }
}
