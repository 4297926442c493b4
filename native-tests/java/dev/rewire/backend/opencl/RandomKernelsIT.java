package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.backend.opencl.cl.ClBuffer;
import dev.rewire.backend.opencl.cl.ClContext;
import dev.rewire.backend.opencl.cl.ClProgram;
import dev.rewire.backend.opencl.cl.KernelSource;
import dev.rewire.random.Draws;
import dev.rewire.random.FloatLog;
import dev.rewire.random.Normal;
import dev.rewire.random.Philox;
import dev.rewire.rule.RuleMath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kernels/philox.cl computes the same bits as dev.rewire.random on the device (and
 * kernels/rule_math.cl's pow those of rule.RuleMath).
 */
class RandomKernelsIT {
  private static ClContext ctx;
  private static ClProgram program;

  @BeforeAll
  static void build() {
    ctx = new ClContext(NativeTestSupport.device());
    program = ctx.build("random_test", KernelSource.read("philox.cl") + "\n"
        + KernelSource.read("rule_math.cl") + "\n" + NativeTestSupport.testKernel("random_test.cl"));
  }

  @AfterAll
  static void release() {
    if (ctx != null) {
      ctx.close();
    }
  }

  @Test
  void philox_matchesJavaBitForBit() {
    int n = 10_000;
    int[] in = new int[6 * n];
    java.util.Random rnd = new java.util.Random(7);
    for (int i = 0; i < in.length; i++) {
      in[i] = i < 12 ? (i < 6 ? 0 : -1) : rnd.nextInt();
    }
    int[] out = run(in, n);
    int[] expect = new int[4];
    for (int i = 0; i < n; i++) {
      Philox.block(in[6 * i], in[6 * i + 1], in[6 * i + 2], in[6 * i + 3], in[6 * i + 4],
          in[6 * i + 5], expect);
      for (int w = 0; w < 4; w++) {
        assertEquals(expect[w], out[4 * i + w], "block " + i + " word " + w);
      }
    }
    assertEquals(0x6627e8d5, out[0], "Random123 known answer, zero counter and key");
  }

  @Test
  void log_matchesJavaBitForBit() {
    int n = 1 << 20;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      // uniforms the sampler produces, and a sweep over the normal floats
      x[i] = i % 2 == 0 ? ((i >> 1) * 16 + 1) * 0x1p-24f
          : Float.intBitsToFloat(0x00800000 + (int) ((long) i * 2037L % 0x7E800000L));
    }
    ClBuffer xs = ctx.buffer("x", 4L * n);
    ClBuffer out = ctx.buffer("out", 4L * n);
    xs.write(x);
    program.kernel(ctx, "logs").arg("x", xs).arg("out", out).arg("n", n).launch(n, 0);
    float[] got = new float[n];
    out.read(got);
    for (int i = 0; i < n; i++) {
      assertEquals(Float.floatToRawIntBits(FloatLog.log(x[i])), Float.floatToRawIntBits(got[i]),
          "log(" + x[i] + ")");
    }
  }

  @Test
  void geometric_matchesJavaBitForBit() {
    int n = 100_000;
    float invLogQ = (float) (1.0 / StrictMath.log1p(-0.003));
    ClBuffer out = ctx.buffer("gaps", 4L * n);
    program.kernel(ctx, "geometrics").arg("out", out).arg("n", n).arg("seed", 42)
        .arg("stream", 7).arg("inv_log_q", invLogQ).launch(n, 0);
    int[] got = new int[n];
    out.read(got);
    for (int i = 0; i < n; i++) {
      assertEquals(Draws.geometric(Philox.first(i, 0, 0, 0, 42, 7), invLogQ), got[i], "draw " + i);
    }
  }

  @Test
  void normal_matchesJavaBitForBit() {
    int n = 200_000;
    ClBuffer out = ctx.buffer("normals", 4L * n);
    program.kernel(ctx, "normals").arg("out", out).arg("n", n).arg("seed", 42).arg("key", 9)
        .launch(n, 0);
    float[] got = new float[n];
    out.read(got);
    int[] scratch = new int[4];
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      float expect = Normal.draw(i / 7, i % 7, i % 3, 42, 9, scratch);
      assertEquals(Float.floatToRawIntBits(expect), Float.floatToRawIntBits(got[i]), "draw " + i);
      sum += got[i];
      squares += (double) got[i] * got[i];
    }
    assertEquals(0.0, sum / n, 0.01, "mean");
    assertEquals(1.0, squares / n, 0.02, "variance");
  }

  @Test
  void pow_matchesJavaBitForBit() {
    int n = 100_000;
    float[] x = new float[n];
    float[] y = new float[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() * 20.0 - 5.0);
      y[i] = i % 3 == 0 ? (float) (r.nextInt(13) - 6) : (float) (r.nextDouble() * 8.0 - 4.0);
    }
    ClBuffer xs = ctx.buffer("x", 4L * n);
    ClBuffer ys = ctx.buffer("y", 4L * n);
    ClBuffer out = ctx.buffer("out", 4L * n);
    xs.write(x);
    ys.write(y);
    program.kernel(ctx, "pows").arg("x", xs).arg("y", ys).arg("out", out).arg("n", n)
        .launch(n, 0);
    float[] got = new float[n];
    out.read(got);
    for (int i = 0; i < n; i++) {
      float expect = RuleMath.pow(x[i], y[i]);
      assertEquals(Float.isNaN(expect) ? "NaN" : Integer.toString(Float.floatToRawIntBits(expect)),
          Float.isNaN(got[i]) ? "NaN" : Integer.toString(Float.floatToRawIntBits(got[i])),
          "pow(" + x[i] + ", " + y[i] + ")");
    }
  }

  private static int[] run(int[] in, int n) {
    ClBuffer input = ctx.buffer("in", 4L * in.length);
    ClBuffer output = ctx.buffer("out", 16L * n);
    input.write(in);
    program.kernel(ctx, "philox_blocks").arg("in", input).arg("out", output).arg("n", n)
        .launch(n, 0);
    int[] out = new int[4 * n];
    output.read(out);
    return out;
  }
}
