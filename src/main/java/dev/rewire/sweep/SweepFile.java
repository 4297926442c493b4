package dev.rewire.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rewire.model.Durations;
import dev.rewire.model.ModelException;
import dev.rewire.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sweep file (TOML; {@code examples/sweep-lr.toml}):
 *
 * <pre>
 * model = "seed-ei"          # a bundled model, or a model file (relative to this file); or a
 *                            # list of them, or a table name = model: each runs every run
 *                            # (the table's model column)
 * duration = "5s"            # optional: the model's own
 * seeds = "1-8"              # or [1, 2, 3]; optional: the model's own seed
 * set = ["projections.ie.structural.mode=per-source"]   # optional, for every run
 *
 * [grid]                     # one dimension per path: the runs are the cartesian product
 * "projections.ee.stdp.lr" = [0.005, 0.01, 0.02]
 *
 * [[runs]]                   # or an explicit list of runs instead of a grid
 * variant = "faster"         # optional: its name in the table's variant column
 * "projections.ee.stdp.lr" = 0.01
 * [runs.projections.ee.plasticity]   # a rule (or neuron model) table replaces the model's
 *
 * [record]                   # optional: what each run writes besides its summary
 * hdf5 = true
 * report = false
 * </pre>
 *
 * Grid and run keys are dotted model paths, quoted, or nested tables whose leaves are the values.
 */
public final class SweepFile {
  private static final TomlMapper TOML = new TomlMapper();
  private static final Set<String> KEYS = Set.of("model", "duration", "seeds", "set", "grid",
      "runs", "record");

  private SweepFile() {}

  /** Whether a TOML file is a sweep file rather than a model file (it has no [neurons]). */
  public static boolean isSweepFile(String text) {
    try {
      JsonNode root = TOML.readTree(text);
      return root != null && root.isObject() && !root.has("neurons")
          && (root.has("model") || root.has("grid") || root.has("runs") || root.has("seeds"));
    } catch (JsonProcessingException e) {
      return false; // reported as a model file's syntax error
    }
  }

  public static SweepDefinition read(Path file) {
    String text = ModelFile.readText(file);
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SweepException(file + ": TOML syntax error: " + e.getOriginalMessage());
    }
    String where = file.toString();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new SweepException(where + ": unknown key '" + key + "'; a sweep file has "
            + new java.util.TreeSet<>(KEYS));
      }
    }
    List<SweepModel> models = models(root.get("model"), file, where);
    Double duration = null;
    if (root.has("duration")) {
      if (!root.get("duration").isTextual()) {
        throw new SweepException(where + ": duration expects a time with a unit such as \"5s\", "
            + "got " + root.get("duration"));
      }
      try {
        duration = Durations.parseMs(where + ": duration", root.get("duration").asText());
      } catch (ModelException e) {
        throw new SweepException(e.getMessage());
      }
    }
    List<Long> seeds = null;
    JsonNode s = root.get("seeds");
    if (s != null && s.isTextual()) {
      seeds = Seeds.parse(where + ": seeds", s.asText());
    } else if (s != null && s.isArray()) {
      List<Long> list = new ArrayList<>();
      for (JsonNode n : s) {
        if (!n.canConvertToExactIntegral() || !n.canConvertToLong()) {
          throw new SweepException(where + ": seeds must be integers, got " + n);
        }
        list.add(n.asLong());
      }
      seeds = Seeds.of(where + ": seeds", list);
    } else if (s != null) {
      throw new SweepException(where + ": seeds expects \"1-16\", \"1,5,9\" or [1, 2, 3], got " + s);
    }
    List<String> sets = new ArrayList<>();
    if (root.has("set")) {
      if (!root.get("set").isArray()) {
        throw new SweepException(where + ": set expects a list of \"path=value\", got "
            + root.get("set"));
      }
      root.get("set").forEach(n -> sets.add(n.asText()));
    }
    Map<String, List<GridValue>> grid = new LinkedHashMap<>();
    if (root.has("grid")) {
      Map<String, JsonNode> leaves = new LinkedHashMap<>();
      flatten(root.get("grid"), "", leaves);
      leaves.forEach((path, node) -> {
        if (!node.isArray()) {
          throw new SweepException(where + ": grid " + path + " expects a list of values, got "
              + node);
        }
        List<GridValue> values = new ArrayList<>();
        node.forEach(v -> values.add(GridValue.of(v)));
        grid.put(path, values);
      });
    }
    List<Map<String, GridValue>> runs = new ArrayList<>();
    if (root.has("runs")) {
      if (!root.get("runs").isArray()) {
        throw new SweepException(where + ": runs expects [[runs]] tables, got " + root.get("runs"));
      }
      for (JsonNode r : root.get("runs")) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten(r, "", leaves);
        Map<String, GridValue> run = new LinkedHashMap<>();
        leaves.forEach((path, node) -> {
          if (path.equals(SweepDefinition.VARIANT) && !node.isTextual()) {
            throw new SweepException(where + ": runs: variant names the run, expected a string, "
                + "got " + node);
          }
          run.put(path, GridValue.of(node));
        });
        runs.add(run);
      }
    }
    boolean hdf5 = false;
    boolean report = false;
    JsonNode rec = root.get("record");
    if (rec != null) {
      for (Iterator<String> it = rec.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!key.equals("hdf5") && !key.equals("report") || !rec.get(key).isBoolean()) {
          throw new SweepException(where + ": record." + key + ": expected hdf5 = true/false or "
              + "report = true/false");
        }
      }
      hdf5 = rec.path("hdf5").asBoolean(false);
      report = rec.path("report").asBoolean(false);
    }
    return new SweepDefinition(models, sets, seeds, duration, grid, runs, hdf5, report, text);
  }

  /**
   * A sweep file that defines {@code d} again, its models named by {@code modelFiles} (name → path
   * relative to the sweep file): what a SLURM task reads, so that it needs no file outside the
   * sweep's folder.
   */
  public static String text(SweepDefinition d, Map<String, String> modelFiles) {
    StringBuilder sb = new StringBuilder("# written by rewire sweep --slurm: the sweep each array "
        + "task runs\n");
    sb.append("model = { ");
    int i = 0;
    for (SweepModel m : d.models()) {
      sb.append(i++ > 0 ? ", " : "").append(GridValue.quoted(m.name())).append(" = ")
          .append(GridValue.quoted(modelFiles.get(m.name())));
    }
    sb.append(" }\n");
    if (d.durationMs() != null) {
      sb.append("duration = ").append(GridValue.quoted(d.durationMs() + "ms")).append('\n');
    }
    if (d.seeds() != null) {
      sb.append("seeds = ").append(d.seeds()).append('\n');
    }
    if (!d.sets().isEmpty()) {
      sb.append("set = [").append(String.join(", ", d.sets().stream().map(GridValue::quoted)
          .toList())).append("]\n");
    }
    sb.append("\n[record]\nhdf5 = ").append(d.recordHdf5()).append("\nreport = ")
        .append(d.recordReport()).append('\n');
    if (!d.grid().isEmpty()) {
      sb.append("\n[grid]\n");
      d.grid().forEach((path, values) -> sb.append(GridValue.quoted(path)).append(" = [")
          .append(String.join(", ", values.stream().map(GridValue::toml).toList()))
          .append("]\n"));
    }
    for (Map<String, GridValue> run : d.runs()) {
      sb.append("\n[[runs]]\n");
      run.forEach((path, v) -> sb.append(GridValue.quoted(path)).append(" = ").append(v.toml())
          .append('\n'));
    }
    return sb.toString();
  }

  /**
   * {@code model = "seed-ei"} (bundled) or a file relative to the sweep file; a list of them, each
   * named by its file name; or a table name → model, to name them.
   */
  private static List<SweepModel> models(JsonNode model, Path file, String where) {
    String expected = "model must name a bundled model (\"seed-ei\") or a model file, a list of "
        + "them, or a table name = model";
    Map<String, String> given = new LinkedHashMap<>();
    if (model != null && model.isTextual()) {
      given.put(null, model.asText());
    } else if (model != null && model.isArray() && !model.isEmpty()) {
      for (JsonNode n : model) {
        if (!n.isTextual()) {
          throw new SweepException(where + ": " + expected + ", got " + n + " in the list");
        }
        given.put(n.asText(), n.asText());
      }
    } else if (model != null && model.isObject() && !model.isEmpty()) {
      model.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          throw new SweepException(where + ": model." + e.getKey() + ": " + expected + ", got "
              + e.getValue());
        }
        given.put("=" + e.getKey(), e.getValue().asText());
      });
    } else {
      throw new SweepException(where + ": " + expected + ", got "
          + (model == null ? "nothing" : model));
    }
    List<SweepModel> out = new ArrayList<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      ModelFile.Reference ref;
      try {
        ref = ModelFile.reference(e.getValue(), file.toAbsolutePath().getParent());
      } catch (ModelException ex) {
        throw new SweepException(where + ": model: " + ex.getMessage());
      }
      String origin = ref.origin();
      String modelText = ref.text();
      String name = e.getKey() != null && e.getKey().startsWith("=") ? e.getKey().substring(1)
          : SweepModel.nameOf(origin);
      out.add(new SweepModel(name, modelText, origin));
    }
    return out;
  }

  /**
   * Dotted paths of the leaves: tables are walked into (a run's table value is its leaves), except
   * a projection's rule and a group's neuron model, which are values as a whole: they replace the
   * model's (a rule is not merged into another).
   */
  private static void flatten(JsonNode node, String path, Map<String, JsonNode> out) {
    boolean whole = path.matches("projections\\.[^.]+\\.(stdp|plasticity)")
        || path.matches("neurons\\.[^.]+\\.model");
    if (node.isObject() && !whole) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    } else {
      out.put(path, node);
    }
  }
}
