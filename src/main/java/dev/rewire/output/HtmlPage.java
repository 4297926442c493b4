package dev.rewire.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The parts of rewire's self-contained HTML reports: charts drawn by XChart (headless) and embedded
 * as PNG, sections, tables, escaping, and the page written atomically.
 */
public final class HtmlPage {
  private HtmlPage() {}

  /** A heading and its charts, each an embedded PNG. */
  public static String section(String title, List<? extends Chart<?, ?>> charts)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    StringBuilder sb = new StringBuilder("<h2>").append(esc(title)).append("</h2>\n");
    for (Chart<?, ?> c : charts) {
      byte[] png = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
      sb.append("<img alt=\"").append(esc(c.getTitle())).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }
    return sb.toString();
  }

  /** Writes a whole page around {@code body}, atomically. */
  public static void write(Path file, String title, String body) throws IOException {
    String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title><style>body{font-family:sans-serif;max-width:1000px;margin:auto}"
        + "td,th{padding:2px 8px;text-align:left}img{max-width:100%}"
        + "table.runs td{font-size:85%}</style></head><body>\n" + body + "</body></html>\n";
    AtomicFile.write(file, tmp -> Files.writeString(tmp, page, StandardCharsets.UTF_8));
  }

  public static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"",
        "&quot;");
  }
}
