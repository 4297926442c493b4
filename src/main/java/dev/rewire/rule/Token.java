package dev.rewire.rule;

/** A token of a rule's text; {@code value} is set for numbers. */
record Token(Kind kind, String text, float value, Pos pos) {
  enum Kind { NUMBER, NAME, OPERATOR, COMPARE, ASSIGN, NEWLINE, END }

  /** As an error message names it. */
  @Override
  public String toString() {
    return switch (kind) {
      case NEWLINE -> "the end of the line";
      case END -> "the end of the rule";
      default -> "'" + text + "'";
    };
  }
}
