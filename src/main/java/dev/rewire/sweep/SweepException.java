package dev.rewire.sweep;

/**
 * A sweep that cannot be run as given: a bad seed list or grid, a combination whose model is
 * invalid (the message names the combination and the field), a sweep file that is not one. The CLI
 * reports it as bad input (exit code 2) before anything runs.
 */
public final class SweepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SweepException(String message) {
    super(message);
  }
}
