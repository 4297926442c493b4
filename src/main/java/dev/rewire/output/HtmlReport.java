package dev.rewire.output;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A self-contained HTML page (images embedded as PNG) about one run, made from its HDF5 results:
 * spike raster, population rates, active-weight histograms at several times, pruned and regrown
 * counts per call, active in- and out-degree distributions at the end, and a table of how the run
 * was made. Charts by XChart, drawn headless.
 */
public final class HtmlReport {
  /** At most this many spikes per population in the raster; beyond, every k-th is drawn. */
  static final int RASTER_POINTS = 60_000;

  private HtmlReport() {}

  public static void write(Path h5, Path html) throws IOException {
    StringBuilder body = new StringBuilder();
    try (HdfFile f = new HdfFile(h5)) {
      body.append("<h1>rewire run: ").append(esc(attr(f, "model_name"))).append("</h1>\n");
      body.append(table(f));
      body.append(section("Spike raster", raster(f)));
      body.append(section("Population rates", rates(f)));
      for (String proj : children(f, "weights")) {
        body.append(section("Active weights, " + proj, weightHistograms(f, proj)));
      }
      if (!children(f, "structural").isEmpty()) {
        body.append(section("Pruned and regrown per structural-plasticity call", structural(f)));
      }
      for (String proj : children(f, "weights")) {
        body.append(section("Active degrees at the end, " + proj, degrees(f, proj)));
      }
      body.append("<h2>Model file</h2>\n<pre>").append(esc(attr(f, "model_toml")))
          .append("</pre>\n");
    }
    HtmlPage.write(html, "rewire report", body.toString());
  }

  private static String table(HdfFile f) {
    StringBuilder sb = new StringBuilder("<table>\n");
    for (String key : List.of("command_line", "seed", "backend", "device", "dt_ms", "duration_s",
        "steps", "wall_setup_s", "wall_run_s", "complete")) {
      sb.append("<tr><th>").append(key).append("</th><td>").append(esc(attr(f, key)))
          .append("</td></tr>\n");
    }
    for (Map.Entry<String, Attribute> a : f.getAttributes().entrySet()) {
      if (a.getKey().startsWith("profile_")) {
        sb.append("<tr><th>").append(esc(a.getKey())).append("</th><td>")
            .append(esc(String.valueOf(a.getValue().getData()))).append("</td></tr>\n");
      }
    }
    return sb.append("</table>\n").toString();
  }

  private static List<Chart<?, ?>> raster(HdfFile f) {
    XYChart c = new XYChartBuilder().width(900).height(420).title("Spikes").xAxisTitle("time [s]")
        .yAxisTitle("neuron (E first, then I)").build();
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(2);
    int offset = 0;
    Color[] colours = {new Color(31, 119, 180), new Color(214, 39, 40), Color.DARK_GRAY};
    int k = 0;
    for (String pop : children(f, "spikes")) {
      double[] t = doubles(f, "/spikes/" + pop + "/time_s");
      int[] n = ints(f, "/spikes/" + pop + "/neuron");
      int every = Math.max(1, t.length / RASTER_POINTS);
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      int max = 0;
      for (int i = 0; i < t.length; i++) {
        max = Math.max(max, n[i]);
        if (i % every == 0) {
          x.add(t[i]);
          y.add((double) (offset + n[i]));
        }
      }
      String label = pop + (every > 1 ? " (every " + every + "th spike)" : "");
      XYSeries s = c.addSeries(label, x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(colours[Math.min(k++, colours.length - 1)]);
      offset += max + 1;
    }
    return List.of(c);
  }

  private static List<Chart<?, ?>> rates(HdfFile f) {
    XYChart c = new XYChartBuilder().width(900).height(320).title("Population rates")
        .xAxisTitle("time [s]").yAxisTitle("rate [Hz]").build();
    c.getStyler().setMarkerSize(0);
    for (String pop : children(f, "rates")) {
      double[] r = doubles(f, "/rates/" + pop);
      double bin = ((Number) dataset(f, "/rates/" + pop).getAttribute("bin_ms").getData())
          .doubleValue();
      double[] t = new double[r.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = (i + 0.5) * bin / 1000.0;
      }
      c.addSeries(pop, t, r);
    }
    return List.of(c);
  }

  private static List<Chart<?, ?>> weightHistograms(HdfFile f, String proj) {
    double[] snaps = doubles(f, "/weights/" + proj + "/snapshot_time_s");
    long[] start = longs(f, "/weights/" + proj + "/snapshot_start");
    float[] w = floats(f, "/weights/" + proj + "/weight");
    TreeMap<Double, List<Double>> byTime = new TreeMap<>();
    // Four snapshots spread over the run, each once (a short run may have fewer).
    java.util.Set<Integer> pick = new java.util.TreeSet<>(List.of(0, snaps.length / 3,
        2 * snaps.length / 3, snaps.length - 1));
    double max = 0;
    for (int p : pick) {
      List<Double> list = new ArrayList<>();
      for (long i = start[p]; i < start[p + 1]; i++) {
        list.add((double) w[(int) i]);
        max = Math.max(max, w[(int) i]);
      }
      byTime.put(snaps[p], list);
    }
    CategoryChart c = new CategoryChartBuilder().width(900).height(320)
        .title("Active weights of " + proj).xAxisTitle("weight [nS]").yAxisTitle("synapses").build();
    c.getStyler().setOverlapped(true);
    c.getStyler().setXAxisDecimalPattern("0.00");
    c.getStyler().setXAxisLabelRotation(45);
    for (Map.Entry<Double, List<Double>> e : byTime.entrySet()) {
      if (!e.getValue().isEmpty()) {
        org.knowm.xchart.Histogram h = new org.knowm.xchart.Histogram(e.getValue(), 30, 0,
            Math.max(max, 1e-6));
        c.addSeries("t = " + seconds(e.getKey()) + " s", h.getxAxisData(), h.getyAxisData());
      }
    }
    return List.of(c);
  }

  /** A snapshot time as written: distinct times stay distinct (0.04, not 0.0), to 0.1 ms. */
  static String seconds(double t) {
    return java.math.BigDecimal.valueOf(t).setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros().toPlainString();
  }

  private static List<Chart<?, ?>> structural(HdfFile f) {
    List<Chart<?, ?>> charts = new ArrayList<>();
    for (String proj : children(f, "structural")) {
      XYChart c = new XYChartBuilder().width(900).height(280).title("Structural plasticity, " + proj)
          .xAxisTitle("time [s]").yAxisTitle("synapses per call").build();
      c.getStyler().setMarkerSize(3);
      double[] t = doubles(f, "/structural/" + proj + "/time_s");
      c.addSeries("pruned", t, toDoubles(ints(f, "/structural/" + proj + "/pruned")));
      c.addSeries("regrown", t, toDoubles(ints(f, "/structural/" + proj + "/regrown")));
      charts.add(c);
    }
    return charts;
  }

  private static List<Chart<?, ?>> degrees(HdfFile f, String proj) {
    long[] start = longs(f, "/weights/" + proj + "/snapshot_start");
    int[] src = ints(f, "/weights/" + proj + "/source");
    int[] tgt = ints(f, "/weights/" + proj + "/target");
    Map<Integer, Integer> out = new TreeMap<>();
    Map<Integer, Integer> in = new TreeMap<>();
    for (long i = start[start.length - 2]; i < start[start.length - 1]; i++) {
      out.merge(src[(int) i], 1, Integer::sum);
      in.merge(tgt[(int) i], 1, Integer::sum);
    }
    List<Chart<?, ?>> charts = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, Integer>> e : Map.of("out-degree", out, "in-degree", in)
        .entrySet()) {
      List<Double> values = new ArrayList<>();
      e.getValue().values().forEach(v -> values.add((double) v));
      CategoryChart c = new CategoryChartBuilder().width(440).height(280)
          .title(proj + " active " + e.getKey()).xAxisTitle(e.getKey()).yAxisTitle("neurons")
          .build();
      c.getStyler().setLegendVisible(false);
      c.getStyler().setXAxisDecimalPattern("0");
      c.getStyler().setXAxisLabelRotation(45);
      if (!values.isEmpty()) {
        org.knowm.xchart.Histogram h = new org.knowm.xchart.Histogram(values, 20);
        c.addSeries(e.getKey(), h.getxAxisData(), h.getyAxisData());
        charts.add(c);
      }
    }
    return charts;
  }

  private static String section(String title, List<Chart<?, ?>> charts) throws IOException {
    return HtmlPage.section(title, charts);
  }

  private static List<String> children(HdfFile f, String group) {
    Node g = f.getChildren().get(group);
    return g instanceof Group grp ? new ArrayList<>(grp.getChildren().keySet()) : List.of();
  }

  private static String attr(HdfFile f, String key) {
    Attribute a = f.getAttribute(key);
    return a == null ? "" : String.valueOf(a.getData());
  }

  private static double[] doubles(HdfFile f, String path) {
    return (double[]) dataset(f, path).getData();
  }

  private static float[] floats(HdfFile f, String path) {
    return (float[]) dataset(f, path).getData();
  }

  private static long[] longs(HdfFile f, String path) {
    return (long[]) dataset(f, path).getData();
  }

  private static int[] ints(HdfFile f, String path) {
    return (int[]) dataset(f, path).getData();
  }

  private static Dataset dataset(HdfFile f, String path) {
    return f.getDatasetByPath(path);
  }

  private static double[] toDoubles(int[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  private static String esc(String s) {
    return HtmlPage.esc(s);
  }
}
