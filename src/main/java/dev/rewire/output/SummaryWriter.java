package dev.rewire.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link Summary} as JSON, atomically ({@link AtomicFile}), so a reader never sees half a
 * summary.
 */
public final class SummaryWriter {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .addModule(JsonNumbers.module())
      .build();

  private SummaryWriter() {}

  public static void write(Summary summary, Path file) throws IOException {
    AtomicFile.write(file, tmp -> JSON.writeValue(tmp.toFile(), summary));
  }

  public static String toJson(Summary summary) throws IOException {
    return JSON.writeValueAsString(summary);
  }

  /** Reads a summary back as a tree (for tests and tools). */
  public static com.fasterxml.jackson.databind.JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
