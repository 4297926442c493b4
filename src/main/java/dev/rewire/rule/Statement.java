package dev.rewire.rule;

/**
 * One assignment of a rule, {@code target = value}; a compound one ({@code x += e}) arrives here as
 * {@code x = x + (e)}.
 */
public record Statement(String target, Pos pos, Expr value) {}
