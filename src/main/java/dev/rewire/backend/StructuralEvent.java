package dev.rewire.backend;

/**
 * One structural-plasticity call of one projection.
 *
 * @param step the step it ran in (before that step's neuron update)
 * @param projection projection name
 * @param pruned synapses deactivated because their weight was below threshold
 * @param regrown synapses activated; equal to pruned unless the projection ran out of inactive ones
 * @param active active synapses after the call
 */
public record StructuralEvent(int step, String projection, int pruned, int regrown, int active) {}
