package dev.rewire.backend.opencl.cl;

import static org.lwjgl.opencl.CL10.clEnqueueReadBuffer;
import static org.lwjgl.opencl.CL10.clEnqueueWriteBuffer;
import static org.lwjgl.opencl.CL10.clReleaseMemObject;
import static org.lwjgl.opencl.CL12.clEnqueueFillBuffer;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A device buffer with blocking writes of whole Java arrays and blocking reads of its first
 * {@code out.length} elements into an array: a reader sizes the array to what was written.
 */
public final class ClBuffer implements AutoCloseable {
  private final ClContext context;
  private final long mem;
  private final String name;
  private final long bytes;

  ClBuffer(ClContext context, long mem, String name, long bytes) {
    this.context = context;
    this.mem = mem;
    this.name = name;
    this.bytes = bytes;
  }

  long handle() {
    return mem;
  }

  public String name() {
    return name;
  }

  public long bytes() {
    return bytes;
  }

  public void zero() {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      ByteBuffer pattern = stack.calloc(4);
      ClError.check(clEnqueueFillBuffer(context.queue(), mem, pattern, 0, Math.max(bytes, 4),
          null, null), "clEnqueueFillBuffer(" + name + ")");
    }
  }

  public void write(int[] data) {
    ClError.check(clEnqueueWriteBuffer(context.queue(), mem, true, 0, data, null, null),
        "clEnqueueWriteBuffer(" + name + ")");
  }

  public void write(float[] data) {
    ClError.check(clEnqueueWriteBuffer(context.queue(), mem, true, 0, data, null, null),
        "clEnqueueWriteBuffer(" + name + ")");
  }

  public void write(long[] data) {
    ByteBuffer b = MemoryUtil.memAlloc(data.length * 8);
    try {
      b.asLongBuffer().put(data);
      ClError.check(clEnqueueWriteBuffer(context.queue(), mem, true, 0, b, null, null),
          "clEnqueueWriteBuffer(" + name + ")");
    } finally {
      MemoryUtil.memFree(b);
    }
  }

  /** Writes {@code data} at element {@code offset} (ints). */
  public void write(long offset, int[] data) {
    if (data.length > 0) {
      ClError.check(clEnqueueWriteBuffer(context.queue(), mem, true, 4 * offset, data, null, null),
          "clEnqueueWriteBuffer(" + name + ")");
    }
  }

  /** Writes {@code data} at element {@code offset} (floats). */
  public void write(long offset, float[] data) {
    if (data.length > 0) {
      ClError.check(clEnqueueWriteBuffer(context.queue(), mem, true, 4 * offset, data, null, null),
          "clEnqueueWriteBuffer(" + name + ")");
    }
  }

  /** Writes {@code data} at element {@code offset} (longs). */
  public void write(long offset, long[] data) {
    if (data.length == 0) {
      return;
    }
    ByteBuffer b = MemoryUtil.memAlloc(data.length * 8);
    try {
      b.asLongBuffer().put(data);
      ClError.check(clEnqueueWriteBuffer(context.queue(), mem, true, 8 * offset, b, null, null),
          "clEnqueueWriteBuffer(" + name + ")");
    } finally {
      MemoryUtil.memFree(b);
    }
  }

  /** Reads {@code out.length} ints from element {@code offset}. */
  public void read(long offset, int[] out) {
    if (out.length == 0) {
      return;
    }
    ClError.check(clEnqueueReadBuffer(context.queue(), mem, true, 4 * offset, out, null, null),
        "clEnqueueReadBuffer(" + name + ")");
    context.countRead(4L * out.length);
  }

  /** Reads {@code out.length} floats from element {@code offset}. */
  public void read(long offset, float[] out) {
    if (out.length == 0) {
      return;
    }
    ClError.check(clEnqueueReadBuffer(context.queue(), mem, true, 4 * offset, out, null, null),
        "clEnqueueReadBuffer(" + name + ")");
    context.countRead(4L * out.length);
  }

  /** Reads {@code out.length} longs from element {@code offset}. */
  public void read(long offset, long[] out) {
    if (out.length == 0) {
      return;
    }
    context.countRead(8L * out.length);
    ByteBuffer b = MemoryUtil.memAlloc(out.length * 8);
    try {
      ClError.check(clEnqueueReadBuffer(context.queue(), mem, true, 8 * offset, b, null, null),
          "clEnqueueReadBuffer(" + name + ")");
      b.asLongBuffer().get(out);
    } finally {
      MemoryUtil.memFree(b);
    }
  }

  /** Sets the first int of the buffer to 0, without waiting (counters reset every step). */
  public void zeroFirstInt() {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      ByteBuffer pattern = stack.calloc(4);
      ClError.check(clEnqueueFillBuffer(context.queue(), mem, pattern, 0, 4, null, null),
          "clEnqueueFillBuffer(" + name + ")");
    }
  }

  public void read(int[] out) {
    if (out.length == 0) {
      return;
    }
    ClError.check(clEnqueueReadBuffer(context.queue(), mem, true, 0, out, null, null),
        "clEnqueueReadBuffer(" + name + ")");
    context.countRead(4L * out.length);
  }

  public void read(float[] out) {
    if (out.length == 0) {
      return;
    }
    ClError.check(clEnqueueReadBuffer(context.queue(), mem, true, 0, out, null, null),
        "clEnqueueReadBuffer(" + name + ")");
    context.countRead(4L * out.length);
  }

  public void read(long[] out) {
    if (out.length == 0) {
      return;
    }
    context.countRead(8L * out.length);
    ByteBuffer b = MemoryUtil.memAlloc(out.length * 8);
    try {
      ClError.check(clEnqueueReadBuffer(context.queue(), mem, true, 0, b, null, null),
          "clEnqueueReadBuffer(" + name + ")");
      b.asLongBuffer().get(out);
    } finally {
      MemoryUtil.memFree(b);
    }
  }

  @Override
  public void close() {
    clReleaseMemObject(mem);
  }
}
