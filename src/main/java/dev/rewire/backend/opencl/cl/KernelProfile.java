package dev.rewire.backend.opencl.cl;

import static org.lwjgl.opencl.CL10.CL_PROFILING_COMMAND_END;
import static org.lwjgl.opencl.CL10.CL_PROFILING_COMMAND_START;
import static org.lwjgl.opencl.CL10.clGetEventProfilingInfo;
import static org.lwjgl.opencl.CL10.clReleaseEvent;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lwjgl.system.MemoryStack;

/**
 * Device time per kernel, from OpenCL event profiling: each launch leaves an event, and
 * {@link #collect()} (after the queue has finished them) adds up their start-to-end times.
 */
public final class KernelProfile {
  private final List<String> names = new ArrayList<>();
  private final List<Long> events = new ArrayList<>();
  private final Map<String, long[]> totals = new LinkedHashMap<>();

  void add(String kernel, long event) {
    names.add(kernel);
    events.add(event);
  }

  /** Adds the timings of the finished launches to the totals and releases their events. */
  public void collect() {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      LongBuffer t = stack.mallocLong(1);
      for (int k = 0; k < events.size(); k++) {
        long e = events.get(k);
        ClError.check(clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_START, t, null),
            "clGetEventProfilingInfo", names.get(k));
        long start = t.get(0);
        ClError.check(clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_END, t, null),
            "clGetEventProfilingInfo", names.get(k));
        long[] acc = totals.computeIfAbsent(names.get(k), n -> new long[2]);
        acc[0] += t.get(0) - start;
        acc[1]++;
        clReleaseEvent(e);
      }
    }
    names.clear();
    events.clear();
  }

  /** Kernel name to {total device nanoseconds, launches}, in order of first launch. */
  public Map<String, long[]> totals() {
    return totals;
  }
}
