/**
 * What both OpenCL engines share: a network's shape as the header of their program
 * ({@link dev.rewire.backend.opencl.device.DeviceShape}), the program itself with the generated code
 * of the plan's neuron models and plasticity rules, a batch's state laid out by the plan's state
 * layout ({@link dev.rewire.backend.opencl.device.DeviceState}), its parameters and geometry.
 */
package dev.rewire.backend.opencl.device;
