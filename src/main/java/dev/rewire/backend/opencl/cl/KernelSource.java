package dev.rewire.backend.opencl.cl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads kernel files ({@code kernels/<name>.cl}) from the jar. */
public final class KernelSource {
  private KernelSource() {}

  /** The text of {@code kernels/<file>}. */
  public static String read(String file) {
    String resource = "/dev/rewire/kernels/" + file;
    try (InputStream in = KernelSource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("kernel file " + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read kernel file " + file, e);
    }
  }
}
