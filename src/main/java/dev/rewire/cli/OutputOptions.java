package dev.rewire.cli;

import dev.rewire.model.Durations;
import dev.rewire.output.AtomicFile;
import dev.rewire.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output files of a command, checked before anything runs: each can be written (its folder
 * exists and takes new files), and no two name the same file, after resolving {@code ..} and
 * symbolic links. A long run never ends in a failed write or in one output overwriting another.
 */
final class OutputOptions {
  private final Map<String, Path> byOption = new LinkedHashMap<>();

  /**
   * Adds {@code option}'s file (null: not given) after checking it can be written; returns the
   * file to write, links resolved (a symbolic link is written through, not replaced).
   */
  Path add(String option, String text) {
    if (text == null) {
      return null;
    }
    Path real = canonical(writable(option, text));
    for (Map.Entry<String, Path> e : byOption.entrySet()) {
      if (e.getValue().equals(real)) {
        throw new UsageException(e.getKey() + " and " + option + " name the same file " + real
            + "; each output needs a file of its own");
      }
    }
    byOption.put(option, real);
    return real;
  }

  /**
   * Checks up front that {@code text} can be written: a new file, or an existing regular file (not
   * a directory, device or pipe: it is replaced by a rename), whose folder exists and takes new
   * files. Returns the file, links resolved.
   */
  static Path writable(String option, String text) {
    if (text.isBlank()) {
      throw new UsageException(option + " expects a file name, got '" + text + "'");
    }
    Path file = canonical(Path.of(text));
    Path dir = file.getParent();
    if (Files.isDirectory(file)) {
      throw new UsageException(option + " " + text + " is a directory; expected a file name");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new UsageException(option + " " + text + " exists and is not a regular file (a "
          + "device, a pipe?); expected a file to write");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException(option + " " + text + ": folder " + dir + " does not exist");
    }
    try {
      AtomicFile.probe(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(option + " " + text + ": folder " + dir
          + " does not take new files");
    } catch (IOException e) {
      throw new UsageException(option + " " + text + ": cannot write in folder " + dir + ": "
          + AtomicFile.reason(e));
    }
    return file;
  }

  /** Steps between checkpoints for a duration such as "10s"; at least one. */
  static int everySteps(Plan plan, String text) {
    double ms = Durations.parseMs("--checkpoint-every", text);
    long steps = Math.round(ms / plan.dtMs());
    if (steps < 1 || steps > Integer.MAX_VALUE) {
      throw new UsageException("--checkpoint-every must be at least one step of " + plan.dtMs()
          + " ms, got '" + text + "'");
    }
    return (int) steps;
  }

  /**
   * The file a path names: links and .. resolved, also when the file does not exist yet and when
   * the path is a link to a file that does not exist yet.
   */
  static Path canonical(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    try {
      for (int hops = 0; hops < 40 && Files.isSymbolicLink(abs); hops++) {
        abs = abs.getParent().resolve(Files.readSymbolicLink(abs)).normalize();
      }
      if (Files.exists(abs)) {
        return abs.toRealPath();
      }
      Path dir = abs.getParent();
      return Files.isDirectory(dir) ? dir.toRealPath().resolve(abs.getFileName()) : abs;
    } catch (IOException e) {
      return abs;
    }
  }
}
