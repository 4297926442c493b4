/**
 * The resident engine: batches of networks, one per work-group, each running every phase of many
 * steps per launch with its state in local memory (kernels/resident.cl).
 */
package dev.rewire.backend.opencl.resident;
