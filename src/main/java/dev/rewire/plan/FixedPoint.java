package dev.rewire.plan;

/**
 * Conductance input is summed in 64-bit fixed point with 32 fractional bits, so that the sum of
 * many synaptic inputs does not depend on the order in which they are added (integer addition is
 * associative; float addition is not). Both conversions are exactly what OpenCL's
 * {@code convert_long(float)} (round toward zero) and {@code convert_float(long)} (round to nearest
 * even) do, so the device repeats them bit for bit.
 *
 * <p>Range: up to 2^31 nS per neuron and step; resolution 2^-32 nS. A weight w ≥ 2^-8 nS converts
 * exactly; smaller ones lose at most 2^-32 nS.
 */
public final class FixedPoint {
  /** 2^32, the value of 1 nS in fixed point. */
  public static final float ONE = 0x1p32f;
  private static final float INVERSE = 0x1p-32f;

  private FixedPoint() {}

  public static long fromFloat(float nS) {
    return (long) (nS * ONE);
  }

  public static float toFloat(long fixed) {
    return (float) fixed * INVERSE;
  }
}
