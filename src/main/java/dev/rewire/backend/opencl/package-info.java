/**
 * The OpenCL backend ({@link dev.rewire.backend.opencl.OpenClBackend}): results identical to the Java
 * backend's, bit for bit, on any device with IEEE float32, denormals and 64-bit integer atomics.
 * Its parts: {@code cl} wraps OpenCL (contexts, programs, kernels whose arguments are set by name,
 * buffers; errors name the call, the error symbol and the kernel); {@code device} is what both
 * engines share (the program of a network's shape, its state laid out as the plan's state layout
 * declares it, the parameters); {@code resident} runs batches of networks, one per work-group, many
 * steps per launch; {@code step} runs one large network by a launch per phase and step.
 */
package dev.rewire.backend.opencl;
