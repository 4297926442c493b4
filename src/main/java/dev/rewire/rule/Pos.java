package dev.rewire.rule;

/** A place in a rule's text: line and column, both from 1. */
public record Pos(int line, int column) {}
