package dev.rewire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Reads whole HDF5 files for comparison: every dataset's values, every attribute. */
public final class Hdf5Files {
  private Hdf5Files() {}

  /** Every dataset by path, with its data (arrays of primitives, possibly nested). */
  public static Map<String, Object> datasets(Path file) {
    Map<String, Object> out = new TreeMap<>();
    try (HdfFile f = new HdfFile(file)) {
      collect(f, out);
    }
    return out;
  }

  /** The root group's attributes. */
  public static Map<String, Object> rootAttributes(Path file) {
    Map<String, Object> out = new TreeMap<>();
    try (HdfFile f = new HdfFile(file)) {
      f.getAttributes().forEach((k, a) -> out.put(k, a.getData()));
    }
    return out;
  }

  /**
   * The two files hold the same datasets with the same values, bit for bit, and the same root
   * attributes except those named in {@code attributesThatMayDiffer} (wall times, command lines).
   */
  public static void assertSameContents(Path expected, Path actual,
      Set<String> attributesThatMayDiffer) {
    Map<String, Object> a = datasets(expected);
    Map<String, Object> b = datasets(actual);
    assertEquals(a.keySet(), b.keySet(), "the same datasets");
    assertTrue(a.size() > 5, "datasets to compare: " + a.keySet());
    for (String path : a.keySet()) {
      assertTrue(Objects.deepEquals(a.get(path), b.get(path)), "dataset " + path + " differs");
    }
    Map<String, Object> aa = rootAttributes(expected);
    Map<String, Object> ba = rootAttributes(actual);
    aa.keySet().removeAll(attributesThatMayDiffer);
    ba.keySet().removeAll(attributesThatMayDiffer);
    assertEquals(aa.keySet(), ba.keySet(), "the same root attributes");
    for (String k : aa.keySet()) {
      assertTrue(Objects.deepEquals(aa.get(k), ba.get(k)), "attribute " + k + ": " + aa.get(k)
          + " vs " + ba.get(k));
    }
  }

  private static void collect(Group g, Map<String, Object> out) {
    for (Node n : g.getChildren().values()) {
      if (n instanceof Group child) {
        collect(child, out);
      } else if (n instanceof Dataset d) {
        out.put(d.getPath(), d.getData());
      }
    }
  }
}
