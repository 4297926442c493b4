package dev.rewire.backend.opencl.device;

import dev.rewire.backend.SlotGeometry;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a batch of networks of one {@link DeviceShape} is given besides its state: each network's
 * float and int parameters at k times their per-network length ({@link DeviceShape#fparams},
 * {@link DeviceShape#iparams}), the pool of trace decay tables (a table is stored once however many
 * networks use it), and the potential sets' geometry (row and column offsets), which every network
 * shares.
 */
public record DeviceParams(float[] fparams, int[] iparams, float[] decayTables, int[] rowOffsets,
    int[] colOffsets) {

  public static DeviceParams of(DeviceShape shape, List<Plan> plans) {
    int size = plans.size();
    List<float[]> pool = new ArrayList<>();
    int poolSize = 0;
    float[] fp = new float[size * shape.fparams];
    int[] ip = new int[size * shape.iparams];
    for (int k = 0; k < size; k++) {
      Plan p = plans.get(k);
      int[][] tables = new int[p.projections().size()][];
      for (ProjectionPlan pr : p.projections()) {
        if (pr.plasticity() == null) {
          continue;
        }
        List<float[]> own = new ArrayList<>(List.of(pr.plasticity().preDecay()));
        own.addAll(List.of(pr.plasticity().postDecay()));
        int[] t = new int[2 * own.size()];
        for (int q = 0; q < own.size(); q++) {
          int at = -1;
          int offset = 0;
          for (float[] known : pool) {
            if (Arrays.equals(known, own.get(q))) {
              at = offset;
              break;
            }
            offset += known.length;
          }
          if (at < 0) {
            at = poolSize;
            pool.add(own.get(q));
            poolSize += own.get(q).length;
          }
          t[2 * q] = at;
          t[2 * q + 1] = own.get(q).length;
        }
        tables[pr.index()] = t;
      }
      System.arraycopy(shape.fparams(p), 0, fp, k * shape.fparams, shape.fparams);
      System.arraycopy(shape.iparams(p, tables), 0, ip, k * shape.iparams, shape.iparams);
    }
    float[] allTables = new float[Math.max(1, poolSize)];
    int at = 0;
    for (float[] t : pool) {
      System.arraycopy(t, 0, allTables, at, t.length);
      at += t.length;
    }
    int npp = shape.potentials.size();
    int[] rowOffsets = new int[Math.max(1, shape.pack("row_count") + npp)];
    int[] colOffsets = new int[Math.max(1, shape.pack("col_count") + npp)];
    for (int pp = 0; pp < npp; pp++) {
      SlotGeometry g = new SlotGeometry(shape.potentials.get(pp));
      System.arraycopy(g.rowOffset, 0, rowOffsets, shape.rowBase[pp] + pp, g.rowOffset.length);
      System.arraycopy(g.colOffset, 0, colOffsets, shape.colBase[pp] + pp, g.colOffset.length);
    }
    return new DeviceParams(fp, ip, allTables, rowOffsets, colOffsets);
  }
}
