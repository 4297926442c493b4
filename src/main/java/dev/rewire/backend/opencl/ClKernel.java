package dev.rewire.backend.opencl;

import static org.lwjgl.opencl.CL10.clEnqueueNDRangeKernel;
import static org.lwjgl.opencl.CL10.clReleaseKernel;
import static org.lwjgl.opencl.CL10.clSetKernelArg;
import static org.lwjgl.opencl.CL10.clSetKernelArg1f;
import static org.lwjgl.opencl.CL10.clSetKernelArg1i;
import static org.lwjgl.opencl.CL10.clSetKernelArg1l;
import static org.lwjgl.opencl.CL10.clSetKernelArg1p;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * A kernel: arguments by index (each phase's host class sets them in one method, in the order of
 * the .cl signature, with named constants) and a 1-D launch.
 */
public final class ClKernel implements AutoCloseable {
  private final ClContext context;
  private final long kernel;
  private final String name;

  ClKernel(ClContext context, long kernel, String name) {
    this.context = context;
    this.kernel = kernel;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public ClKernel arg(int index, ClBuffer buffer) {
    ClError.check(clSetKernelArg1p(kernel, index, buffer.handle()), "clSetKernelArg(" + index
        + ", " + buffer.name() + ")", name);
    return this;
  }

  public ClKernel arg(int index, int value) {
    ClError.check(clSetKernelArg1i(kernel, index, value), "clSetKernelArg(" + index + ")", name);
    return this;
  }

  public ClKernel arg(int index, long value) {
    ClError.check(clSetKernelArg1l(kernel, index, value), "clSetKernelArg(" + index + ")", name);
    return this;
  }

  public ClKernel arg(int index, float value) {
    ClError.check(clSetKernelArg1f(kernel, index, value), "clSetKernelArg(" + index + ")", name);
    return this;
  }

  /** Local memory of {@code bytes} bytes for argument {@code index}. */
  public ClKernel local(int index, long bytes) {
    ClError.check(clSetKernelArg(kernel, index, bytes), "clSetKernelArg(" + index + ", local)",
        name);
    return this;
  }

  /** Enqueues {@code globalSize} work-items (rounded up to whole groups of {@code localSize} if > 0). */
  public void launch(long globalSize, long localSize) {
    if (globalSize == 0) {
      return;
    }
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long global = localSize > 0 ? (globalSize + localSize - 1) / localSize * localSize : globalSize;
      PointerBuffer g = stack.mallocPointer(1).put(0, global);
      PointerBuffer l = localSize > 0 ? stack.mallocPointer(1).put(0, localSize) : null;
      KernelProfile profile = context.profile();
      PointerBuffer event = profile == null ? null : stack.mallocPointer(1);
      ClError.check(clEnqueueNDRangeKernel(context.queue(), kernel, 1, null, g, l, null, event),
          "clEnqueueNDRangeKernel", name);
      if (profile != null) {
        profile.add(name, event.get(0));
      }
    }
  }

  @Override
  public void close() {
    clReleaseKernel(kernel);
  }
}
