package dev.rewire.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Seed lists as users write them: {@code 1-16}, {@code 1,5,9}, {@code 1-4,10}. */
public final class Seeds {
  /** More seeds than this in one sweep is almost certainly a typo (1-100000000). */
  static final int MAX = 1_000_000;

  private Seeds() {}

  /** The seeds of {@code text}, in the order written, each once; {@code what} names the field. */
  public static List<Long> parse(String what, String text) {
    Set<Long> seeds = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      String p = part.strip();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?")
          .matcher(p);
      if (!m.matches()) {
        throw new SweepException(what + " expects seeds such as 1-16 or 1,5,9 (integers in [0, "
            + "4294967295]), got '" + text + "'");
      }
      long from = seed(what, m.group(1), text);
      long to = m.group(2) == null ? from : seed(what, m.group(2), text);
      if (to < from) {
        throw new SweepException(what + ": the range " + p + " runs backwards; expected low-high");
      }
      if (to - from >= MAX || seeds.size() + (to - from + 1) > MAX) {
        throw new SweepException(what + ": more than " + MAX + " seeds in '" + text + "'");
      }
      for (long s = from; s <= to; s++) {
        seeds.add(s);
      }
    }
    return List.copyOf(seeds);
  }

  /** Seeds given as a TOML array of integers. */
  public static List<Long> of(String what, List<Long> values) {
    Set<Long> seeds = new LinkedHashSet<>();
    for (Long s : values) {
      if (s == null || s < 0 || s > 0xFFFFFFFFL) {
        throw new SweepException(what + ": a seed must be an integer in [0, 4294967295], got "
            + s);
      }
      seeds.add(s);
    }
    if (seeds.isEmpty()) {
      throw new SweepException(what + ": expected at least one seed, got none");
    }
    return new ArrayList<>(seeds);
  }

  private static long seed(String what, String digits, String text) {
    try {
      long s = Long.parseLong(digits);
      if (s <= 0xFFFFFFFFL) {
        return s;
      }
    } catch (NumberFormatException e) {
      // too many digits: reported below
    }
    throw new SweepException(what + ": seed " + digits + " in '" + text + "' is not in [0, "
        + "4294967295]");
  }
}
