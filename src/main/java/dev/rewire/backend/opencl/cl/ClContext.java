package dev.rewire.backend.opencl.cl;

import static org.lwjgl.opencl.CL10.CL_CONTEXT_PLATFORM;
import static org.lwjgl.opencl.CL10.CL_MEM_READ_WRITE;
import static org.lwjgl.opencl.CL10.CL_PROGRAM_BUILD_LOG;
import static org.lwjgl.opencl.CL10.CL_QUEUE_PROFILING_ENABLE;
import static org.lwjgl.opencl.CL10.clBuildProgram;
import static org.lwjgl.opencl.CL10.clCreateBuffer;
import static org.lwjgl.opencl.CL10.clCreateCommandQueue;
import static org.lwjgl.opencl.CL10.clCreateContext;
import static org.lwjgl.opencl.CL10.clCreateProgramWithSource;
import static org.lwjgl.opencl.CL10.clFinish;
import static org.lwjgl.opencl.CL10.clGetProgramBuildInfo;
import static org.lwjgl.opencl.CL10.clReleaseCommandQueue;
import static org.lwjgl.opencl.CL10.clReleaseContext;
import static org.lwjgl.opencl.CL10.clReleaseProgram;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A context and an in-order command queue on one device. Everything created through it (programs,
 * kernels, buffers) is released by {@link #close()}, in reverse order of creation.
 */
public final class ClContext implements AutoCloseable {
  /**
   * Build options of every program: IEEE float semantics, nothing fast and loose; the kernels'
   * argument names kept (arguments are set by name, {@link ClKernel}); and correctly rounded
   * division and sqrt where the device has them (rules and models may divide).
   */
  static final String BUILD_OPTIONS = "-cl-std=CL1.2 -cl-kernel-arg-info";

  private final ClDevice device;
  private final long context;
  private final long queue;
  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  private final KernelProfile profile;
  private long bytesRead;

  public ClContext(ClDevice device) {
    this(device, false);
  }

  /** With {@code profile}, every launch is timed with OpenCL event profiling. */
  public ClContext(ClDevice device, boolean profile) {
    this.device = device;
    this.profile = profile ? new KernelProfile() : null;
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer err = stack.mallocInt(1);
      PointerBuffer props = stack.mallocPointer(3)
          .put(CL_CONTEXT_PLATFORM).put(device.platformId()).put(0).flip();
      context = clCreateContext(props, device.deviceId(), null, 0L, err);
      ClError.check(err.get(0), "clCreateContext");
      queue = clCreateCommandQueue(context, device.deviceId(),
          profile ? CL_QUEUE_PROFILING_ENABLE : 0L, err);
      if (err.get(0) != 0) {
        clReleaseContext(context);
        ClError.check(err.get(0), "clCreateCommandQueue");
      }
    }
  }

  public ClDevice device() {
    return device;
  }

  long queue() {
    return queue;
  }

  /** Bytes read back from the device so far (every blocking read of a buffer). */
  public long bytesRead() {
    return bytesRead;
  }

  void countRead(long bytes) {
    bytesRead += bytes;
  }

  /** The kernel timings, or null when profiling is off. */
  public KernelProfile profile() {
    return profile;
  }

  /**
   * Builds {@code source}; {@code name} names the program in errors. Throws with the build log.
   * The build runs on a thread of its own with a large stack: an OpenCL compiler that runs in the
   * process (PoCL's clang) recurses on nested expressions, and a thread's default stack is small.
   */
  public ClProgram build(String name, String source) {
    ClProgram[] built = new ClProgram[1];
    RuntimeException[] failed = new RuntimeException[1];
    Thread t = new Thread(null, () -> {
      try {
        built[0] = buildHere(name, source);
      } catch (RuntimeException e) {
        failed[0] = e;
      }
    }, "opencl-build", 256L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building " + name, e);
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    return built[0];
  }

  private ClProgram buildHere(String name, String source) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer err = stack.mallocInt(1);
      long program = clCreateProgramWithSource(context, source, err);
      ClError.check(err.get(0), "clCreateProgramWithSource", name);
      int built = clBuildProgram(program, device.deviceId(), device.roundedDivideSqrt()
          ? BUILD_OPTIONS + " -cl-fp32-correctly-rounded-divide-sqrt" : BUILD_OPTIONS, null, 0L);
      if (built != 0) {
        String log = buildLog(program);
        clReleaseProgram(program);
        throw new ClException("clBuildProgram", built, name, log);
      }
      return own(new ClProgram(program, name));
    }
  }

  /** A device buffer of {@code bytes} bytes, zero-filled. */
  public ClBuffer buffer(String name, long bytes) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer err = stack.mallocInt(1);
      long size = (Math.max(bytes, 4) + 3) / 4 * 4; // whole ints, so a 4-byte fill covers it
      long mem = clCreateBuffer(context, CL_MEM_READ_WRITE, size, err);
      ClError.check(err.get(0), "clCreateBuffer(" + name + ", " + size + " bytes)");
      ClBuffer b = own(new ClBuffer(this, mem, name, size));
      b.zero();
      return b;
    }
  }

  /** A buffer holding {@code data}. */
  public ClBuffer buffer(String name, int[] data) {
    ClBuffer b = buffer(name, 4L * data.length);
    if (data.length > 0) {
      b.write(data);
    }
    return b;
  }

  public ClBuffer buffer(String name, float[] data) {
    ClBuffer b = buffer(name, 4L * data.length);
    if (data.length > 0) {
      b.write(data);
    }
    return b;
  }

  public ClBuffer buffer(String name, long[] data) {
    ClBuffer b = buffer(name, 8L * data.length);
    if (data.length > 0) {
      b.write(data);
    }
    return b;
  }

  /** Waits until every command enqueued so far has finished. */
  public void finish() {
    ClError.check(clFinish(queue), "clFinish");
  }

  <T extends AutoCloseable> T own(T resource) {
    owned.push(resource);
    return resource;
  }

  private String buildLog(long program) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      PointerBuffer size = stack.mallocPointer(1);
      clGetProgramBuildInfo(program, device.deviceId(), CL_PROGRAM_BUILD_LOG, (ByteBuffer) null,
          size);
      ByteBuffer log = MemoryUtil.memAlloc((int) Math.max(1, size.get(0)));
      try {
        clGetProgramBuildInfo(program, device.deviceId(), CL_PROGRAM_BUILD_LOG, log, null);
        return MemoryUtil.memUTF8(log, (int) Math.max(0, size.get(0) - 1));
      } finally {
        MemoryUtil.memFree(log);
      }
    }
  }

  @Override
  public void close() {
    // Nothing enqueued may still run when its buffers and kernels go (an error can leave work).
    clFinish(queue);
    if (profile != null) {
      profile.collect();
    }
    RuntimeException first = null;
    while (!owned.isEmpty()) {
      try {
        owned.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    }
    clReleaseCommandQueue(queue);
    clReleaseContext(context);
    if (first != null) {
      throw first;
    }
  }
}
