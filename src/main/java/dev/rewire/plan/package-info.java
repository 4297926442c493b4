/**
 * Backend-neutral compilation of a {@link dev.rewire.model.Model}: flat index spaces, array sizes,
 * derived float constants (decay factors computed once in double and rounded to float), the
 * fixed-point scale, RNG stream ids, and the ordered list of {@link dev.rewire.plan.Phase}s of a step.
 * Both backends read the same {@link dev.rewire.plan.Plan}, so every constant that shapes the bits of
 * a result is computed here, once.
 */
package dev.rewire.plan;
