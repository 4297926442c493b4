package dev.rewire.rule;

/**
 * One differential equation of a neuron model, {@code dVARIABLE/dt = rhs [: method]}, as parsed:
 * names not yet resolved.
 *
 * @param pos where the variable's name starts
 * @param method the method given after ':', or null for the model's
 * @param methodPos where the method's name starts, or null
 */
public record Equation(String variable, Pos pos, Expr rhs, String method, Pos methodPos) {}
