package dev.rewire.output;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Which rewire this is: the project version and the git commit the jar was built from, read from
 * the jar's manifest ({@code Implementation-Version}, {@code Git-Commit}, {@code Git-Dirty}); "dev"
 * when running from compiled classes rather than a jar.
 */
public final class BuildInfo {
  private static final String VERSION = read();

  private BuildInfo() {}

  /** "0.1.0-SNAPSHOT (git 1a2b3c4d5e)", or "dev". */
  public static String version() {
    return VERSION;
  }

  /** A manifest value, or null where the build had none (Maven leaves "${...}" in place). */
  private static String resolved(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value;
  }

  private static String read() {
    try {
      Path jar = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      if (!Files.isRegularFile(jar)) {
        return "dev";
      }
      try (JarFile f = new JarFile(jar.toFile())) {
        if (f.getManifest() == null) {
          return "dev";
        }
        Attributes a = f.getManifest().getMainAttributes();
        String version = resolved(a.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
        String commit = resolved(a.getValue("Git-Commit"));
        boolean dirty = "true".equals(a.getValue("Git-Dirty"));
        return (version != null ? version : "dev") + (commit == null ? ""
            : " (git " + commit + (dirty ? ", with uncommitted changes" : "") + ")");
      }
    } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
      return "dev";
    }
  }
}
