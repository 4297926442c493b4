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

  /** Adds {@code option}'s file (null: not given) after checking it can be written. */
  Path add(String option, String text) {
    if (text == null) {
      return null;
    }
    Path file = writable(option, text);
    Path real = canonical(file);
    for (Map.Entry<String, Path> e : byOption.entrySet()) {
      if (e.getValue().equals(real)) {
        throw new UsageException(e.getKey() + " and " + option + " name the same file " + real
            + "; each output needs a file of its own");
      }
    }
    byOption.put(option, real);
    return file;
  }

  /** Checks up front that {@code text} can be written: its folder exists and takes new files. */
  static Path writable(String option, String text) {
    Path file = Path.of(text);
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new UsageException(option + " " + text + " is a directory; expected a file name");
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

  /** The file a path names: links and .. resolved, also when the file does not exist yet. */
  private static Path canonical(Path file) {
    try {
      if (Files.exists(file)) {
        return file.toRealPath();
      }
      Path abs = file.toAbsolutePath().normalize();
      return abs.getParent().toRealPath().resolve(abs.getFileName());
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }
}
