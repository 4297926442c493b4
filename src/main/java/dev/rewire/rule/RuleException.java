package dev.rewire.rule;

import java.util.List;

/**
 * A rule that cannot be compiled: where (line and column inside the rule's text, from 1), what was
 * found and what was expected; {@code names} are the names that would have fitted, for a
 * did-you-mean.
 */
public final class RuleException extends RuntimeException {
  private final int line;
  private final int column;
  private final String problem;
  private final String unknownName;
  private final List<String> names;

  public RuleException(Pos pos, String problem) {
    this(pos, problem, null, List.of());
  }

  public RuleException(Pos pos, String problem, String unknownName, List<String> names) {
    super("line " + pos.line() + ", column " + pos.column() + ": " + problem);
    this.line = pos.line();
    this.column = pos.column();
    this.problem = problem;
    this.unknownName = unknownName;
    this.names = List.copyOf(names);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** The name that was not known, or null. */
  public String unknownName() {
    return unknownName;
  }

  /** The names that may be used where the unknown one was. */
  public List<String> names() {
    return names;
  }
}
