package dev.rewire.backend;

/**
 * A model that does not fit where it is to run: the message gives the estimate and the limit. The
 * CLI reports it as bad input (exit code 2): a smaller model, more heap (-Xmx) or another device
 * is the fix, not a bug report.
 */
public final class ResourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResourceException(String message) {
    super(message);
  }

  public ResourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
