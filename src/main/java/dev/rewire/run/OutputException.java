package dev.rewire.run;

/**
 * An output that cannot be written (no such folder, no permission, a read-only file system, a full
 * disk); the message names the file and the reason. Bad input for the CLI (exit code 2).
 */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }
}
