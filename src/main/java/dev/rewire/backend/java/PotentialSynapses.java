package dev.rewire.backend.java;

import dev.rewire.backend.PotentialSet;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.RulePlan;
import java.util.Arrays;
import java.util.Map;

/**
 * The Java backend's potential set: the shared layout of {@link PotentialSet} plus the projection's
 * plasticity traces (pre traces per source neuron, post traces per target neuron: traces belong to
 * neurons, one set per projection; docs/design.md, section 1) and the list of slots below the
 * pruning threshold.
 */
final class PotentialSynapses extends PotentialSet {
  /**
   * Structural plasticity with a threshold (a prune condition w < c) needs the active synapses
   * below it. Instead of scanning every active weight at each call, the slots whose weight was set
   * below it (at the start, by STDP or by regrowth) are listed as they happen, one list per thread
   * that runs the plasticity code ({@link LowList}); a call checks only those, or, when a list
   * filled up and may have lost entries, every active synapse (and the lists are made larger). A
   * rare branch in the STDP loops (such as "the list is full") would be compiled as never taken
   * and cost a deoptimisation when it first is.
   */
  final float pruneBelow;
  /** Scratch flags for dropping duplicates; all false between calls. */
  private final boolean[] seen;
  /** The lists of slots set below the threshold, one per thread ({@link Team} member). */
  final LowList[] lows;
  /** Plasticity traces of the sources and of the targets; null without a rule. */
  final Traces pre;
  final Traces post;
  /** Set by the rule's code when it made a weight that is not a finite number >= 0. */
  boolean badWeight;
  /** The rule's and prune condition's generated code; null when there is neither. */
  final RuleCode rule;

  /**
   * The set over its arrays in {@code state} (shared); {@code signedInput}: its receptor may get
   * negative input (from other projections), so deliveries use {@link InputSum#addSigned}.
   */
  PotentialSynapses(ProjectionPlan plan, Map<String, Object> state, boolean signedInput) {
    this(plan, state, signedInput, 1);
  }

  /** {@code members}: the threads that run its plasticity code, each with its own list. */
  PotentialSynapses(ProjectionPlan plan, Map<String, Object> state, boolean signedInput,
      int members) {
    super(plan, state);
    // Below a negative threshold nothing ever is (weights are >= 0): no structural plasticity, or
    // a prune condition other than a threshold (then every call looks at every active synapse).
    pruneBelow = plan.structural() == null || !plan.structural().threshold() ? -1.0f
        : plan.structural().pruneBelow();
    seen = new boolean[idCount()];
    lows = new LowList[members];
    for (int m = 0; m < members; m++) {
      lows[m] = new LowList(Math.min(idCount(), 1024));
    }
    markActiveBelowThreshold();
    RulePlan r = plan.plasticity();
    pre = r == null ? null : new Traces(traces(state, r.preTraces(), "pre."),
        (int[]) state.get(plan.array("pre_last")), r.preDecay());
    post = r == null ? null : new Traces(traces(state, r.postTraces(), "post."),
        (int[]) state.get(plan.array("post_last")), r.postDecay());
    boolean condition = plan.structural() != null && !plan.structural().threshold();
    rule = r == null && !condition ? null : RuleCode.of(r, plan.structural(), signedInput,
        activeOnly);
  }

  private float[][] traces(Map<String, Object> state, java.util.List<String> names,
      String side) {
    float[][] out = new float[names.size()][];
    for (int k = 0; k < out.length; k++) {
      out[k] = (float[]) state.get(plan.array(side + names.get(k)));
    }
    return out;
  }

  /**
   * Lists every active slot below the threshold. It walks the active entries of the rows, not all
   * potential slots: a loop over the potential set is long enough for the JIT to compile it (an
   * on-stack replacement) just as the run starts, which delays the compilation of the step.
   */
  private void markActiveBelowThreshold() {
    int[] slots = new int[activeCount()];
    for (int k = 0, n = activeBelowThreshold(slots); k < n; k++) {
      markLow(slots[k]);
    }
  }

  /** Writes the active slots below the threshold into out (in row order); their count. */
  private int activeBelowThreshold(int[] out) {
    int n = 0;
    for (int i = 0; i < rowCount.length; i++) {
      for (int r = rowOffset[i], end = r + rowCount[i]; r < end; r++) {
        if (rowWeight[r] < pruneBelow) {
          out[n++] = idAt(r);
        }
      }
    }
    return n;
  }

  /** The id of the synapse at row position r: its slot, or r in an active-only set. */
  private int idAt(int r) {
    return activeOnly ? r : rowSyn[r];
  }

  /**
   * Sets the weight of active slot s (row position s of an active-only set) from outside the STDP
   * phases (tests, checkpoint restore).
   */
  void setWeight(int s, float w) {
    if (!isActive(s)) {
      throw new IllegalArgumentException("slot " + s + " is not active");
    }
    rowWeight[activeOnly ? s : slotPos[s]] = w;
    if (w < pruneBelow) {
      markLow(s);
    }
  }

  @Override
  public void activate(int i, int s, float w) {
    super.activate(i, s, w);
    if (w < pruneBelow) {
      markLow(s);
    }
  }

  /**
   * After an active-only call ({@link dev.rewire.backend.ActiveRegrowth#rewire}), lists the
   * regrown synapses whose weight is below the threshold, at their new row positions.
   */
  void listLow(dev.rewire.backend.Rewiring r) {
    for (int k = 0; k < r.regrownSource().length; k++) {
      if (r.regrownWeight()[k] < pruneBelow) {
        int i = r.regrownSource()[k];
        markLow(Arrays.binarySearch(rowTarget, rowOffset[i], rowOffset[i] + rowCount[i],
            r.regrownTarget()[k]));
      }
    }
  }

  /** Notes that slot s was given a weight below {@link #pruneBelow}. */
  void markLow(int s) {
    lows[0].add(s);
  }

  /**
   * The active slots (row positions of an active-only set) to prune now, ascending: with a threshold, those whose weight is below
   * {@link #pruneBelow}, from the list, which it then forgets (the list holds every such slot as
   * long as the caller deactivates what each call returns, as structural plasticity does: a weight
   * set below the threshold is always listed, so an active slot below it was listed after the
   * previous call); with another condition, those it selects among all active slots.
   */
  int[] takePruned() {
    int[] out;
    int n;
    boolean lost = false;
    int listed = 0;
    for (LowList l : lows) {
      lost |= l.full();
      listed += l.count;
    }
    if (plan.structural() != null && !plan.structural().threshold()) {
      out = new int[activeCount()]; // another condition: look at every active synapse
      n = activePruned(out);
    } else if (!lost) {
      out = new int[listed];
      n = belowThreshold(out);
    } else { // a list filled up: entries may be lost, so look at every active synapse
      out = new int[activeCount()];
      n = activeBelowThreshold(out);
      for (LowList l : lows) {
        if (l.capacity < idCount()) {
          l.resize((int) Math.min(idCount(), 2L * l.capacity));
        }
      }
    }
    for (LowList l : lows) {
      l.count = 0;
    }
    Arrays.sort(out, 0, n);
    return Arrays.copyOf(out, n);
  }

  /** Writes the active slots that the prune condition selects into out (in row order); count. */
  private int activePruned(int[] out) {
    int n = 0;
    for (int i = 0; i < rowCount.length; i++) {
      for (int r = rowOffset[i], end = r + rowCount[i]; r < end; r++) {
        if (rule.prune(rowWeight[r])) {
          out[n++] = idAt(r);
        }
      }
    }
    return n;
  }

  /**
   * Writes the distinct listed slots (of every list) that are active and below the threshold into
   * out; their count.
   */
  private int belowThreshold(int[] out) {
    int n = 0;
    for (LowList l : lows) {
      for (int k = 0; k < l.count; k++) {
        int s = l.slot[k];
        if (!seen[s] && isActive(s) && weightOf(s) < pruneBelow) {
          seen[s] = true;
          out[n++] = s;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      seen[out[k]] = false;
    }
    return n;
  }
}
