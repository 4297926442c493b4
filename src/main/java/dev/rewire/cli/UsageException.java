package dev.rewire.cli;

/** Bad command-line input: printed as it is, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
