// Phase SYNAPSE_POST (Java twin: backend.java.SynapsePost, the on_post of a plasticity rule in
// backend.java.RuleCode): the on-post pathway of a projection with a rule, after every on-pre
// pathway of the step. A spiking target's column is handled by one work-item: each synapse onto it
// is updated by that work-item.
//
// Only rules have an on-post pathway: the host builds this file once per rule, with RW_Q and the
// rule's macros defined (see synapse_pre.cl); the column code is built for global (_g) and local
// (_l) traces from one text.

#pragma OPENCL FP_CONTRACT OFF

#ifdef RW_Q
#ifdef RW_SPACE

// Rule RW_Q, target j spiked: the rule's trace statements give j's post traces (decayed to the
// step first); its weight updates run per synapse onto j, reading the pre traces decayed to the
// step. Returns 0 when a weight that is not a finite number >= 0 was made.
inline int RW_SPACED(RW_RULE(synapse_post_column))(
        const int j,
        const int step,
        const int source_size,
        const int target_size,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        RW_SPACE const float *pre_value,
        RW_SPACE const int *pre_last,
        RW_SPACE float *post_value,
        RW_SPACE int *post_last,
        __global const float *decay,
        __global const int *decay_at,
        __global const float *params) {
    RW_LOAD(params, decay_at)
    int ok = 1;       // every new weight a finite number >= 0 (compared without a branch)
#if RW_POST_READS_OWN
    const int age = step - post_last[j];
    RW_POST_OWN(post_value, target_size, j, age)
#endif
#if RW_POST_WRITES
    RW_POST_STORE(post_value, target_size, j)
    post_last[j] = step;
#endif
#if RW_POST_WEIGHTS
    for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
        const int i = col_source[c];
        const int r = col_to_row[c];
        const int a = step - pre_last[i];
        RW_POST_OTHER(pre_value, source_size, i, a)
        float w = row_weight[r];
        RW_POST_WEIGHT
        ok &= (w >= 0.0f) & (w < INFINITY);
        row_weight[r] = w;
    }
#endif
    return ok;
}

#else

// Rule RW_Q: target j spiked (the entries of the step's spike list, RW_FOR_SPIKES).
__kernel void RW_KERNEL(synapse_post)(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int step,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        __global float *trace_f,
        __global int *trace_i,
        __global const float *decay,
        __global const float *restrict fparams,
        __global const int *restrict iparams,
        __global int *bad) {
    const int p = RW_POTENTIAL_PROJECTION[RW_Q];
    const int ns = RW_SOURCE_SIZE[p];
    __global float *tv = trace_f + RW_TRACE_VALUE_BASE[RW_Q];
    __global int *tl = trace_i + RW_TRACE_LAST_BASE[RW_Q];
    RW_FOR_SPIKES(k, spike_count + (step & 1)) {
        int j = rw_local_spike(k, spikes, RW_TARGET_START[p], RW_TARGET_SIZE[p]);
        if (j >= 0 && !RW_RULE(synapse_post_column_g)(j, step, ns, RW_TARGET_SIZE[p],
                col_offset + RW_COL_OFFSET_BASE[RW_Q], col_count + RW_COL_BASE[RW_Q],
                col_source + RW_SLOT_BASE[RW_Q], col_to_row + RW_SLOT_BASE[RW_Q],
                row_weight + RW_SLOT_BASE[RW_Q], tv, tl, tv + RW_PRE_TRACES * ns, tl + ns,
                decay, iparams + RW_IP_PROJ[p] + RW_IPP_DECAY_AT,
                fparams + RW_FP_PROJ[p] + RW_FPP_PARAMS)) {
            bad[RW_Q] = 1;
        }
    }
}

// Work-group form, for the resident engine: spike list and traces in local memory.
inline void RW_RULE(synapse_post_group)(
        __local const int *spikes,
        const int spike_count,
        const int target_start,
        const int target_size,
        const int source_size,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        const int step,
        __local const float *pre_value,
        __local const int *pre_last,
        __local float *post_value,
        __local int *post_last,
        __global const float *decay,
        __global const int *decay_at,
        __global const float *params,
        __global int *bad) {
    int ok = 1;
    for (int e = get_local_id(0); e < spike_count; e += get_local_size(0)) {
        const int j = spikes[e] - target_start;
        if (j >= 0 && j < target_size) {
            ok &= RW_RULE(synapse_post_column_l)(j, step, source_size, target_size, col_offset,
                col_count, col_source, col_to_row, row_weight, pre_value, pre_last, post_value,
                post_last, decay, decay_at, params);
        }
    }
    if (!ok) {
        *bad = 1;
    }
}

#endif
#endif
