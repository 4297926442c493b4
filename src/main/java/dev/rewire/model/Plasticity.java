package dev.rewire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewire.rule.Checker;
import dev.rewire.rule.Event;
import dev.rewire.rule.Function;
import dev.rewire.rule.Parser;
import dev.rewire.rule.RuleException;
import dev.rewire.rule.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plasticity rule written as equations (README, "Plasticity rules"): params, traces per source
 * ({@code pre_traces}) and per target neuron ({@code post_traces}) with their time constants, and
 * the statements run at a pre spike ({@code on_pre}, after the synapse delivered its weight) and at
 * a post spike ({@code on_post}). Traces decay exponentially between events and are read decayed to
 * the current step; statements run in order. Checked when the model is read: names, what each
 * statement may read and assign, the form of every expression.
 *
 * @param params the rule's constants, each settable with --set and sweepable
 * @param preTraces name to time constant [ms], one value per source neuron
 * @param postTraces name to time constant [ms], one value per target neuron
 * @param onPre statements at a pre spike
 * @param onPost statements at a post spike
 */
public record Plasticity(
    Map<String, Double> params,
    @JsonProperty("pre_traces") Map<String, Double> preTraces,
    @JsonProperty("post_traces") Map<String, Double> postTraces,
    @JsonProperty("on_pre") String onPre,
    @JsonProperty("on_post") String onPost) {

  /** Names a param or trace may not take: the weight, the keywords, the functions. */
  private static final Set<String> RESERVED = reserved();

  public Plasticity {
    params = copy(params);
    preTraces = copy(preTraces);
    postTraces = copy(postTraces);
    onPre = onPre == null ? "" : onPre;
    onPost = onPost == null ? "" : onPost;
    Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<String, Double> e : params.entrySet()) {
      checkName("params", e.getKey(), seen);
      Check.finite("params." + e.getKey(), e.getValue());
      float f = (float) (double) e.getValue();
      if (Float.isInfinite(f) || f == 0 && e.getValue() != 0) {
        throw new ModelException("params." + e.getKey() + " = " + e.getValue() + " is beyond the "
            + "float range (rules compute in float32: about 1.4e-45 to 3.4e38 in magnitude)");
      }
    }
    for (Map.Entry<String, Double> e : preTraces.entrySet()) {
      checkName("pre_traces", e.getKey(), seen);
      Check.positive("pre_traces." + e.getKey(), e.getValue(), "ms");
    }
    for (Map.Entry<String, Double> e : postTraces.entrySet()) {
      checkName("post_traces", e.getKey(), seen);
      Check.positive("post_traces." + e.getKey(), e.getValue(), "ms");
    }
    if (onPre.isBlank() && onPost.isBlank()) {
      throw new ModelException("on_pre and on_post are both empty; a rule needs at least one "
          + "statement (a projection without plasticity has no plasticity table)");
    }
    preEvent(onPre, params, preTraces, postTraces);
    postEvent(onPost, params, preTraces, postTraces);
  }

  /** The seed-ei rule that a [stdp] table stands for. */
  public static Plasticity of(Stdp s) {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("lr", s.lr());
    params.put("gmax", s.gmax());
    params.put("alpha_pre", s.alphaPre());
    params.put("alpha_post", s.alphaPost());
    params.put("a_plus", s.aPlus());
    params.put("a_minus", s.aMinus());
    Map<String, Double> pre = new LinkedHashMap<>();
    pre.put("pre_plus", s.tauPlusMs());
    pre.put("pre_minus", s.tauMinusMs());
    Map<String, Double> post = new LinkedHashMap<>();
    post.put("post_plus", s.tauPlusMs());
    post.put("post_minus", s.tauMinusMs());
    return new Plasticity(params, pre, post, """
        pre_plus += 1
        pre_minus += 1
        w = clip(w + lr * (alpha_pre + a_plus * post_plus + a_minus * post_minus), 0, gmax)
        """, """
        post_plus += 1
        post_minus += 1
        w = clip(w + lr * (alpha_post + a_plus * pre_plus + a_minus * pre_minus), 0, gmax)
        """);
  }

  public List<String> paramNames() {
    return List.copyOf(params.keySet());
  }

  /** on_pre, checked and lowered. */
  public Event preEvent() {
    return preEvent(onPre, params, preTraces, postTraces);
  }

  /** on_post, checked and lowered. */
  public Event postEvent() {
    return postEvent(onPost, params, preTraces, postTraces);
  }

  /** The names the rule's statements read or assign. */
  public Set<String> namesUsed() {
    Set<String> used = new java.util.HashSet<>();
    for (String text : List.of(onPre, onPost)) {
      for (Statement s : Parser.statements(text)) {
        used.add(s.target());
        Rules.names(s.value(), used);
      }
    }
    return used;
  }

  private static Event preEvent(String text, Map<String, Double> params,
      Map<String, Double> pre, Map<String, Double> post) {
    return event("on_pre", text, new Checker.Scope("on_pre", List.copyOf(params.keySet()), "pre",
        List.copyOf(pre.keySet()), "post", List.copyOf(post.keySet())));
  }

  private static Event postEvent(String text, Map<String, Double> params,
      Map<String, Double> pre, Map<String, Double> post) {
    return event("on_post", text, new Checker.Scope("on_post", List.copyOf(params.keySet()),
        "post", List.copyOf(post.keySet()), "pre", List.copyOf(pre.keySet())));
  }

  private static Event event(String field, String text, Checker.Scope scope) {
    try {
      return Checker.event(Parser.statements(text), scope);
    } catch (RuleException e) {
      throw Rules.problem(field, e);
    }
  }

  private static void checkName(String table, String name, Set<String> seen) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ModelException(table + ": '" + name + "' is not a name; expected letters, digits "
          + "and _, not starting with a digit");
    }
    if (RESERVED.contains(name)) {
      throw new ModelException(table + ": '" + name + "' is reserved (w, and, or, not and the "
          + "function names); choose another name");
    }
    if (!seen.add(name)) {
      throw new ModelException(table + ": '" + name + "' is named twice among params, "
          + "pre_traces and post_traces");
    }
  }

  private static Map<String, Double> copy(Map<String, Double> m) {
    return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  private static Set<String> reserved() {
    List<String> r = new ArrayList<>(List.of("w", "and", "or", "not"));
    for (Function f : Function.values()) {
      r.add(f.ruleName());
    }
    return Set.copyOf(r);
  }
}
