package dev.rewire.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them on the command line and in sweep files: {@code 40s},
 * {@code 500ms}, {@code 2.5min}; a unit is required.
 */
public final class Durations {
  private static final Pattern FORMAT =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\\s*(ms|s|min)\\s*");

  private Durations() {}

  /** The duration in ms; {@code option} names the option in the error message. */
  public static double parseMs(String option, String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new ModelException(option + " expects a non-negative number with a unit of ms, s or min "
          + "(e.g. 40s or 500ms), got '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    double ms = switch (m.group(2)) {
      case "ms" -> value;
      case "s" -> value * 1000.0;
      default -> value * 60_000.0;
    };
    if (!Double.isFinite(ms)) {
      throw new ModelException(option + " is too large: '" + text + "'");
    }
    return ms;
  }

  /**
   * Refuses a duration that is not a whole number of steps of {@code dtMs}, or has more steps than
   * a run can have, in the option's own terms.
   */
  public static void checkSteps(String option, String text, double ms, double dtMs) {
    double ratio = ms / dtMs;
    if (ratio > Simulation.MAX_STEPS) {
      double maxS = Simulation.MAX_STEPS * dtMs / 1000.0;
      throw new ModelException(String.format(java.util.Locale.ROOT, "%s %s is too long for "
          + "dt_ms = %s: at most %s s (%s h, %d steps)", option, text, Check.plain(dtMs),
          Check.plain(Math.floor(maxS * 10) / 10), Check.plain(Math.floor(maxS / 3600 * 10) / 10),
          Simulation.MAX_STEPS));
    }
    if (Math.abs(ratio - Math.rint(ratio)) > 1e-6 * Math.max(1.0, ratio)) {
      throw new ModelException(option + " " + text + " is not a whole number of steps of dt_ms = "
          + Check.plain(dtMs) + " (" + Check.plain(ratio) + " steps)");
    }
  }
}
