package dev.rewire.sweep;

/**
 * One model a sweep runs: its name in the results table ({@code model} column, when a sweep runs
 * several), its TOML text and where it came from ("bundled:seed-ei", a path).
 */
public record SweepModel(String name, String text, String origin) {

  /** A model file's name without folder and {@code .toml}, a bundled model's own name. */
  public static String nameOf(String origin) {
    String n = origin.startsWith("bundled:") ? origin.substring("bundled:".length())
        : java.nio.file.Path.of(origin).getFileName().toString();
    return n.endsWith(".toml") ? n.substring(0, n.length() - ".toml".length()) : n;
  }
}
