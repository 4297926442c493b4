package dev.rewire.backend.opencl.cl;

/**
 * An OpenCL device and what rewire needs from it.
 *
 * @param index position in the list of all devices of all platforms ({@code --device N})
 * @param platform platform name
 * @param name device name
 * @param version the device's OpenCL version string
 * @param openClC the OpenCL C version it compiles
 * @param globalMemBytes global memory size
 * @param maxAllocBytes the largest buffer it allocates
 * @param computeUnits number of compute units
 * @param int64Atomics has cl_khr_int64_base_atomics (64-bit fixed-point conductance sums)
 * @param denormals single-precision arithmetic keeps denormals (CL_FP_DENORM)
 * @param roundedDivideSqrt single-precision division and sqrt can be correctly rounded
 *     (CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT), which rules that divide or take roots need
 * @param cpu the device is a CPU (CL_DEVICE_TYPE_CPU), e.g. PoCL
 * @param localMemBytes local memory of a work-group (CL_DEVICE_LOCAL_MEM_SIZE)
 * @param maxWorkGroupSize work-items of a work-group at most
 * @param platformId the cl_platform_id handle
 * @param deviceId the cl_device_id handle
 */
public record ClDevice(int index, String platform, String name, String version, String openClC,
    long globalMemBytes, long maxAllocBytes, int computeUnits, boolean int64Atomics,
    boolean denormals, boolean roundedDivideSqrt, boolean cpu, long localMemBytes, int maxWorkGroupSize, long platformId,
    long deviceId) {

  /** True if the device can run rewire's kernels with results identical to the Java backend. */
  public boolean usable() {
    return int64Atomics && denormals;
  }

  /** Why the device is not usable, or "" if it is. */
  public String missing() {
    StringBuilder sb = new StringBuilder();
    if (!int64Atomics) {
      sb.append("cl_khr_int64_base_atomics");
    }
    if (!denormals) {
      sb.append(sb.length() > 0 ? ", " : "").append("single-precision denormals");
    }
    return sb.toString();
  }
}
