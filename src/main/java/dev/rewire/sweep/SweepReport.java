package dev.rewire.sweep;

import dev.rewire.output.HtmlPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The HTML report of a sweep ({@code rewire report DIR}): every outcome column of the results
 * table against every varied parameter, as the mean over the runs with that value (error bars: one
 * standard deviation over seeds), one line per combination of the other parameters; then a table of
 * the combinations, and the runs table with links to the runs' own reports where they exist. Only
 * runs with status ok count in the plots.
 */
public final class SweepReport {
  /** At most this many lines (combinations of the other parameters) per plot; beyond, pooled. */
  private static final int MAX_SERIES = 8;

  /** The value shown for a parameter a run does not set. */
  private static final String NOT_SET = "(not set)";

  private SweepReport() {}

  public static void write(SweepDirectory dir, Path html) throws IOException {
    SweepDirectory.Description d = dir.description();
    if (!Files.isRegularFile(dir.table())) {
      throw new SweepException(dir.root() + " has no sweep.csv yet (run rewire collect "
          + dir.root() + " after a sharded sweep)");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : SweepTable.read(dir.table())) {
      Map<String, String> m = new LinkedHashMap<>(r);
      // A run of an appended sweep that did not vary a parameter: a category of its own.
      d.parameters().forEach(p -> m.merge(p, NOT_SET, (a, b) -> a.isEmpty() ? b : a));
      rows.add(m);
    }
    List<Map<String, String>> ok = rows.stream().filter(r -> RunRow.OK.equals(r.get("status")))
        .toList();
    List<String> outcomes = SweepTable.columns(List.of(), d.populations(), d.rewired()).stream()
        .filter(c -> c.startsWith("rate_hz") || c.startsWith("pruned_") || c.startsWith("active_")
            || c.startsWith("mean_w_active_")).toList();
    StringBuilder body = new StringBuilder("<h1>rewire sweep: ")
        .append(HtmlPage.esc(dir.root().getFileName().toString())).append("</h1>\n");
    body.append(facts(d, rows));
    for (String p : d.parameters()) {
      List<Chart<?, ?>> charts = new ArrayList<>();
      for (String o : outcomes) {
        charts.add(chart(p, o, d.parameters(), ok));
      }
      body.append(HtmlPage.section(o(p), charts));
    }
    body.append(combinations(d, outcomes, ok));
    body.append(runs(dir, d, rows, html));
    HtmlPage.write(html, "rewire sweep report", body.toString());
  }

  private static String o(String parameter) {
    return "Outcomes against " + parameter;
  }

  private static String facts(SweepDirectory.Description d, List<Map<String, String>> rows) {
    Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(
        r -> r.get("status"), TreeMap::new, Collectors.counting()));
    StringBuilder sb = new StringBuilder("<table>\n");
    row(sb, "command line", d.document().path("command_line").asText());
    d.document().path("appended").forEach(n -> row(sb, "appended", n.asText()));
    row(sb, "rewire", d.document().path("rewire_version").asText());
    row(sb, "model", d.document().path("model_origin").asText());
    row(sb, "parameters", d.parameters().isEmpty() ? "(seeds only)"
        : String.join(", ", d.parameters()));
    row(sb, "runs", rows.size() + " " + byStatus);
    return sb.append("</table>\n").toString();
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append("<tr><th>").append(HtmlPage.esc(key)).append("</th><td>")
        .append(HtmlPage.esc(value)).append("</td></tr>\n");
  }

  /** Outcome {@code o} against parameter {@code p}: mean ± sd per value, a line per other combo. */
  private static Chart<?, ?> chart(String p, String o, List<String> parameters,
      List<Map<String, String>> ok) {
    List<String> others = parameters.stream().filter(q -> !q.equals(p)).toList();
    Map<String, List<Map<String, String>>> series = new LinkedHashMap<>();
    for (Map<String, String> r : ok) {
      String key = others.stream().map(q -> q + "=" + r.get(q)).collect(Collectors.joining(", "));
      series.computeIfAbsent(key.isEmpty() ? "mean over seeds" : key, k -> new ArrayList<>())
          .add(r);
    }
    if (series.size() > MAX_SERIES) {
      series = Map.of("mean over seeds and " + String.join(", ", others), ok);
    }
    List<String> values = ok.stream().map(r -> r.get(p)).distinct().toList();
    boolean numeric = values.stream().allMatch(SweepReport::isNumber);
    String title = o + " against " + p;
    if (numeric) {
      XYChart c = new XYChartBuilder().width(900).height(320).title(title).xAxisTitle(p)
          .yAxisTitle(o).build();
      c.getStyler().setMarkerSize(6);
      c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      for (Map.Entry<String, List<Map<String, String>>> s : series.entrySet()) {
        TreeMap<Double, List<Double>> byX = new TreeMap<>();
        for (Map<String, String> r : s.getValue()) {
          byX.computeIfAbsent(Double.parseDouble(r.get(p)), k -> new ArrayList<>())
              .add(number(r.get(o)));
        }
        if (!byX.isEmpty()) {
          c.addSeries(s.getKey(), new ArrayList<>(byX.keySet()), byX.values().stream()
              .map(SweepReport::mean).toList(), byX.values().stream().map(SweepReport::sd)
              .toList());
        }
      }
      return c;
    }
    CategoryChart c = new CategoryChartBuilder().width(900).height(320).title(title).xAxisTitle(p)
        .yAxisTitle(o).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    for (Map.Entry<String, List<Map<String, String>>> s : series.entrySet()) {
      Map<String, List<Double>> byX = new LinkedHashMap<>();
      values.forEach(v -> byX.put(v, new ArrayList<>()));
      s.getValue().forEach(r -> byX.get(r.get(p)).add(number(r.get(o))));
      byX.values().removeIf(List::isEmpty);
      if (!byX.isEmpty()) {
        c.addSeries(s.getKey(), new ArrayList<>(byX.keySet()), byX.values().stream()
            .map(SweepReport::mean).toList(), byX.values().stream().map(SweepReport::sd).toList());
      }
    }
    return c;
  }

  /** One row per parameter combination: runs ok, and mean ± sd over seeds of every outcome. */
  private static String combinations(SweepDirectory.Description d, List<String> outcomes,
      List<Map<String, String>> ok) {
    Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
    for (Map<String, String> r : ok) {
      groups.computeIfAbsent(d.parameters().stream().map(r::get)
          .collect(Collectors.joining("\u0000")), k -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder("<h2>Mean ± standard deviation over seeds</h2>\n<table>"
        + "<tr>");
    d.parameters().forEach(p -> sb.append("<th>").append(HtmlPage.esc(p)).append("</th>"));
    sb.append("<th>runs ok</th>");
    outcomes.forEach(o -> sb.append("<th>").append(HtmlPage.esc(o)).append("</th>"));
    sb.append("</tr>\n");
    for (List<Map<String, String>> g : groups.values()) {
      sb.append("<tr>");
      d.parameters().forEach(p -> sb.append("<td>").append(HtmlPage.esc(g.get(0).get(p)))
          .append("</td>"));
      sb.append("<td>").append(g.size()).append("</td>");
      for (String o : outcomes) {
        List<Double> x = g.stream().map(r -> number(r.get(o))).toList();
        sb.append(String.format(Locale.ROOT, "<td>%.4g ± %.2g</td>", mean(x), sd(x)));
      }
      sb.append("</tr>\n");
    }
    return sb.append("</table>\n").toString();
  }

  private static String runs(SweepDirectory dir, SweepDirectory.Description d,
      List<Map<String, String>> rows, Path html) {
    List<String> shown = new ArrayList<>(List.of("run_id", "seed"));
    shown.addAll(d.parameters());
    shown.addAll(List.of("status", "error", "simulated_s", "wall_s"));
    d.populations().forEach(p -> shown.add("rate_hz_" + p));
    d.rewired().forEach(p -> shown.add("pruned_" + p));
    StringBuilder sb = new StringBuilder("<h2>Runs</h2>\n<table class=\"runs\"><tr>");
    shown.forEach(c -> sb.append("<th>").append(HtmlPage.esc(c)).append("</th>"));
    sb.append("</tr>\n");
    Path from = html.toAbsolutePath().getParent();
    for (Map<String, String> r : rows) {
      sb.append("<tr>");
      for (String c : shown) {
        String v = r.getOrDefault(c, "");
        Path report = dir.report(r.get("run_id"));
        if (c.equals("run_id") && Files.isRegularFile(report)) {
          sb.append("<td><a href=\"").append(HtmlPage.esc(from.relativize(report).toString()))
              .append("\">").append(HtmlPage.esc(v)).append("</a></td>");
        } else {
          sb.append("<td>").append(HtmlPage.esc(v)).append("</td>");
        }
      }
      sb.append("</tr>\n");
    }
    return sb.append("</table>\n").toString();
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  private static double number(String s) {
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static double mean(List<Double> x) {
    return x.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double sd(List<Double> x) {
    double m = mean(x);
    return x.size() < 2 ? 0.0 : Math.sqrt(x.stream().mapToDouble(v -> (v - m) * (v - m)).sum()
        / (x.size() - 1));
  }
}
