package dev.rewire.model;

/** Argument checks for the model records; every message names the field, the value and the range. */
public final class Check {
  private Check() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new ModelException(field + " is required");
    }
    return value;
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new ModelException(field + " must be a finite number, got " + value);
    }
    return value;
  }

  static double positive(String field, double value, String unit) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new ModelException(field + " must be > 0" + unit(unit) + ", got " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value, String unit) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new ModelException(field + " must be >= 0" + unit(unit) + ", got " + value);
    }
    return value;
  }

  static double probability(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new ModelException(field + " must be a probability in [0, 1], got " + value);
    }
    return value;
  }

  static int positive(String field, int value) {
    if (value <= 0) {
      throw new ModelException(field + " must be > 0, got " + value);
    }
    return value;
  }

  static String name(String field, String value) {
    present(field, value);
    if (!value.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      throw new ModelException(
          field + " must be a name of letters, digits, '_' or '-' starting with a letter or '_', got '"
              + value + "'");
    }
    return value;
  }

  /** A number as a person writes it: 1000000000000, 0.1, 1e-300; not 1.0E12 or 300 zeros. */
  public static String plain(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    String p = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return p.length() <= 16 ? p : Double.toString(v).replace("E", "e");
  }

  private static String unit(String unit) {
    return unit.isEmpty() ? "" : " " + unit;
  }
}
