/**
 * OpenCL through LWJGL, wrapped: devices, a context with its in-order queue, programs (built with
 * the build log in any error), kernels whose arguments are set by the names of their signature,
 * buffers; every native object released in reverse order of creation, every error naming the call,
 * the error symbol and the kernel.
 */
package dev.rewire.backend.opencl.cl;
