package dev.rewire.model;

/**
 * A model that cannot be simulated: a value out of range, a missing or unknown field, a reference to
 * nothing. The message names the field (as a dotted path where it is known), the value and what was
 * expected; the CLI prints it as it is and exits with code 2.
 */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
