package dev.rewire.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir
  Path dir;

  private int main(String... args) {
    return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void runWithReport_writesOnePageWhoseImagesAllDecode() throws IOException {
    Path html = dir.resolve("r.html");
    assertEquals(0, main("run", "--duration", "2s", "--backend", "java", "--set",
        "projections.ee.structural.threshold=0.13", "--report", html.toString()));
    String page = Files.readString(html);
    Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(page);
    int images = 0;
    while (m.find()) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
          .decode(m.group(1))));
      assertNotNull(img, "image " + images + " decodes");
      assertTrue(img.getWidth() >= 400 && img.getHeight() >= 200);
      images++;
    }
    // raster, rates, 2 weight histograms, 2 structural, 2 x 2 degree histograms
    assertEquals(10, images);
    for (String part : new String[] {"Spike raster", "Population rates", "Active weights, ee",
        "Pruned and regrown", "Active degrees at the end, ie", "command_line",
        "rewire run --duration 2s", "[projections.ee.stdp]"}) {
      assertTrue(page.contains(part), "report has " + part);
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "the temporary HDF5 file is gone");
    }
  }

  /** Short runs had snapshot times that printed alike ("t = 0.0 s" twice), which XChart refused. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"1ms", "40ms", "1020ms"})
  void runWithReport_ofAShortOrOddRun_labelsEachSnapshotOnce(String duration) throws IOException {
    Path html = dir.resolve("r.html");
    assertEquals(0, main("run", "--duration", duration, "--report", html.toString()));
    assertTrue(Files.readString(html).contains("Active weights, ee"));
  }

  @Test
  void report_ofAnotherHdf5File_orIntoItsOwnInput_exitsWith2() throws IOException {
    Path h5 = dir.resolve("r.h5");
    assertEquals(0, main("run", "--duration", "10ms", "--out", h5.toString()));
    byte[] before = Files.readAllBytes(h5);
    assertEquals(2, main("report", h5.toString(), "-o", h5.toString()));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(h5)), "the results are intact");
    Path other = dir.resolve("other.h5");
    try (io.jhdf.WritableHdfFile f = io.jhdf.HdfFile.write(other)) {
      f.putDataset("x", new int[] {1, 2});
    }
    assertEquals(2, main("report", other.toString(), "-o", dir.resolve("o.html").toString()));
    assertTrue(!Files.exists(dir.resolve("o.html")));
  }

  @Test
  void report_ofAFileThatIsNotResults_exitsWith2() throws IOException {
    Path bogus = dir.resolve("bogus.h5");
    Files.writeString(bogus, "not hdf5");
    assertEquals(2, main("report", bogus.toString(), "-o", dir.resolve("x.html").toString()));
    assertEquals(2, main("report", dir.resolve("missing.h5").toString()));
  }
}
