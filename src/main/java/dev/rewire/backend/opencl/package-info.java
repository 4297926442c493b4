/**
 * The OpenCL backend's host side, through LWJGL: finding platforms and devices, and small
 * AutoCloseable wrappers for context, queue, program, kernel and buffer that are released in reverse
 * order of creation. Every failing OpenCL call becomes a {@link dev.rewire.backend.opencl.ClException}
 * naming the call, the error symbol and the kernel; a failed build carries the build log. Kernel
 * sources live in {@code kernels/} (one file per phase) and are loaded from the jar.
 */
package dev.rewire.backend.opencl;
