/**
 * What every backend implements: {@link dev.rewire.backend.Backend} opens a
 * {@link dev.rewire.backend.Simulation} for a {@link dev.rewire.plan.Plan}; the simulation advances
 * in steps and reports spikes and structural events to a {@link dev.rewire.backend.SimulationListener}.
 * The Java backend ({@code backend.java}) is the reference; others must reproduce its results bit for
 * bit (docs/design.md, section 3).
 */
package dev.rewire.backend;
