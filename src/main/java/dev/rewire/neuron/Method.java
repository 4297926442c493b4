package dev.rewire.neuron;

import java.util.Locale;

/** How a neuron model's equations advance by one step (README, "Neuron models"). */
public enum Method {
  /** Forward Euler, every right-hand side from the values before the step; Euler–Maruyama with xi. */
  EULER,
  /** Midpoint Runge–Kutta (Brian2's rk2). */
  RK2,
  /** Classical fourth-order Runge–Kutta (Brian2's rk4). */
  RK4,
  /**
   * For dx/dt = a·x + b with a and b held at their values before the step:
   * x ← -b/a + (x + b/a)·exp(a·dt), as Brian2's exponential_euler.
   */
  EXPONENTIAL_EULER,
  /** The exact solution of dx/dt = a·x + b with a, b constant; refused for any other equation. */
  EXACT;

  /** The name in a model file. */
  public String modelName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The method of that name, or null. */
  public static Method named(String name) {
    for (Method m : values()) {
      if (m.modelName().equals(name)) {
        return m;
      }
    }
    return null;
  }

  static java.util.List<String> names() {
    return java.util.Arrays.stream(values()).map(Method::modelName).toList();
  }
}
