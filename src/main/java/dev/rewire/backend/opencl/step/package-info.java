/**
 * The per-step engine: one network, a launch per phase and step, for networks too large for a
 * work-group's local memory; one host class per phase, named like its kernel file.
 */
package dev.rewire.backend.opencl.step;
