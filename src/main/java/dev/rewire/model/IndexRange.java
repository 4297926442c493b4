package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Half-open range [start, end) of neuron indices inside a group; written {@code [start, end]} in a
 * model file, like Python's range.
 */
public record IndexRange(int start, int end) {
  public IndexRange {
    if (start < 0 || end <= start) {
      throw new ModelException("a population range must be [start, end] with 0 <= start < end, got ["
          + start + ", " + end + "]");
    }
  }

  @JsonCreator
  static IndexRange of(int[] bounds) {
    if (bounds == null || bounds.length != 2) {
      throw new ModelException("a population range must be two integers [start, end], got "
          + java.util.Arrays.toString(bounds));
    }
    return new IndexRange(bounds[0], bounds[1]);
  }

  @JsonValue
  int[] bounds() {
    return new int[] {start, end};
  }

  public int size() {
    return end - start;
  }
}
