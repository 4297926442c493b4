package dev.rewire.backend.java;

import dev.rewire.neuron.NeuronCode;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * A neuron model's step as Java code made for it ({@link JavaNeuronSource}), compiled by Janino and
 * defined in this package, over one group's arrays: the JIT compiles it as hand-written code (the
 * update of every neuron is one loop without branches, which it vectorises). One class per model
 * shape ({@link NeuronCode#shape}): groups and runs that differ only in values share it; the
 * constants are fields.
 */
abstract class NeuronModelCode {
  private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();
  private static int classes;

  /**
   * Updates neurons [from, to) of the group (after their input was added), clamped variables of
   * refractory neurons included (see {@link NeuronUpdate}), and writes for each neuron i a spike
   * candidate flag to {@code above[i]}: +0 when its threshold cannot hold, anything else when it
   * may. Every array of the loop is indexed by i alone: with an offset on one of them, C2 (JDK 17)
   * does not vectorise it.
   */
  abstract void integrate(int from, int to, int step, float tMs, float[] above);

  /** Whether neuron i's threshold holds on its variables as they are. */
  abstract boolean fires(int i, int step, float tMs);

  /** Neuron i spiked: its reset. */
  abstract void reset(int i, int step, float tMs);

  /**
   * The code of {@code code} over a group's arrays: its variables and per-neuron params (in the
   * model's order), its last spikes, with these constants.
   */
  static NeuronModelCode of(NeuronCode code, float[] constants, float[][] variables,
      float[][] perNeuron, int[] lastSpike, int refractorySteps, int seed, int noiseKey) {
    String body = JavaNeuronSource.body(code);
    Class<?> c = CLASSES.computeIfAbsent(body, NeuronModelCode::compile);
    try {
      return (NeuronModelCode) c.getDeclaredConstructor(float[].class, float[][].class,
          float[][].class, int[].class, int.class, int.class, int.class).newInstance(constants,
          variables, perNeuron, lastSpike, refractorySteps, seed, noiseKey);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make the neuron model's code: " + e, e);
    }
  }

  private static synchronized Class<?> compile(String body) {
    String name = "NeuronModel" + ++classes;
    String source = "package " + NeuronModelCode.class.getPackageName() + ";\n"
        + "final class " + name + " extends NeuronModelCode {\n" + body.replace("$CLASS", name)
        + "}\n";
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(NeuronModelCode.class.getClassLoader());
    try {
      compiler.cook(source);
      byte[] bytes = compiler.getBytecodes().get(NeuronModelCode.class.getPackageName() + "."
          + name);
      return MethodHandles.lookup().defineClass(bytes);
    } catch (CompileException | IllegalAccessException e) {
      throw new IllegalStateException("the neuron model's generated Java does not compile (a "
          + "bug in rewire): " + e.getMessage() + "\n" + source, e);
    }
  }
}
