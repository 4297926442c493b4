package dev.rewire.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes every output file of rewire: into a temporary file in the same folder, flushed to disk,
 * then renamed over the target, so a reader (or a run killed half-way) never sees half a file.
 * The temporary file is made with {@link Files#createFile}, which honours the umask (0644 under
 * umask 022); {@code Files.createTempFile} would make it 0600, and the rename keeps that.
 */
public final class AtomicFile {
  /** Fills the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path tmp) throws IOException;
  }

  private AtomicFile() {}

  public static void write(Path file, Content content) throws IOException {
    Path tmp = createTemporary(file);
    try {
      content.writeTo(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true); // on disk before the rename makes it the file
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Throws the IOException that writing {@code file} would meet (no folder, no permission, a
   * read-only file system), by creating and deleting a temporary file beside it; writes nothing.
   */
  public static void probe(Path file) throws IOException {
    Files.delete(createTemporary(file));
  }

  /** Why an I/O operation failed, in words: "permission denied", "read-only file system", ... */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder, or a folder where files cannot be created ("
          + n.getFile() + ")";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static Path createTemporary(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve("." + file.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 9) {
          throw e;
        }
      }
    }
  }
}
