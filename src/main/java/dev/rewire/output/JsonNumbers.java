package dev.rewire.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * JSON has no NaN or infinity, and Jackson's default writes them as strings ("NaN") into fields
 * that readers take for numbers; a value that is not a finite number is written as null instead
 * (a mean over no synapses, say).
 */
public final class JsonNumbers {
  private JsonNumbers() {}

  /** The module that writes non-finite doubles and floats as null. */
  public static SimpleModule module() {
    JsonSerializer<Double> doubles = finiteOrNull(JsonGenerator::writeNumber);
    JsonSerializer<Float> floats = finiteOrNull(JsonGenerator::writeNumber);
    JsonSerializer<double[]> arrays = new JsonSerializer<>() {
      @Override
      public void serialize(double[] a, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartArray(a, a.length);
        for (double v : a) {
          doubles.serialize(v, g, p);
        }
        g.writeEndArray();
      }
    };
    return new SimpleModule("rewire-finite-numbers")
        .addSerializer(double[].class, arrays)
        .addSerializer(Double.class, doubles)
        .addSerializer(double.class, doubles)
        .addSerializer(Float.class, floats)
        .addSerializer(float.class, floats);
  }

  /** How a finite value of one type is written (writeNumber of its own width). */
  private interface Writer<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private static <T extends Number> JsonSerializer<T> finiteOrNull(Writer<T> writer) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (Double.isFinite(v.doubleValue())) {
          writer.write(g, v);
        } else {
          g.writeNull();
        }
      }
    };
  }
}
