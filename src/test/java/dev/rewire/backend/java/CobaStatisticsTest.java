package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import dev.rewire.testing.SeedStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A neuron model written in the model language against Brian2 2.5.1: examples/coba.toml for 1 s,
 * 8 seeds, against bench/brian2/coba.py's 8 seeds (src/test/resources/reference/brian2-coba.json),
 * with {@link SeedStatistics}'s tolerance: the E and I rates and the mean CV of the interspike
 * intervals (over neurons with at least 3 spikes) of each population.
 */
class CobaStatisticsTest {
  private static final int SEEDS = 8;
  private static final int NE = 3200;
  private static final int N = 4000;

  /** One run's statistics: E rate, I rate [Hz], E CV, I CV. */
  private record Stats(double rateE, double rateI, double cvE, double cvI) {}

  @Test
  void coba_oneSecond_matchesBrian2WithinSeedToSeedSpread() throws IOException {
    List<JsonNode> ref = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/reference/brian2-coba.json")) {
      new ObjectMapper().readTree(in).get("runs").forEach(ref::add);
    }
    assertEquals(SEEDS, ref.size());
    List<Stats> ours = new ArrayList<>();
    for (int seed = 1; seed <= SEEDS; seed++) {
      ours.add(run(seed));
    }
    SeedStatistics.compare("COBA E rate [Hz]", ours, Stats::rateE, ref,
        r -> r.at("/rate_hz/E").asDouble());
    SeedStatistics.compare("COBA I rate [Hz]", ours, Stats::rateI, ref,
        r -> r.at("/rate_hz/I").asDouble());
    SeedStatistics.compare("COBA E CV of ISI", ours, Stats::cvE, ref,
        r -> r.at("/cv_isi/E").asDouble());
    SeedStatistics.compare("COBA I CV of ISI", ours, Stats::cvI, ref,
        r -> r.at("/cv_isi/I").asDouble());
  }

  private static Stats run(int seed) {
    Plan plan = Plan.compile(ModelFile.load(Path.of("examples/coba.toml"),
        List.of("simulation.duration_ms=1000", "simulation.seed=" + seed)));
    List<List<Integer>> trains = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      trains.add(new ArrayList<>());
    }
    try (Simulation sim = new JavaBackend().open(plan)) {
      sim.run(plan.steps(), new SimulationListener() {
        @Override
        public void onSpikes(int step, int[] neurons, int count) {
          for (int q = 0; q < count; q++) {
            trains.get(neurons[q]).add(step);
          }
        }

        @Override
        public void onStructural(StructuralEvent event) {}
      });
    }
    double seconds = plan.steps() * plan.dtMs() / 1000.0;
    return new Stats(rate(trains.subList(0, NE), seconds), rate(trains.subList(NE, N), seconds),
        cv(trains.subList(0, NE)), cv(trains.subList(NE, N)));
  }

  private static double rate(List<List<Integer>> trains, double seconds) {
    return trains.stream().mapToInt(List::size).sum() / (double) trains.size() / seconds;
  }

  /** Mean over trains with >= 3 spikes of std / mean of the intervals (population std). */
  private static double cv(List<List<Integer>> trains) {
    double sum = 0;
    int n = 0;
    for (List<Integer> t : trains) {
      if (t.size() < 3) {
        continue;
      }
      double mean = (t.get(t.size() - 1) - t.get(0)) / (double) (t.size() - 1);
      double var = 0;
      for (int k = 1; k < t.size(); k++) {
        double d = t.get(k) - t.get(k - 1) - mean;
        var += d * d;
      }
      sum += Math.sqrt(var / (t.size() - 1)) / mean;
      n++;
    }
    return sum / n;
  }
}
