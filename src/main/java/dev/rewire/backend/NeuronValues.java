package dev.rewire.backend;

/** A copy of the neuron state variables [mV, nS, nS], over the flat neuron index space. */
public record NeuronValues(float[] v, float[] gAmpa, float[] gGaba) {}
