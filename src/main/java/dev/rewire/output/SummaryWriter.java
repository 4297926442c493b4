package dev.rewire.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link Summary} as JSON, atomically: to a temporary file in the same folder, renamed over
 * the target when complete, so a reader never sees half a summary.
 */
public final class SummaryWriter {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private SummaryWriter() {}

  public static void write(Summary summary, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), summary);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static String toJson(Summary summary) throws IOException {
    return JSON.writeValueAsString(summary);
  }

  /** Reads a summary back as a tree (for tests and tools). */
  public static com.fasterxml.jackson.databind.JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
