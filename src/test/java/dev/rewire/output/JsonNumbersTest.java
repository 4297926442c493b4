package dev.rewire.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A number that is not one is null in JSON, never the string "NaN". */
class JsonNumbersTest {
  record Row(double mean, Double max, float low, double[] quantiles, Map<String, Double> rates) {}

  @Test
  void nonFiniteNumbers_areWrittenAsNull() throws Exception {
    ObjectMapper json = JsonMapper.builder().addModule(JsonNumbers.module()).build();
    String s = json.writeValueAsString(new Row(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN,
        new double[] {1.5, Double.NaN}, Map.of("E", Double.NEGATIVE_INFINITY)));
    assertEquals("{\"mean\":null,\"max\":null,\"low\":null,\"quantiles\":[1.5,null],"
        + "\"rates\":{\"E\":null}}", s);
    assertEquals("{\"mean\":2.0,\"max\":3.0,\"low\":0.5,\"quantiles\":[],\"rates\":{}}",
        json.writeValueAsString(new Row(2, 3.0, 0.5f, new double[0], Map.of())));
  }
}
