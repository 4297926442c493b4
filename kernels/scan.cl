// Exclusive prefix sum of ints, in three kernels (block scan, scan of the block sums, add back),
// applied recursively by the host (backend.opencl.PrefixScan) until one block holds all the sums.
// Integer addition is exact, so the result does not depend on the work-group size or schedule.
// Used by structural_plasticity.cl to compact the pruning candidates in slot order.

#define RW_SCAN_BLOCK 256

// out[i] = sum of in[block start .. i) within i's block; block_sums[b] = the block's total.
__kernel void scan_block(
        __global const int *in,
        __global int *out,
        __global int *block_sums,
        const int n) {
    __local int tmp[RW_SCAN_BLOCK];
    int lid = get_local_id(0);
    int gid = get_global_id(0);
    int x = gid < n ? in[gid] : 0;
    tmp[lid] = x;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int offset = 1; offset < RW_SCAN_BLOCK; offset <<= 1) {   // Hillis-Steele, inclusive
        int add = lid >= offset ? tmp[lid - offset] : 0;
        barrier(CLK_LOCAL_MEM_FENCE);
        tmp[lid] += add;
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (gid < n) {
        out[gid] = tmp[lid] - x;
    }
    if (lid == RW_SCAN_BLOCK - 1) {
        block_sums[get_group_id(0)] = tmp[lid];
    }
}

// out[i] += block_offsets[i's block].
__kernel void scan_add(
        __global int *out,
        __global const int *block_offsets,
        const int n) {
    int gid = get_global_id(0);
    if (gid < n) {
        out[gid] += block_offsets[get_group_id(0)];
    }
}
