package dev.rewire.rule;

import java.util.Locale;

/**
 * The functions a rule may call. Each is defined to the bit, the same in Java and OpenCL C
 * ({@link RuleMath}): min, max and clip compare with {@code <} and {@code >} (so a NaN argument
 * gives the first one), abs clears the sign bit, exp and log are {@link RuleMath}'s, sqrt is the
 * correctly rounded square root, pow(x, y) is {@link RuleMath#pow}'s, where(c, a, b) is a if c
 * holds, else b.
 */
public enum Function {
  CLIP(3), MIN(2), MAX(2), ABS(1), EXP(1), LOG(1), SQRT(1), POW(2), WHERE(3);

  private final int arity;

  Function(int arity) {
    this.arity = arity;
  }

  public int arity() {
    return arity;
  }

  /** The name in a rule. */
  public String ruleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Function named(String name) {
    for (Function f : values()) {
      if (f.ruleName().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
