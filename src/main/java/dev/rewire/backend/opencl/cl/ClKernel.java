package dev.rewire.backend.opencl.cl;

import static org.lwjgl.opencl.CL10.clEnqueueNDRangeKernel;
import static org.lwjgl.opencl.CL10.clGetKernelInfo;
import static org.lwjgl.opencl.CL10.clReleaseKernel;
import static org.lwjgl.opencl.CL10.clSetKernelArg;
import static org.lwjgl.opencl.CL10.clSetKernelArg1f;
import static org.lwjgl.opencl.CL10.clSetKernelArg1i;
import static org.lwjgl.opencl.CL10.clSetKernelArg1l;
import static org.lwjgl.opencl.CL10.clSetKernelArg1p;
import static org.lwjgl.opencl.CL12.CL_KERNEL_ARG_NAME;
import static org.lwjgl.opencl.CL12.clGetKernelArgInfo;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A kernel whose arguments are set by the names of its signature in the .cl source (read from the
 * built program: programs are built with {@code -cl-kernel-arg-info}), so no argument is numbered
 * by hand; a launch with an argument never set is refused naming it. {@link #arg(String)} gives an
 * argument's handle, for one that changes every launch.
 */
public final class ClKernel implements AutoCloseable {
  private final ClContext context;
  private final long kernel;
  private final String name;
  private final Map<String, Integer> index = new HashMap<>();
  private final String[] names;
  private final BitSet set = new BitSet();

  ClKernel(ClContext context, long kernel, String name) {
    this.context = context;
    this.kernel = kernel;
    this.name = name;
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer count = stack.mallocInt(1);
      ClError.check(clGetKernelInfo(kernel, org.lwjgl.opencl.CL10.CL_KERNEL_NUM_ARGS, count, null),
          "clGetKernelInfo(CL_KERNEL_NUM_ARGS)", name);
      names = new String[count.get(0)];
      for (int k = 0; k < names.length; k++) {
        // PoCL reports an argument named like a built-in function (step) as _cl_step.
        String reported = argName(k);
        names[k] = reported.startsWith("_cl_") ? reported.substring(4) : reported;
        index.put(names[k], k);
      }
    }
  }

  private String argName(int k) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      PointerBuffer size = stack.mallocPointer(1);
      ClError.check(clGetKernelArgInfo(kernel, k, CL_KERNEL_ARG_NAME, (ByteBuffer) null, size),
          "clGetKernelArgInfo(" + k + ", CL_KERNEL_ARG_NAME)", name);
      ByteBuffer b = MemoryUtil.memAlloc((int) Math.max(1, size.get(0)));
      try {
        ClError.check(clGetKernelArgInfo(kernel, k, CL_KERNEL_ARG_NAME, b, null),
            "clGetKernelArgInfo(" + k + ", CL_KERNEL_ARG_NAME)", name);
        return MemoryUtil.memUTF8(b, (int) Math.max(0, size.get(0) - 1));
      } finally {
        MemoryUtil.memFree(b);
      }
    }
  }

  public String name() {
    return name;
  }

  /** The argument named {@code arg}, to set again and again without looking it up. */
  public Arg arg(String arg) {
    Integer k = index.get(arg);
    if (k == null) {
      throw new IllegalArgumentException("kernel " + name + " has no argument '" + arg
          + "'; its arguments: " + String.join(", ", names));
    }
    return new Arg(k);
  }

  /** Whether the kernel has an argument named {@code arg}. */
  public boolean has(String arg) {
    return index.containsKey(arg);
  }

  public ClKernel arg(String arg, ClBuffer buffer) {
    arg(arg).set(buffer);
    return this;
  }

  public ClKernel arg(String arg, int value) {
    arg(arg).set(value);
    return this;
  }

  public ClKernel arg(String arg, long value) {
    arg(arg).set(value);
    return this;
  }

  public ClKernel arg(String arg, float value) {
    arg(arg).set(value);
    return this;
  }

  /** Local memory of {@code bytes} bytes for argument {@code arg}. */
  public ClKernel local(String arg, long bytes) {
    arg(arg).local(bytes);
    return this;
  }

  /** One argument of the kernel. */
  public final class Arg {
    private final int k;

    private Arg(int k) {
      this.k = k;
    }

    private String call(String what) {
      return "clSetKernelArg(" + names[k] + what + ")";
    }

    public void set(ClBuffer buffer) {
      ClError.check(clSetKernelArg1p(kernel, k, buffer.handle()), call(", " + buffer.name()),
          name);
      set.set(k);
    }

    public void set(int value) {
      ClError.check(clSetKernelArg1i(kernel, k, value), call(""), name);
      set.set(k);
    }

    public void set(long value) {
      ClError.check(clSetKernelArg1l(kernel, k, value), call(""), name);
      set.set(k);
    }

    public void set(float value) {
      ClError.check(clSetKernelArg1f(kernel, k, value), call(""), name);
      set.set(k);
    }

    public void local(long bytes) {
      ClError.check(clSetKernelArg(kernel, k, bytes), call(", local"), name);
      set.set(k);
    }
  }

  /** Enqueues {@code globalSize} work-items (rounded up to whole groups of {@code localSize} if > 0). */
  public void launch(long globalSize, long localSize) {
    if (globalSize == 0) {
      return;
    }
    if (set.cardinality() < names.length) {
      StringBuilder unset = new StringBuilder();
      for (int k = set.nextClearBit(0); k < names.length; k = set.nextClearBit(k + 1)) {
        unset.append(unset.length() == 0 ? "" : ", ").append(names[k]);
      }
      throw new IllegalStateException("kernel " + name + " launched with arguments never set: "
          + unset);
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
