package dev.rewire.cli;

import dev.rewire.backend.Backend;
import dev.rewire.backend.java.JavaBackend;
import java.util.List;

/** The backends this build offers, by command-line name. */
final class Backends {
  static final List<String> NAMES = List.of(JavaBackend.NAME);

  private Backends() {}

  static Backend byName(String name) {
    if (JavaBackend.NAME.equals(name)) {
      return new JavaBackend();
    }
    throw new UsageException("--backend must be one of " + NAMES + ", got '" + name + "'");
  }
}
