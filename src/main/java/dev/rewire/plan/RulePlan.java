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

  /** Whether any statement divides or takes a square root. */
  public boolean dividesOrRoots() {
    List<RExpr> all = new ArrayList<>(onPre.expressions());
    all.addAll(onPost.expressions());
    return all.stream().anyMatch(Evaluator::dividesOrRoots);
  }
}
