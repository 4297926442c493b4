package dev.rewire.backend.opencl.cl;

import static org.lwjgl.opencl.CL10.CL_DEVICE_EXTENSIONS;
import static org.lwjgl.opencl.CL10.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_NAME;
import static org.lwjgl.opencl.CL10.CL_DEVICE_SINGLE_FP_CONFIG;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE_ALL;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE_CPU;
import static org.lwjgl.opencl.CL10.CL_DEVICE_VERSION;
import static org.lwjgl.opencl.CL10.CL_FP_DENORM;
import static org.lwjgl.opencl.CL10.CL_PLATFORM_NAME;
import static org.lwjgl.opencl.CL10.clGetDeviceIDs;
import static org.lwjgl.opencl.CL10.clGetDeviceInfo;
import static org.lwjgl.opencl.CL10.clGetPlatformIDs;
import static org.lwjgl.opencl.CL10.clGetPlatformInfo;
import static org.lwjgl.opencl.CL11.CL_DEVICE_OPENCL_C_VERSION;
import static org.lwjgl.opencl.CL12.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/** Lists the OpenCL platforms and devices of this machine. */
public final class Devices {
  private Devices() {}

  /**
   * Every device of every platform, in platform order. Empty when there is no OpenCL runtime or no
   * platform; {@link #unavailableReason()} then says why.
   */
  public static List<ClDevice> list() {
    List<ClDevice> out = new ArrayList<>();
    if (OpenCl.load() != null) {
      return out;
    }
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer count = stack.mallocInt(1);
      int err = clGetPlatformIDs(null, count);
      if (err == -1001 || count.get(0) == 0) {
        return out;
      }
      ClError.check(err, "clGetPlatformIDs");
      PointerBuffer platforms = stack.mallocPointer(count.get(0));
      ClError.check(clGetPlatformIDs(platforms, (IntBuffer) null), "clGetPlatformIDs");
      for (int p = 0; p < platforms.capacity(); p++) {
        long platform = platforms.get(p);
        String platformName = platformString(platform, CL_PLATFORM_NAME);
        IntBuffer n = stack.mallocInt(1);
        err = clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, null, n);
        if (err == -1 || n.get(0) == 0) { // CL_DEVICE_NOT_FOUND
          continue;
        }
        ClError.check(err, "clGetDeviceIDs");
        PointerBuffer ids = stack.mallocPointer(n.get(0));
        ClError.check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids, (IntBuffer) null),
            "clGetDeviceIDs");
        for (int d = 0; d < ids.capacity(); d++) {
          long device = ids.get(d);
          String extensions = deviceString(device, CL_DEVICE_EXTENSIONS);
          out.add(new ClDevice(out.size(), platformName, deviceString(device, CL_DEVICE_NAME),
              deviceString(device, CL_DEVICE_VERSION),
              deviceString(device, CL_DEVICE_OPENCL_C_VERSION),
              deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE),
              deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
              (int) deviceLong(device, CL_DEVICE_MAX_COMPUTE_UNITS, 4),
              extensions.contains("cl_khr_int64_base_atomics"),
              (deviceLong(device, CL_DEVICE_SINGLE_FP_CONFIG) & CL_FP_DENORM) != 0,
              (deviceLong(device, CL_DEVICE_SINGLE_FP_CONFIG)
                  & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0,
              (deviceLong(device, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_CPU) != 0,
              deviceLong(device, CL_DEVICE_LOCAL_MEM_SIZE),
              (int) Math.min(Integer.MAX_VALUE, deviceLong(device, CL_DEVICE_MAX_WORK_GROUP_SIZE)),
              platform, device));
        }
      }
    }
    return out;
  }

  /** Why no device can be listed: the runtime failed to load, or null if it loaded. */
  public static String unavailableReason() {
    return OpenCl.load();
  }

  private static String platformString(long platform, int param) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      PointerBuffer size = stack.mallocPointer(1);
      ClError.check(clGetPlatformInfo(platform, param, (ByteBuffer) null, size),
          "clGetPlatformInfo");
      ByteBuffer buf = MemoryUtil.memAlloc((int) size.get(0));
      try {
        ClError.check(clGetPlatformInfo(platform, param, buf, null), "clGetPlatformInfo");
        return MemoryUtil.memUTF8(buf, (int) size.get(0) - 1).strip();
      } finally {
        MemoryUtil.memFree(buf);
      }
    }
  }

  private static String deviceString(long device, int param) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      PointerBuffer size = stack.mallocPointer(1);
      ClError.check(clGetDeviceInfo(device, param, (ByteBuffer) null, size), "clGetDeviceInfo");
      ByteBuffer buf = MemoryUtil.memAlloc((int) size.get(0));
      try {
        ClError.check(clGetDeviceInfo(device, param, buf, null), "clGetDeviceInfo");
        return MemoryUtil.memUTF8(buf, (int) size.get(0) - 1).strip();
      } finally {
        MemoryUtil.memFree(buf);
      }
    }
  }

  private static long deviceLong(long device, int param) {
    return deviceLong(device, param, 8);
  }

  private static long deviceLong(long device, int param, int bytes) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      ByteBuffer buf = stack.calloc(8);
      ClError.check(clGetDeviceInfo(device, param, buf, null), "clGetDeviceInfo");
      return bytes == 4 ? buf.getInt(0) : buf.getLong(0);
    }
  }

}
