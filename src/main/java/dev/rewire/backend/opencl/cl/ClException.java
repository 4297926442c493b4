package dev.rewire.backend.opencl.cl;

/**
 * A failed OpenCL call: names the call, the error symbol, the kernel (where there is one) and, for
 * a failed build, carries the build log.
 */
public final class ClException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  ClException(String call, int code, String kernel, String buildLog) {
    super(call + " failed with " + ClError.name(code)
        + (kernel == null ? "" : " (kernel " + kernel + ")")
        + (buildLog == null || buildLog.isBlank() ? "" : "\nbuild log:\n" + buildLog.strip()));
    this.code = code;
  }

  /** The OpenCL error code. */
  public int code() {
    return code;
  }

  /** True for the errors that mean the device ran out of memory or resources. */
  public boolean isOutOfResources() {
    return code == -4 || code == -5 || code == -6;
  }
}
