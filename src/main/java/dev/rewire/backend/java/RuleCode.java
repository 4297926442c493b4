package dev.rewire.backend.java;

import dev.rewire.plan.RulePlan;
import dev.rewire.plan.StructuralPlan;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * A projection's plasticity rule and prune condition as Java code made for it: the pre and post
 * pathways' loops with the rule's statements written in ({@link JavaRuleSource}), compiled by
 * Janino and defined in this package, so that the code reads the synapse arrays directly and the
 * JIT compiles a rule as it compiles hand-written code. One class per rule shape: runs that differ
 * only in param values (a sweep) share it; the params are fields.
 */
abstract class RuleCode {
  private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();
  private static int classes;

  /**
   * Source i (local) of the projection spiked: deliver, then the rule's on_pre; weights set below
   * the pruning threshold go to {@code lows} (the calling thread's).
   */
  abstract void onPre(PotentialSynapses s, LowList lows, int i, int step, InputSum input);

  /** Target j (local) of the projection spiked: the rule's on_post. */
  abstract void onPost(PotentialSynapses s, LowList lows, int j, int step);

  /** Whether an active synapse of weight w is pruned (a condition other than a threshold). */
  abstract boolean prune(float w);

  /**
   * The code of a projection's rule (null: none) and structural plasticity (null: none);
   * {@code signedInput}: the receptor it delivers to may get negative input; {@code activeOnly}:
   * its synapses are an active-only set's.
   */
  static RuleCode of(RulePlan rule, StructuralPlan structural, boolean signedInput,
      boolean activeOnly) {
    String body = JavaRuleSource.body(rule, structural, signedInput, activeOnly);
    Class<?> c = CLASSES.computeIfAbsent(body, RuleCode::compile);
    try {
      float[] params = rule == null ? new float[0] : rule.params();
      return (RuleCode) c.getDeclaredConstructor(float[].class).newInstance((Object) params);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make the rule's code: " + e, e);
    }
  }

  private static synchronized Class<?> compile(String body) {
    String name = "Rule" + ++classes;
    String source = "package " + RuleCode.class.getPackageName() + ";\n"
        + "final class " + name + " extends RuleCode {\n" + body.replace("$CLASS", name) + "}\n";
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(RuleCode.class.getClassLoader());
    try {
      compiler.cook(source);
      byte[] bytes = compiler.getBytecodes().get(RuleCode.class.getPackageName() + "." + name);
      return MethodHandles.lookup().defineClass(bytes);
    } catch (CompileException | IllegalAccessException e) {
      throw new IllegalStateException("the rule's generated Java does not compile (a bug in "
          + "rewire): " + e.getMessage() + "\n" + source, e);
    }
  }
}
