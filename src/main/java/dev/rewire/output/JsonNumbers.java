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
    SimpleModule m = new SimpleModule("rewire-finite-numbers");
    JsonSerializer<Double> doubles = new JsonSerializer<>() {
      @Override
      public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (Double.isFinite(v)) {
          g.writeNumber(v);
        } else {
          g.writeNull();
        }
      }
    };
    JsonSerializer<Float> floats = new JsonSerializer<>() {
      @Override
      public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (Float.isFinite(v)) {
          g.writeNumber(v);
        } else {
          g.writeNull();
        }
      }
    };
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
    m.addSerializer(double[].class, arrays);
    m.addSerializer(Double.class, doubles);
    m.addSerializer(double.class, doubles);
    m.addSerializer(Float.class, floats);
    m.addSerializer(float.class, floats);
    return m;
  }
}
