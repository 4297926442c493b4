package dev.rewire.cli;

import org.apache.commons.cli.Option;

/** {@code --threads N|auto}: the threads of one Java network. */
final class ThreadsOption {
  static final String NAME = "threads";
  static final String AUTO = "auto";

  private ThreadsOption() {}

  static Option option(String description) {
    return Option.builder().longOpt(NAME).hasArg().argName("N|auto").desc(description).build();
  }

  /** The option of a sweep, which takes a number only. */
  static Option numberOption(String description) {
    return Option.builder().longOpt(NAME).hasArg().argName("N").desc(description).build();
  }

  /** The number given, or null for auto (also when the option is absent). */
  static Integer parse(String value) {
    if (value == null || value.strip().equals(AUTO)) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--threads expects a whole number >= 1 or auto, got '" + value + "'");
  }
}
