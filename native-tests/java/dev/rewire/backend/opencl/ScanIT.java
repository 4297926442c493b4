package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.rewire.plan.Phase;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prefix sum and compaction on the device equal a Java loop, on random masks of awkward sizes. */
class ScanIT {
  private static ClContext ctx;
  private static ClProgram program;

  @BeforeAll
  static void build() {
    ctx = new ClContext(NativeTestSupport.device());
    program = Kernels.build(ctx);
  }

  @AfterAll
  static void release() {
    if (ctx != null) {
      ctx.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 255, 256, 257, 65_536, 65_537, 1_000_003})
  void scanAndCompact_equalAJavaLoop(int n) {
    Random rnd = new Random(n);
    int[] flags = new int[n];
    for (int i = 0; i < n; i++) {
      flags[i] = rnd.nextInt(10) < 3 ? 1 : 0;
    }
    int[] expectScan = new int[n];
    int[] expectCompact = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      expectScan[i] = total;
      if (flags[i] == 1) {
        expectCompact[total] = i;
      }
      total += flags[i];
    }
    ClBuffer flag = ctx.buffer("flag", flags);
    ClBuffer position = ctx.buffer("position", 4L * n);
    ClBuffer compacted = ctx.buffer("compacted", 4L * n);
    new Scan(ctx, program, "test", n).enqueue(flag, position, n);
    program.kernel(ctx, Phase.STRUCTURAL_PLASTICITY.kernelName() + "_compact")
        .arg(0, n).arg(1, flag).arg(2, position).arg(3, compacted).launch(n, 0);
    int[] gotScan = new int[n];
    int[] gotCompact = new int[n];
    if (n > 0) {
      position.read(gotScan);
      compacted.read(gotCompact);
    }
    assertArrayEquals(expectScan, gotScan, "exclusive prefix sum of " + n);
    assertArrayEquals(Arrays.copyOf(expectCompact, total), Arrays.copyOf(gotCompact, total),
        "compaction of " + n);
  }
}
