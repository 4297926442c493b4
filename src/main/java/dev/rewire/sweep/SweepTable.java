package dev.rewire.sweep;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rewire.output.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results table of a sweep, {@code sweep.csv}: one row per run in sweep order. Columns:
 * {@code run_id}, {@code seed}, one per varied path (named by the path), {@code status},
 * {@code error}, {@code simulated_s}, {@code wall_s}, per population {@code rate_hz_<pop>} and
 * {@code rate_hz_last_s_<pop>}, per rewired projection {@code pruned_<proj>}, {@code active_<proj>},
 * {@code mean_w_active_<proj>}, then {@code digest_spikes}, {@code digest_weights} and
 * {@code rewire_version} (the version and commit that ran the run). Written with
 * Jackson's CSV module (quoting as RFC 4180), atomically.
 */
public final class SweepTable {
  private static final CsvMapper CSV = new CsvMapper();

  private SweepTable() {}

  /** The column names of a sweep's table, in order. */
  public static List<String> columns(List<String> parameters, List<String> populations,
      List<String> rewired) {
    List<String> c = new ArrayList<>(List.of("run_id", "seed"));
    c.addAll(parameters);
    c.addAll(List.of("status", "error", "simulated_s", "wall_s"));
    populations.forEach(p -> c.add("rate_hz_" + p));
    populations.forEach(p -> c.add("rate_hz_last_s_" + p));
    rewired.forEach(p -> c.add("pruned_" + p));
    rewired.forEach(p -> c.add("active_" + p));
    rewired.forEach(p -> c.add("mean_w_active_" + p));
    c.addAll(List.of("digest_spikes", "digest_weights", "rewire_version"));
    return c;
  }

  static Map<String, Object> cells(RunRow r, List<String> parameters) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", r.runId());
    m.put("seed", r.seed());
    parameters.forEach(p -> m.put(p, r.parameters().get(p)));
    m.put("status", r.status());
    m.put("error", r.error());
    m.put("simulated_s", r.simulatedS());
    m.put("wall_s", r.wallS());
    put(m, "rate_hz_", r.rateHz());
    put(m, "rate_hz_last_s_", r.rateHzLastS());
    put(m, "pruned_", r.pruned());
    put(m, "active_", r.active());
    put(m, "mean_w_active_", r.meanWActive());
    m.put("digest_spikes", r.digestSpikes());
    m.put("digest_weights", r.digestWeights());
    m.put("rewire_version", r.rewireVersion());
    return m;
  }

  private static void put(Map<String, Object> m, String prefix, Map<String, ?> values) {
    if (values != null) {
      values.forEach((k, v) -> m.put(prefix + k, finite(v)));
    }
  }

  /** An empty cell, not "NaN", where a number is undefined (a mean over no synapses). */
  private static Object finite(Object v) {
    return v instanceof Double d && !Double.isFinite(d) ? null : v;
  }

  /** Writes {@code rows} under {@code columns} to {@code file}, atomically. */
  public static void write(Path file, List<String> columns, List<String> parameters,
      List<RunRow> rows) throws IOException {
    CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
    columns.forEach(b::addColumn);
    CsvSchema schema = b.build();
    List<Map<String, Object>> cells = new ArrayList<>();
    for (RunRow r : rows) {
      Map<String, Object> all = cells(r, parameters);
      Map<String, Object> row = new LinkedHashMap<>();
      columns.forEach(c -> row.put(c, all.get(c)));
      cells.add(row);
    }
    AtomicFile.write(file, tmp -> CSV.writerFor(Map.class).with(schema).writeValues(tmp.toFile())
        .writeAll(cells).close());
  }

  /** Reads a table back: one map of column to text per row, in order. */
  public static List<Map<String, String>> read(Path file) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
        .readValues(file.toFile())) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }
}
