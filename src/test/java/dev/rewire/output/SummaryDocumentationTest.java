package dev.rewire.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewire.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's table of summary keys and real summaries say the same, both ways: every key of a
 * summary is documented, and every documented key occurs in some summary (a plain run with
 * --profile, a resumed one, one stopped by the numerical guard). Tools that read summaries go by
 * the README; this test keeps the two from drifting.
 */
class SummaryDocumentationTest {
  @TempDir
  Path dir;

  @Test
  void everySummaryKey_isInTheReadmeTable_andEveryDocumentedKeyOccurs() throws IOException {
    List<Pattern> documented = documentedKeys(Files.readString(Path.of("README.md")));
    assertTrue(documented.size() > 30, "the table was found: " + documented.size() + " keys");

    Path plain = dir.resolve("plain.json");
    Path ck = dir.resolve("c.ckpt");
    main("run", "--duration", "250ms", "--profile", "--checkpoint", ck.toString(),
        "--checkpoint-every", "100ms", "--summary", plain.toString());
    Path resumed = dir.resolve("resumed.json");
    main("resume", ck.toString(), "--duration", "300ms", "--summary", resumed.toString());
    Path stopped = dir.resolve("stopped.json");
    main("run", "--duration", "1s", "--set", "neurons.net.c_pf=0.01", "--summary",
        stopped.toString());

    Set<String> actual = new TreeSet<>();
    for (Path p : List.of(plain, resumed, stopped)) {
      flatten(SummaryWriter.read(p), "", actual);
    }
    for (String key : actual) {
      assertTrue(documented.stream().anyMatch(d -> d.matcher(key).matches()),
          "summary key '" + key + "' is not in the README's Summary JSON table");
    }
    for (Pattern d : documented) {
      if (d.pattern().equals("run_id")) {
        continue; // only in a sweep's summaries
      }
      assertTrue(actual.stream().anyMatch(k -> d.matcher(k).matches()),
          "the README documents '" + d.pattern() + "', which no summary has");
    }
  }

  /** Key paths from the rows of the table under "## Summary JSON", placeholders as wildcards. */
  private static List<Pattern> documentedKeys(String readme) {
    int from = readme.indexOf("## Summary JSON");
    int to = readme.indexOf("\n## ", from + 1);
    Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9_.<>]+)` \\|")
        .matcher(readme.substring(from, to < 0 ? readme.length() : to));
    List<Pattern> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(Pattern.compile(m.group(1).replace(".", "\\.").replaceAll("<[a-z]+>", "[^.]+")));
    }
    return keys;
  }

  /** Dotted paths of the leaves; arrays are leaves. */
  private static void flatten(JsonNode node, String path, Set<String> out) {
    if (!node.isObject()) {
      out.add(path);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
    }
  }

  /** Runs a command whose last argument is the summary it must write. */
  private static void main(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(true, Files.exists(Path.of(args[args.length - 1])), "wrote "
        + args[args.length - 1] + "; stderr: " + err.toString(StandardCharsets.UTF_8));
  }
}
