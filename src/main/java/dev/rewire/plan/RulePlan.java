package dev.rewire.plan;

import dev.rewire.rule.Evaluator;
import dev.rewire.rule.Event;
import dev.rewire.rule.RExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A projection's plasticity rule as the backends run it: the params in float (in the model's
 * order, which {@link RExpr.Param} indices follow), each trace's decay table ({@link Decay}), and the
 * two events, checked and lowered ({@link Event}). What generated code depends on is
 * {@link #shape()}: the events and the numbers of params and traces, not their values, so runs
 * that differ only in values share code.
 *
 * @param preDecay per pre trace (one per source neuron), its decay table
 * @param postDecay per post trace (one per target neuron), its decay table
 */
public record RulePlan(List<String> paramNames, float[] params, List<String> preTraces,
    float[][] preDecay, List<String> postTraces, float[][] postDecay, Event onPre,
    Event onPost) {

  /** Equal for two rules exactly when the same code runs both. */
  public String shape() {
    return paramNames.size() + " params, pre " + preTraces.size() + ", post " + postTraces.size()
        + "\non_pre " + onPre.describe() + "\non_post " + onPost.describe();
  }

  /** Whether every update of {@code w} is a clip or max at its top (a weight kept in range). */
  public boolean clipsWeight() {
    List<RExpr> updates = new ArrayList<>(onPre.weightUpdates());
    updates.addAll(onPost.weightUpdates());
    return !updates.isEmpty() && updates.stream().allMatch(e -> e instanceof RExpr.Call c
        && (c.function() == dev.rewire.rule.Function.CLIP
            || c.function() == dev.rewire.rule.Function.MAX));
  }

  /**
   * What in the rule can make a number that is not one out of numbers that are: log, sqrt or pow
   * of a negative number, a division by zero, exp overflowing; as the rule's words, in that order.
   */
  public List<String> nanSources() {
    List<RExpr> all = new ArrayList<>(onPre.expressions());
    all.addAll(onPost.expressions());
    List<RExpr.Call> calls = new ArrayList<>();
    List<RExpr.Arith> arith = new ArrayList<>();
    for (RExpr e : all) {
      dev.rewire.rule.Walk.collect(e, RExpr.Call.class, calls);
      dev.rewire.rule.Walk.collect(e, RExpr.Arith.class, arith);
    }
    List<String> out = new ArrayList<>();
    for (dev.rewire.rule.Function f : List.of(dev.rewire.rule.Function.LOG,
        dev.rewire.rule.Function.SQRT, dev.rewire.rule.Function.POW,
        dev.rewire.rule.Function.EXP)) {
      if (calls.stream().anyMatch(c -> c.function() == f)) {
        out.add(f.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (arith.stream().anyMatch(a -> a.op() == '/')) {
      out.add("/");
    }
    return out;
  }

  /** Whether any statement divides or takes a square root. */
  public boolean dividesOrRoots() {
    List<RExpr> all = new ArrayList<>(onPre.expressions());
    all.addAll(onPost.expressions());
    return all.stream().anyMatch(Evaluator::dividesOrRoots);
  }
}
