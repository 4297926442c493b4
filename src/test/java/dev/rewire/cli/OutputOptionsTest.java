package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output files: checked before the run, never the same file twice, usual permissions. */
class OutputOptionsTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) {
    return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !Files.isDirectory(p)).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--report", "--summary", "--checkpoint"})
  void twoOutputsNamingTheSameFile_areBadInput_andNothingRuns(String other) throws IOException {
    String x = dir.resolve("x.h5").toString();
    assertEquals(2, main("run", "--duration", "100ms", "--out", x, other, x));
    assertTrue(err().contains("--out and " + other + " name the same file")
        || err().contains(other + " and --out name the same file"), err());
    assertEquals(List.of(), files(), "nothing written");
  }

  @Test
  void theSameFileThroughDotDotOrALink_isStillTheSameFile() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    Path x = dir.resolve("x.json");
    assertEquals(2, main("run", "--duration", "100ms", "--summary", x.toString(), "--report",
        dir.resolve("sub").resolve("..").resolve("x.json").toString()));
    assertTrue(err().contains("--summary and --report name the same file"), err());
    Files.writeString(x, "{}");
    Path link = Files.createSymbolicLink(dir.resolve("link.h5"), x);
    err.reset();
    assertEquals(2, main("run", "--duration", "100ms", "--summary", x.toString(), "--out",
        link.toString()));
    assertTrue(err().contains("--summary and --out name the same file"), err());
    assertEquals("{}", Files.readString(x), "left alone");
  }

  @Test
  void outputs_getThePermissionsOfAPlainNewFile() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain")); // honours the umask (0644 under 022)
    String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
    assertEquals(0, main("run", "--duration", "200ms", "--summary", dir.resolve("s.json")
        .toString(), "--out", dir.resolve("r.h5").toString(), "--report",
        dir.resolve("r.html").toString(), "--checkpoint", dir.resolve("c.ckpt").toString(),
        "--checkpoint-every", "100ms"), err());
    for (String name : List.of("s.json", "r.h5", "r.html", "c.ckpt")) {
      assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(
          dir.resolve(name))), name);
    }
    assertEquals(5, files().size(), "no temporary file left: " + files());
  }

  @Test
  void anExistingOutputThatIsNotARegularFile_isBadInput() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertEquals(2, main("run", "--duration", "10ms", "--summary", fifo.toString()));
    assertTrue(err().contains("exists and is not a regular file"), err());
    assertTrue(!Files.isRegularFile(fifo), "left alone");
  }

  @Test
  void aSymbolicLink_isWrittenThrough_notReplaced() throws IOException {
    Files.createDirectory(dir.resolve("real"));
    Path target = dir.resolve("real").resolve("a.json");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real", "a.json"));
    assertEquals(0, main("run", "--duration", "10ms", "--summary", link.toString()), err());
    assertTrue(Files.isSymbolicLink(link), "still a link");
    assertTrue(Files.readString(target).contains("\"digest\""), "the summary went to its target");
    err.reset();
    Path dangling = Files.createSymbolicLink(dir.resolve("lb.json"), Path.of("b.json"));
    assertEquals(2, main("run", "--duration", "10ms", "--summary", dir.resolve("b.json")
        .toString(), "--out", dangling.toString()));
    assertTrue(err().contains("name the same file"), err());
  }

  @Test
  void anOutputInAFolderThatTakesNoFiles_isBadInput_beforeTheRun() {
    long t0 = System.nanoTime();
    assertEquals(2, main("run", "--duration", "60s", "--out", "/proc/r.h5"));
    assertTrue(err().contains("--out /proc/r.h5: folder /proc does not take new files"), err());
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused before 60 s were simulated");
  }
}
