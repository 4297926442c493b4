package dev.rewire.neuron;

import dev.rewire.rule.RuleException;

/**
 * A neuron model that cannot be compiled: the field of the model table ("equations",
 * "variables.v") and either the rule-language error with its line and column, or a plain problem.
 */
public final class NeuronException extends RuntimeException {
  private final String field;
  private final RuleException rule;

  NeuronException(String field, RuleException rule) {
    super(field + ", line " + rule.line() + ", column " + rule.column() + ": " + rule.problem(),
        rule);
    this.field = field;
    this.rule = rule;
  }

  NeuronException(String field, String problem) {
    super(field + problem);
    this.field = field;
    this.rule = null;
  }

  public String field() {
    return field;
  }

  /** The error with its position in the field's text, or null for a problem of the whole field. */
  public RuleException rule() {
    return rule;
  }

  /** What is wrong, after the field (starts with ": " or " "). */
  public String problem() {
    return rule == null ? getMessage().substring(field.length()) : rule.getMessage();
  }
}
