/**
 * Counter-based random numbers shared by every backend: Philox4x32-10 and the samplers built on it.
 *
 * <p>Everything here is plain 32-bit integer and float arithmetic, written so that the OpenCL C twin
 * in {@code kernels/philox.cl} computes the same bits. No class here holds sequential state: a draw is
 * a pure function of (seed, stream, counter), which is what makes results independent of scheduling.
 * This package depends on nothing else in rewire.
 */
package dev.rewire.random;
