/**
 * The reference backend: the whole step in plain Java, one thread. It is the oracle the OpenCL
 * backend is tested against, so every floating-point expression here is written in the order its
 * kernel twin uses, with no {@code Math.fma} and no library transcendental in the step.
 *
 * <p>One class per phase, named like the phase ({@link dev.rewire.plan.Phase#NEURON_UPDATE} ↔
 * {@code NeuronUpdate} ↔ {@code kernels/neuron_update.cl}); the state they share lives in
 * {@code NeuronState}, {@code StaticSynapses} and {@code PotentialSynapses}.
 */
package dev.rewire.backend.java;
