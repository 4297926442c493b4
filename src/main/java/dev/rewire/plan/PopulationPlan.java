package dev.rewire.plan;

/** A named population: global neuron indices [start, start + size), and the group it belongs to. */
public record PopulationPlan(String name, String group, int start, int size) {}
