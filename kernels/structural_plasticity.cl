// Phase STRUCTURAL_PLASTICITY (Java twin: backend.java.StructuralPlasticity, with the list edits of
// backend.PotentialSet): prune the active synapses below threshold and regrow as many among the
// synapses inactive before the call, chosen by Floyd's algorithm on Philox draws, rank r meaning
// the r-th inactive slot in ascending slot order.
//
// A call is four launches: structural_plasticity_mark flags the candidates (active, weight below threshold) in
// parallel, scan.cl turns the flags into positions, structural_plasticity_compact writes the candidates in
// ascending slot order, and one work-item of structural_plasticity then draws the regrowth ranks and
// edits the lists in exactly the Java order, so the device layout stays equal to the Java one. The
// serial part costs O(k^2) for k prunes plus a pass over the rows it regrows into.

#pragma OPENCL FP_CONTRACT OFF

// Floyd's algorithm: min(k, n) distinct ranks in [0, n), ascending (random.SubsetSampler).
// mark[] has n entries, all 0 on entry and on exit.
inline int rw_floyd(int n, int k, uint seed, uint key, uint c0, uint c1,
                    __global uchar *mark, __global int *out) {
    int take = min(k, n);
    for (int d = 0; d < take; d++) {
        int j = n - take + d;
        int t = (int)rw_below(rw_philox((uint4)(c0, c1, (uint)d, 0u), (uint2)(seed, key)).x,
                              (uint)(j + 1));
        int pick = mark[t] ? j : t;
        mark[pick] = 1;
        out[d] = pick;
    }
    for (int d = 0; d < take; d++) {
        mark[out[d]] = 0;
    }
    for (int a = 1; a < take; a++) {          // insertion sort, ascending
        int x = out[a];
        int b = a - 1;
        while (b >= 0 && out[b] > x) {
            out[b + 1] = out[b];
            b--;
        }
        out[b + 1] = x;
    }
    return take;
}

// The slot of the r-th inactive synapse of row i, counting in slot order from 0.
inline int rw_inactive_slot(__global const int *active, __global const int *row_offset, int i,
                            int r) {
    for (int s = row_offset[i]; s < row_offset[i + 1]; s++) {
        if (!active[s] && r-- == 0) {
            return s;
        }
    }
    return -1;
}

inline int rw_source_of(__global const int *row_offset, int rows, int s) {
    int lo = 0;
    int hi = rows - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) >> 1;
        if (row_offset[mid] <= s) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

inline int rw_potential_target(int i, int k, int exclude_same_index) {
    return exclude_same_index && k >= i ? k + 1 : k;
}

// flag[s] = 1 for the active slots whose weight is below threshold.
__kernel void structural_plasticity_mark(
        const int potential,
        const float threshold,
        __global const int *active,
        __global const int *slot_pos,
        __global const float *row_weight,
        __global int *flag) {
    int s = get_global_id(0);
    if (s < potential) {
        flag[s] = active[s] && row_weight[slot_pos[s]] < threshold ? 1 : 0;
    }
}

// pruned[position[s]] = s for the flagged slots: the candidates, ascending.
__kernel void structural_plasticity_compact(
        const int potential,
        __global const int *flag,
        __global const int *position,
        __global int *pruned) {
    int s = get_global_id(0);
    if (s < potential && flag[s]) {
        pruned[position[s]] = s;
    }
}

__kernel void structural_plasticity(
        const int step,
        const uint seed,
        const uint key,
        const int per_source,
        const float regrowth_weight,
        const int rows,
        const int exclude_same_index,
        __global const int *row_offset,
        __global const int *col_offset,
        __global int *active,
        __global int *slot_pos,
        __global int *row_count,
        __global int *row_syn,
        __global int *row_target,
        __global float *row_weight,
        __global int *row_to_col,
        __global int *col_count,
        __global int *col_syn,
        __global int *col_source,
        __global int *col_to_row,
        __global int *active_count,         // one int
        __global const int *flag,           // from structural_plasticity_mark
        __global const int *position,       // exclusive prefix sum of flag
        __global const int *pruned,         // from structural_plasticity_compact
        __global int *chosen,               // scratch, one int per potential slot
        __global uchar *mark,               // scratch, one byte per potential slot, all 0
        __global int *stats,                // (step, pruned, regrown, active) per call of the chunk
        const int stats_index,
        __global int *log_slot,             // the chunk's changes: pruned slots, then regrown ones
        __global float *log_weight,         // the pruned ones' weights, the regrowth weight
        __global int *log_count,            // entries used; capacity + 1 on overflow
        const int log_capacity) {
    if (get_global_id(0) != 0) {
        return;
    }
    int potential = row_offset[rows];
    // 1. The active slots below threshold, ascending, compacted by the kernels before this one.
    int np = potential == 0 ? 0 : position[potential - 1] + flag[potential - 1];
    // 2. The slots to regrow, chosen among those inactive before the call.
    int nc = 0;
    if (np > 0 && !per_source) {
        int take = rw_floyd(potential - *active_count, np, seed, key, (uint)step, 0xFFFFFFFFu,
                            mark, chosen);
        int row = 0;
        int before = 0;
        for (int q = 0; q < take; q++) {
            while (chosen[q] >= before + (row_offset[row + 1] - row_offset[row] - row_count[row])) {
                before += row_offset[row + 1] - row_offset[row] - row_count[row];
                row++;
            }
            chosen[q] = rw_inactive_slot(active, row_offset, row, chosen[q] - before);
        }
        nc = take;
    } else if (np > 0) {
        int k = 0;
        while (k < np) {
            int row = rw_source_of(row_offset, rows, pruned[k]);
            int lost = 0;
            while (k < np && pruned[k] < row_offset[row + 1]) {
                lost++;
                k++;
            }
            int inactive = row_offset[row + 1] - row_offset[row] - row_count[row];
            int take = rw_floyd(inactive, lost, seed, key, (uint)step, (uint)row, mark, chosen + nc);
            for (int q = nc; q < nc + take; q++) {
                chosen[q] = rw_inactive_slot(active, row_offset, row, chosen[q]);
            }
            nc += take;
        }
    }
    // 3. Log the changes (weights before pruning), for the structural-event log.
    int off = *log_count;
    if (off + np + nc <= log_capacity) {
        for (int q = 0; q < np; q++) {
            log_slot[off + q] = pruned[q];
            log_weight[off + q] = row_weight[slot_pos[pruned[q]]];
        }
        for (int q = 0; q < nc; q++) {
            log_slot[off + np + q] = chosen[q];
            log_weight[off + np + q] = regrowth_weight;
        }
        *log_count = off + np + nc;
    } else {
        *log_count = log_capacity + 1;
    }
    // 4. Deactivate the pruned, then activate the chosen (PotentialSet.deactivate / activate).
    for (int q = 0; q < np; q++) {
        int s = pruned[q];
        int i = rw_source_of(row_offset, rows, s);
        int r = slot_pos[s];
        int c = row_to_col[r];
        int j = row_target[r];
        int last_r = row_offset[i] + --row_count[i];
        if (r != last_r) {
            row_syn[r] = row_syn[last_r];
            row_target[r] = row_target[last_r];
            row_weight[r] = row_weight[last_r];
            row_to_col[r] = row_to_col[last_r];
            col_to_row[row_to_col[r]] = r;
            slot_pos[row_syn[r]] = r;
        }
        int last_c = col_offset[j] + --col_count[j];
        if (c != last_c) {
            col_syn[c] = col_syn[last_c];
            col_source[c] = col_source[last_c];
            col_to_row[c] = col_to_row[last_c];
            row_to_col[col_to_row[c]] = c;
        }
        active[s] = 0;
    }
    for (int q = 0; q < nc; q++) {
        int s = chosen[q];
        int i = rw_source_of(row_offset, rows, s);
        int j = rw_potential_target(i, s - row_offset[i], exclude_same_index);
        int r = row_offset[i] + row_count[i]++;
        int c = col_offset[j] + col_count[j]++;
        row_syn[r] = s;
        row_target[r] = j;
        row_weight[r] = regrowth_weight;
        row_to_col[r] = c;
        col_syn[c] = s;
        col_source[c] = i;
        col_to_row[c] = r;
        slot_pos[s] = r;
        active[s] = 1;
    }
    *active_count = *active_count - np + nc;
    stats[4 * stats_index] = step;
    stats[4 * stats_index + 1] = np;
    stats[4 * stats_index + 2] = nc;
    stats[4 * stats_index + 3] = *active_count;
}

// Work-group form, for the resident engine: one call for one projection of one network, by the
// whole work-group, with the result of structural_plasticity above (the same candidates, draws
// and list edits, in the same order):
//   1. each work-item takes rows: counts the active entries below threshold, a prefix sum over the
//      rows places them, and each row writes its candidates in ascending slot order (a row's
//      slots are contiguous and rows are in slot order, so the whole list is ascending);
//   2. the regrowth ranks: global mode, Floyd's draws by one work-item (each draw depends on the
//      ones before it), then each rank's slot found by its own work-item; per-source mode, one
//      work-item per row that lost synapses, as rows draw independently;
//   3. the log (weights before pruning), in parallel;
//   4. the list edits by one work-item, in the Java order (each edit moves entries other edits
//      read).
// Must be called by every work-item of the group. scratch_rows has rows + 1 ints and
// scratch_ranks rows + 1; candidates and chosen as many as the projection has active synapses.
inline int rw_floyd_linear(int n, int k, uint seed, uint key, uint c0, uint c1,
                           __global int *out) {
    int take = min(k, n);
    for (int d = 0; d < take; d++) {
        int j = n - take + d;
        int t = (int)rw_below(rw_philox((uint4)(c0, c1, (uint)d, 0u), (uint2)(seed, key)).x,
                              (uint)(j + 1));
        int seen = 0;
        for (int e = 0; e < d; e++) {
            seen |= out[e] == t;
        }
        out[d] = seen ? j : t;
    }
    for (int a = 1; a < take; a++) {          // insertion sort, ascending
        int x = out[a];
        int b = a - 1;
        while (b >= 0 && out[b] > x) {
            out[b + 1] = out[b];
            b--;
        }
        out[b + 1] = x;
    }
    return take;
}

inline void rw_structural_plasticity_group(
        const int step,
        const uint seed,
        const uint key,
        const int per_source,
        const float threshold,
        const float regrowth_weight,
        const int rows,
        const int exclude_same_index,
        __global const int *row_offset,
        __global const int *col_offset,
        __global int *active,
        __global int *slot_pos,
        __global int *row_count,
        __global int *row_syn,
        __global int *row_target,
        __global float *row_weight,
        __global int *row_to_col,
        __global int *col_count,
        __global int *col_syn,
        __global int *col_source,
        __global int *col_to_row,
        __global int *active_count,
        __global int *candidates,
        __global int *chosen,
        __global int *scratch_rows,
        __global int *scratch_ranks,
        __global int *stats,                // (step, pruned, regrown, active)
        __global int *log_slot,
        __global float *log_weight,
        __global int *log_count,
        const int log_capacity,
        __local int *shared) {             // 2 ints
    const int lid = get_local_id(0);
    const int lsize = get_local_size(0);
    // 1. Candidates: count per row, place by a prefix sum, write and sort each row's.
    for (int i = lid; i < rows; i += lsize) {
        int c = 0;
        for (int r = row_offset[i], end = r + row_count[i]; r < end; r++) {
            c += row_weight[r] < threshold;
        }
        scratch_rows[i] = c;
    }
    barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
    if (lid == 0) {
        int acc = 0;
        for (int i = 0; i < rows; i++) {
            int c = scratch_rows[i];
            scratch_rows[i] = acc;
            acc += c;
        }
        scratch_rows[rows] = acc;
        shared[0] = acc;
    }
    barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
    const int np = shared[0];
    for (int i = lid; i < rows; i += lsize) {
        int at = scratch_rows[i];
        int first = at;
        for (int r = row_offset[i], end = r + row_count[i]; r < end; r++) {
            if (row_weight[r] < threshold) {
                candidates[at++] = row_syn[r];
            }
        }
        for (int a = first + 1; a < at; a++) {
            int x = candidates[a];
            int b = a - 1;
            while (b >= first && candidates[b] > x) {
                candidates[b + 1] = candidates[b];
                b--;
            }
            candidates[b + 1] = x;
        }
    }
    barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
    // 2. The slots to regrow, among those inactive before the call.
    if (np > 0 && !per_source) {
        if (lid == 0) {
            shared[1] = rw_floyd_linear(row_offset[rows] - *active_count, np, seed, key,
                                        (uint)step, 0xFFFFFFFFu, chosen);
            int acc = 0;                   // inactive slots before each row
            for (int i = 0; i < rows; i++) {
                scratch_ranks[i] = acc;
                acc += row_offset[i + 1] - row_offset[i] - row_count[i];
            }
            scratch_ranks[rows] = acc;
        }
        barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
        for (int q = lid; q < shared[1]; q += lsize) {
            int rank = chosen[q];
            int lo = 0;
            int hi = rows - 1;
            while (lo < hi) {                  // the last row with fewer inactive before it
                int mid = (lo + hi + 1) >> 1;
                if (scratch_ranks[mid] <= rank) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            chosen[q] = rw_inactive_slot(active, row_offset, lo, rank - scratch_ranks[lo]);
        }
    } else if (np > 0) {
        for (int i = lid; i < rows; i += lsize) {  // each row takes min(lost, inactive)
            int lost = scratch_rows[i + 1] - scratch_rows[i];
            int inactive = row_offset[i + 1] - row_offset[i] - row_count[i];
            scratch_ranks[i] = lost < inactive ? lost : inactive;
        }
        barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
        if (lid == 0) {
            int acc = 0;
            for (int i = 0; i < rows; i++) {
                int c = scratch_ranks[i];
                scratch_ranks[i] = acc;
                acc += c;
            }
            scratch_ranks[rows] = acc;
            shared[1] = acc;
        }
        barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
        for (int i = lid; i < rows; i += lsize) {
            int lost = scratch_rows[i + 1] - scratch_rows[i];
            if (lost == 0) {
                continue;
            }
            int inactive = row_offset[i + 1] - row_offset[i] - row_count[i];
            __global int *out = chosen + scratch_ranks[i];
            int take = rw_floyd_linear(inactive, lost, seed, key, (uint)step, (uint)i, out);
            for (int q = 0; q < take; q++) {
                out[q] = rw_inactive_slot(active, row_offset, i, out[q]);
            }
        }
    } else if (lid == 0) {
        shared[1] = 0;
    }
    barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
    const int nc = shared[1];
    // 3. Log the changes (weights before pruning).
    int off = *log_count;
    int fits = off + np + nc <= log_capacity;
    if (fits) {
        for (int q = lid; q < np; q += lsize) {
            log_slot[off + q] = candidates[q];
            log_weight[off + q] = row_weight[slot_pos[candidates[q]]];
        }
        for (int q = lid; q < nc; q += lsize) {
            log_slot[off + np + q] = chosen[q];
            log_weight[off + np + q] = regrowth_weight;
        }
    }
    barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
    // 4. Deactivate the pruned, then activate the chosen (PotentialSet.deactivate / activate).
    if (lid == 0) {
        *log_count = fits ? off + np + nc : log_capacity + 1;
        for (int q = 0; q < np; q++) {
            int s = candidates[q];
            int i = rw_source_of(row_offset, rows, s);
            int r = slot_pos[s];
            int c = row_to_col[r];
            int j = row_target[r];
            int last_r = row_offset[i] + --row_count[i];
            if (r != last_r) {
                row_syn[r] = row_syn[last_r];
                row_target[r] = row_target[last_r];
                row_weight[r] = row_weight[last_r];
                row_to_col[r] = row_to_col[last_r];
                col_to_row[row_to_col[r]] = r;
                slot_pos[row_syn[r]] = r;
            }
            int last_c = col_offset[j] + --col_count[j];
            if (c != last_c) {
                col_syn[c] = col_syn[last_c];
                col_source[c] = col_source[last_c];
                col_to_row[c] = col_to_row[last_c];
                row_to_col[col_to_row[c]] = c;
            }
            active[s] = 0;
        }
        for (int q = 0; q < nc; q++) {
            int s = chosen[q];
            int i = rw_source_of(row_offset, rows, s);
            int j = rw_potential_target(i, s - row_offset[i], exclude_same_index);
            int r = row_offset[i] + row_count[i]++;
            int c = col_offset[j] + col_count[j]++;
            row_syn[r] = s;
            row_target[r] = j;
            row_weight[r] = regrowth_weight;
            row_to_col[r] = c;
            col_syn[c] = s;
            col_source[c] = i;
            col_to_row[c] = r;
            slot_pos[s] = r;
            active[s] = 1;
        }
        *active_count = *active_count - np + nc;
        stats[0] = step;
        stats[1] = np;
        stats[2] = nc;
        stats[3] = *active_count;
    }
    barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
}
