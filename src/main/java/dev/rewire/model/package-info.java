/**
 * What a network is: immutable records for neuron groups, Poisson inputs, projections, STDP and
 * structural-plasticity rules and simulation settings, each validated in its constructor, plus
 * {@link dev.rewire.model.ModelFile}, which reads them from TOML.
 *
 * <p>Units are in the field names ({@code tauPlusMs}, {@code glNs}); weights are in nS. Nothing here
 * knows how a model is simulated: that is {@code plan} and {@code backend}.
 */
package dev.rewire.model;
