package dev.rewire.backend;

/**
 * A model that does not fit where it is to run (the message gives the estimate and the limit), or
 * that the backend cannot run. The CLI reports it as bad input (exit code 2): a smaller model, more
 * heap (-Xmx), another device or backend is the fix, not a bug report.
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
