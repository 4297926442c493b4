package dev.rewire.sweep;

import java.util.List;

/**
 * The K-th of N shares of a sweep's runs (K from 0): run i belongs to share i mod N, so the shares
 * are deterministic and differ in size by at most one run, and each holds every seed of a
 * parameter combination's neighbours rather than one corner of the grid.
 */
public record Shard(int k, int n) {
  public Shard {
    if (n < 1 || k < 0 || k >= n) {
      throw new SweepException("--shard expects K/N with 0 <= K < N, got " + k + "/" + n);
    }
  }

  /** Parses "K/N". */
  public static Shard parse(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*")
        .matcher(text);
    if (!m.matches()) {
      throw new SweepException("--shard expects K/N (the K-th of N shares, K from 0), got '"
          + text + "'");
    }
    return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public List<SweepRun> select(List<SweepRun> runs) {
    return runs.stream().filter(r -> r.index() % n == k).toList();
  }
}
