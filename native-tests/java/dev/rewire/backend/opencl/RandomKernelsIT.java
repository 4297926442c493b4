package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.random.Draws;
import dev.rewire.random.FloatLog;
import dev.rewire.random.Philox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kernels/philox.cl computes the same bits as dev.rewire.random on the device. */
class RandomKernelsIT {
  private static ClContext ctx;
  private static ClProgram program;

  @BeforeAll
  static void build() {
    ctx = new ClContext(NativeTestSupport.device());
    program = ctx.build("random_test", KernelSource.read("philox.cl") + "\n"
        + NativeTestSupport.testKernel("random_test.cl"));
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
    program.kernel(ctx, "logs").arg(0, xs).arg(1, out).arg(2, n).launch(n, 0);
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
    program.kernel(ctx, "geometrics").arg(0, out).arg(1, n).arg(2, 42).arg(3, 7)
        .arg(4, invLogQ).launch(n, 0);
    int[] got = new int[n];
    out.read(got);
    for (int i = 0; i < n; i++) {
      assertEquals(Draws.geometric(Philox.first(i, 0, 0, 0, 42, 7), invLogQ), got[i], "draw " + i);
    }
  }

  private static int[] run(int[] in, int n) {
    ClBuffer input = ctx.buffer("in", 4L * in.length);
    ClBuffer output = ctx.buffer("out", 16L * n);
    input.write(in);
    program.kernel(ctx, "philox_blocks").arg(0, input).arg(1, output).arg(2, n).launch(n, 0);
    int[] out = new int[4 * n];
    output.read(out);
    return out;
  }
}
