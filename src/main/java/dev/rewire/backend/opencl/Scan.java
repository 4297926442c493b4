package dev.rewire.backend.opencl;

import java.util.ArrayList;
import java.util.List;

/**
 * Host side of kernels/scan.cl: an exclusive prefix sum of up to {@code capacity} ints, entirely on
 * the device (no read-back), by block scans applied recursively to the block sums.
 */
final class Scan {
  static final int BLOCK = 256;

  private static final int B_IN = 0;
  private static final int B_OUT = 1;
  private static final int B_BLOCK_SUMS = 2;
  private static final int B_N = 3;
  private static final int A_OUT = 0;
  private static final int A_BLOCK_OFFSETS = 1;
  private static final int A_N = 2;

  private final ClKernel scanBlock;
  private final ClKernel scanAdd;
  /** Per level: the block sums of that level and their exclusive scan. */
  private final List<ClBuffer> sums = new ArrayList<>();
  private final List<ClBuffer> offsets = new ArrayList<>();

  Scan(ClContext ctx, ClProgram program, String name, int capacity) {
    scanBlock = program.kernel(ctx, "scan_block");
    scanAdd = program.kernel(ctx, "scan_add");
    int n = Math.max(1, capacity);
    int level = 0;
    do {
      int blocks = (n + BLOCK - 1) / BLOCK;
      sums.add(ctx.buffer(name + ".scan_sums" + level, 4L * blocks));
      offsets.add(ctx.buffer(name + ".scan_offsets" + level, 4L * blocks));
      n = blocks;
      level++;
    } while (n > 1);
  }

  /** Enqueues out = exclusive prefix sum of the first {@code n} ints of {@code in}. */
  void enqueue(ClBuffer in, ClBuffer out, int n) {
    enqueue(in, out, n, 0);
  }

  private void enqueue(ClBuffer in, ClBuffer out, int n, int level) {
    if (n == 0) {
      return;
    }
    int blocks = (n + BLOCK - 1) / BLOCK;
    scanBlock.arg(B_IN, in).arg(B_OUT, out).arg(B_BLOCK_SUMS, sums.get(level)).arg(B_N, n)
        .launch((long) blocks * BLOCK, BLOCK);
    if (blocks > 1) {
      enqueue(sums.get(level), offsets.get(level), blocks, level + 1);
      scanAdd.arg(A_OUT, out).arg(A_BLOCK_OFFSETS, offsets.get(level)).arg(A_N, n)
          .launch((long) blocks * BLOCK, BLOCK);
    }
  }
}
