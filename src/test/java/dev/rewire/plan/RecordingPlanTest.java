package dev.rewire.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.rewire.testing.TestModels;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingPlanTest {
  /** recording.state.neurons by population, by range inside one, by global range, by list. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'\"E\"'                               | 0   | 400",
      "'\"I\"'                               | 400 | 500",
      "'{population=\"I\",from=10,to=13}'    | 410 | 413",
      "'{population=\"E\",to=3}'             | 0   | 3",
      "'{from=398,to=402}'                   | 398 | 402",
  })
  void stateNeurons_resolveToGlobalIndices(String selection, int from, int to) {
    Plan plan = Plan.compile(TestModels.seedEi(10, 1,
        "recording.state={neurons=" + selection + ",every_ms=1}"));
    assertArrayEquals(IntStream.range(from, to).toArray(), plan.recording().stateNeurons());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"'[0,400]' | '0,400'", "'[7]' | '7'"})
  void stateNeurons_aListIsThoseGlobalIndices(String selection, String expected) {
    Plan plan = Plan.compile(TestModels.seedEi(10, 1,
        "recording.state={neurons=" + selection + ",every_ms=1}"));
    int[] want = java.util.Arrays.stream(expected.split(",")).mapToInt(Integer::parseInt)
        .toArray();
    assertArrayEquals(want, plan.recording().stateNeurons());
  }
}
