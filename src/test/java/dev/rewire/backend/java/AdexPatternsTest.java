package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled adex model against Brian2 2.5.1: examples/adex-patterns.toml (the eight firing
 * patterns of Naud et al. 2008) against bench/brian2/adex_patterns.py
 * (src/test/resources/reference/brian2-adex-patterns.json). Brian2 ran each pattern in float64
 * and in float32; where those two agree (to a step), a pattern is not chaotic there, and every
 * spike of ours must be within 2 steps of Brian2's float64 spike of the same index. Where Brian2
 * agrees with itself to the end, the spike counts must be equal too.
 */
class AdexPatternsTest {
  private static final double DT_MS = 0.1;
  private static final double EPS = 1e-6;

  @Test
  void adexPatterns_matchBrian2SpikeBySpike() throws IOException {
    Plan plan = Plan.compile(ModelFile.load(Path.of("examples/adex-patterns.toml"), List.of()));
    List<List<Integer>> ours = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      ours.add(new ArrayList<>());
    }
    try (Simulation sim = new JavaBackend().open(plan)) {
      sim.run(plan.steps(), new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {
          for (int q = 0; q < count; q++) {
            ours.get(neurons[q]).add(step);
          }
        }

        @Override
        public void onStructural(StructuralEvent event) {}
      });
    }
    JsonNode patterns;
    try (InputStream in = getClass().getResourceAsStream("/reference/brian2-adex-patterns.json")) {
      patterns = new ObjectMapper().readTree(in).get("patterns");
    }
    assertEquals(8, patterns.size());
    int compared = 0;
    for (int k = 0; k < 8; k++) {
      JsonNode p = patterns.get(k);
      JsonNode b64 = p.at("/spikes_ms/float64");
      JsonNode b32 = p.at("/spikes_ms/float32");
      int agree = 0;
      while (agree < Math.min(b64.size(), b32.size())
          && Math.abs(b64.get(agree).asDouble() - b32.get(agree).asDouble()) <= DT_MS + EPS) {
        agree++;
      }
      List<Integer> mine = ours.get(k);
      double worst = 0;
      for (int q = 0; q < agree; q++) {
        assertTrue(q < mine.size(), p.get("name").asText() + ": Brian2 spikes " + b64.size()
            + " times (float32 agreeing for " + agree + "), rewire only " + mine.size());
        double diff = Math.abs(mine.get(q) * DT_MS - b64.get(q).asDouble());
        worst = Math.max(worst, diff);
        assertTrue(diff <= 2 * DT_MS + EPS, p.get("name").asText() + " spike " + q + ": rewire "
            + mine.get(q) * DT_MS + " ms, Brian2 " + b64.get(q).asDouble() + " ms");
      }
      if (agree == b64.size() && agree == b32.size()) {
        assertEquals(b64.size(), mine.size(), p.get("name").asText() + ": spike count");
      }
      compared += agree;
      System.out.printf("%-22s brian2 %3d spikes (float32 agrees for %3d), rewire %3d; worst "
          + "difference %.1f ms%n", p.get("name").asText(), b64.size(), agree, mine.size(), worst);
    }
    assertTrue(compared >= 150, "compared " + compared + " spikes");
  }
}
