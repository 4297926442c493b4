package dev.rewire.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void bar_ofARunShorterThanAWallSecond_endsWithItsSpeed() throws InterruptedException {
    Plan plan = Plan.compile(TestModels.seedEi(3000, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress p = Progress.start(new PrintStream(bytes, true, StandardCharsets.UTF_8), plan,
        0)) {
      p.stepTo(0);
      Thread.sleep(30);
      p.stepTo(plan.steps() / 2);
      Thread.sleep(30);
      p.stepTo(plan.steps());
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);
    String last = shown.substring(shown.lastIndexOf('\r') + 1).strip();
    assertTrue(last.matches(".*100% .* [0-9]+\\.[0-9]{2} sim-s/s"), shown);
    assertFalse(shown.contains("?"), shown);
  }

  @Test
  void bar_ofAResumedRun_startsWhereItResumed() {
    Plan plan = Plan.compile(TestModels.seedEi(4000, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress p = Progress.start(new PrintStream(bytes, true, StandardCharsets.UTF_8), plan,
        20_000)) {
      p.stepTo(20_000);
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(" 50% "),
        bytes.toString(StandardCharsets.UTF_8));
  }
}
