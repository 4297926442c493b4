// Phase STRUCTURAL_PLASTICITY (Java twin: backend.java.StructuralPlasticity, with the list edits of
// backend.PotentialSet): prune the active synapses that meet the prune condition and regrow as
// many among the synapses inactive before the call, chosen by Floyd's algorithm on Philox draws,
// rank r meaning the r-th inactive slot in ascending slot order.
//
// One call is one projection of one network, done by one work-group
// (rw_structural_plasticity_group): the resident engine calls it from its kernel, the per-step
// engine launches it alone (structural_plasticity, a single work-group).

#pragma OPENCL FP_CONTRACT OFF

// Floyd's draws: min(k, n) distinct ranks in [0, n) into out, in draw order, each marked in mark[].
inline int rw_floyd_draw(int n, int k, uint seed, uint key, uint c0, uint c1,
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
    return take;
}

// Whether take draws among n ranks are few enough to sort (O(take^2)) rather than to read off
// the marks (O(n)); both give the same ascending list.
inline int rw_few_draws(int take, int n) {
    return (long)take * take <= (long)n;
}

// The draws ascending, their marks cleared.
inline void rw_sort_draws(int take, __global uchar *mark, __global int *out) {
    for (int d = 0; d < take; d++) {
        mark[out[d]] = 0;
    }
    for (int a = 1; a < take; a++) {          // insertion sort
        int x = out[a];
        int b = a - 1;
        while (b >= 0 && out[b] > x) {
            out[b + 1] = out[b];
            b--;
        }
        out[b + 1] = x;
    }
}

// The marked ranks of [from, to) ascending into out, their marks cleared; returns how many.
inline int rw_read_marks(int from, int to, __global uchar *mark, __global int *out) {
    int at = 0;
    for (int t = from; t < to; t++) {
        if (mark[t]) {
            mark[t] = 0;
            out[at++] = t;
        }
    }
    return at;
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

// Whether an active synapse of weight w is pruned: below a threshold, or a rule's condition.
inline int rw_pruned(float w, int prune_code, float prune_below, const float *p) {
    return prune_code < 0 ? w < prune_below : rw_prune(prune_code, w, p);
}

// The weight of slot s regrown at step: low, or uniform in [low, high) from Philox counter
// (step, s, 0, 1) (StructuralPlan.regrowthWeight).
inline float rw_regrowth_weight(int s, int step, uint seed, uint key, float low, float high) {
    if (!(high > low)) {
        return low;
    }
    uint w = rw_philox((uint4)((uint)step, (uint)s, 0u, 1u), (uint2)(seed, key)).x;
    return low + (high - low) * rw_uniform(w);
}

// One call for one projection of one network, by the whole work-group:
//   1. each work-item takes rows: counts the active entries the condition selects, a prefix sum
//      over the rows places them, and each row writes its candidates in ascending slot order (a row's
//      slots are contiguous and rows are in slot order, so the whole list is ascending);
//   2. the regrowth ranks: global mode, Floyd's draws by one work-item (each draw depends on the
//      ones before it), put in order by that work-item when they are few, else read off the marks
//      by all (each its own range of ranks); then each rank's slot found by its own work-item;
//      per-source mode, one work-item per row that lost synapses, as rows draw independently;
//   3. the log (weights before pruning), in parallel;
//   4. the list edits by one work-item, in the Java order (each edit moves entries other edits
//      read).
// Must be called by every work-item of the group. scratch_rows has rows + 1 ints, scratch_ranks
// rows + 1, scratch_parts the work-group size + 1; candidates and chosen as many as the projection
// has active synapses; mark one byte per potential slot, all 0 (and 0 again on return).
inline void rw_structural_plasticity_group(
        const int step,
        const uint seed,
        const uint key,
        const int per_source,
        const int prune_code,               // -1: w < prune_below; else rw_prune(prune_code, ...)
        const float prune_below,
        __global const float *params,       // the rule's params, for rw_prune
        const float regrowth_low,
        const float regrowth_high,          // > regrowth_low: drawn per regrown slot
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
        __global int *scratch_parts,
        __global uchar *mark,
        __global int *stats,                // (step, pruned, regrown, active)
        __global int *log_slot,
        __global float *log_weight,
        __global int *log_count,
        const int log_capacity,
        __local int *shared) {             // 2 ints
    const int lid = get_local_id(0);
    const int lsize = get_local_size(0);
    float p[RW_MAX_PARAMS];
    for (int k = 0; k < RW_MAX_PARAMS && prune_code >= 0; k++) {
        p[k] = params[k];
    }
    // 1. Candidates: count per row, place by a prefix sum, write and sort each row's.
    for (int i = lid; i < rows; i += lsize) {
        int c = 0;
        const int from = row_offset[i];
        const int end = from + row_count[i];
        if (prune_code < 0) {      // a threshold: a loop the compiler can vectorize
            for (int r = from; r < end; r++) {
                c += row_weight[r] < prune_below;
            }
        } else {
            for (int r = from; r < end; r++) {
                c += rw_prune(prune_code, row_weight[r], p);
            }
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
            if (rw_pruned(row_weight[r], prune_code, prune_below, p)) {
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
        const int n = row_offset[rows] - *active_count;
        if (lid == 0) {
            int take = rw_floyd_draw(n, np, seed, key, (uint)step, 0xFFFFFFFFu, mark, chosen);
            shared[1] = take;
            if (rw_few_draws(take, n)) {
                rw_sort_draws(take, mark, chosen);
            }
            int acc = 0;                   // inactive slots before each row
            for (int i = 0; i < rows; i++) {
                scratch_ranks[i] = acc;
                acc += row_offset[i + 1] - row_offset[i] - row_count[i];
            }
            scratch_ranks[rows] = acc;
        }
        barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
        if (!rw_few_draws(shared[1], n)) {
            // Each work-item counts the marks of its range, a prefix sum places the ranges.
            const int per = (n + lsize - 1) / lsize;
            const int from = min(n, lid * per);
            const int to = min(n, from + per);
            int c = 0;
            for (int t = from; t < to; t++) {
                c += mark[t];
            }
            scratch_parts[lid] = c;
            barrier(CLK_GLOBAL_MEM_FENCE);
            if (lid == 0) {
                int acc = 0;
                for (int w = 0; w < lsize; w++) {
                    int cw = scratch_parts[w];
                    scratch_parts[w] = acc;
                    acc += cw;
                }
            }
            barrier(CLK_GLOBAL_MEM_FENCE);
            rw_read_marks(from, to, mark, chosen + scratch_parts[lid]);
            barrier(CLK_GLOBAL_MEM_FENCE);
        }
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
            __global uchar *row_mark = mark + row_offset[i];
            int take = rw_floyd_draw(inactive, lost, seed, key, (uint)step, (uint)i, row_mark, out);
            if (rw_few_draws(take, inactive)) {
                rw_sort_draws(take, row_mark, out);
            } else {
                rw_read_marks(0, inactive, row_mark, out);
            }
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
            log_weight[off + np + q] = rw_regrowth_weight(chosen[q], step, seed, key,
                                                          regrowth_low, regrowth_high);
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
            row_weight[r] = rw_regrowth_weight(s, step, seed, key, regrowth_low, regrowth_high);
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

// The per-step engine's call: one work-group, for networks too large for the resident engine;
// potential projection pp of the network, its arrays in the packs at the header's offsets.
__kernel void structural_plasticity(
        const int step,
        const int pp,
        __global const float *restrict fparams,
        __global const int *restrict iparams,
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
        __global int *scratch_parts,
        __global uchar *mark,
        __global int *stats,                // (step, pruned, regrown, active) per call of the chunk
        const int stats_index,
        __global int *log_slot,
        __global float *log_weight,
        __global int *log_count,
        const int log_capacity,
        __local int *shared) {
    const int p = RW_POTENTIAL_PROJECTION[pp];
    const int slots = RW_SLOT_BASE[pp];
    __global const float *pf = fparams + RW_FP_PROJ[p];
    __global const int *pi = iparams + RW_IP_PROJ[p];
    rw_structural_plasticity_group(step, (uint)iparams[RW_IP_SEED], (uint)pi[RW_IPP_KEY],
        pi[RW_IPP_PER_SOURCE], RW_PRUNE_CODE[pp], pf[RW_FPP_PRUNE_BELOW], pf + RW_FPP_PARAMS,
        pf[RW_FPP_REGROWTH_LOW], pf[RW_FPP_REGROWTH_HIGH], RW_SOURCE_SIZE[p],
        RW_EXCLUDE_SAME_INDEX[p], row_offset + RW_ROW_OFFSET_BASE[pp],
        col_offset + RW_COL_OFFSET_BASE[pp], active + slots, slot_pos + slots,
        row_count + RW_ROW_BASE[pp], row_syn + slots, row_target + slots, row_weight + slots,
        row_to_col + slots, col_count + RW_COL_BASE[pp], col_syn + slots, col_source + slots,
        col_to_row + slots, active_count + pp, candidates, chosen, scratch_rows, scratch_ranks,
        scratch_parts, mark, stats + 4 * stats_index, log_slot, log_weight, log_count,
        log_capacity, shared);
}
