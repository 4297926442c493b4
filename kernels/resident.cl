// The resident engine (host: backend.opencl.resident.ResidentBatch): one work-group advances one
// network of a batch through a launch of steps, running the phases of plan.Phase.STEP_ORDER with
// barriers between them; many networks run side by side, one per work-group. A network's state
// lies in the packs of its state layout (plan.StateLayout: neuron_f, neuron_i, input, next_spike,
// trace_f, trace_i, and the potential sets' arrays), at net times each pack's length; during the
// launch the first six are copied to local memory, with the same offsets, and the synapses stay in
// global memory. Structural plasticity is due at most at the launch's first step (the host splits
// launches there). The networks of a batch share a shape: the RW_* constants and tables of the
// header in front of this file (backend.opencl.device.DeviceShape); each has its own state and
// parameters.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

// Copies n elements between global and local memory, spread over the work-items.
#define RW_COPY(to, from, n) \
    for (int c_ = get_local_id(0); c_ < (n); c_ += get_local_size(0)) { (to)[c_] = (from)[c_]; }

__kernel void resident(
        const int first_step,
        const int steps,
        const int structural_due,          // bit pp: potential projection pp rewires at first_step
        const int call_index,              // this call's place in the chunk's stats and logs
        const int calls_per_chunk,
        const int sample_every,            // 0: no state sampling
        const int sample_count,            // sampled values per step (variables x neurons)
        const int sample_row0,             // rows of the chunk's samples used before this launch
        const int sample_rows,
        __global const int *sample_index,  // each sampled value's index in neuron_f
        __global float *samples,           // per network: sample_rows x sample_count
        __global const int *running,       // per network: advance (1) or leave alone (0)
        __global const float *restrict fparams,     // per network: RW_FPARAMS floats
        __global const int *restrict iparams,       // per network: RW_IPARAMS ints
        __global float *neuron_f,
        __global int *neuron_i,
        __global long *input,
        __global int *next_spike,
        __global float *trace_f,
        __global int *trace_i,
        __global const int *static_row_start,  // per network: RW_STATIC_ROW_STARTS
        __global const int *static_base,   // per network: first synapse in the two below
        __global const int *static_target, // the target's index in its group
        __global const long *static_weight,
        __global const int *row_offset,    // shared geometry of the potential sets
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
        __global const float *decay_tables,
        __global int *spike_record,        // per network: record_capacity (step, neuron) pairs
        __global int *spike_record_count,
        const int record_capacity,
        __global int *stats,               // per network and potential projection: calls x 4
        __global int *log_slot,            // per network and potential projection: log_capacity
        __global float *log_weight,
        __global int *log_count,
        const int log_capacity,
        __global int *scratch,             // per network: scratch_stride ints
        const int scratch_stride,
        const int max_active,
        __global uchar *structural_mark,   // per network: RW_SLOTS bytes, all 0 between calls
        __global int *bad_weights,         // per network: RW_POTENTIALS flags (see synapse_pre.cl)
        __local float *l_neuron_f,
        __local int *l_neuron_i,
        __local long *l_input,
        __local int *l_spikes,
        __local int *l_input_spikes,       // RW_INPUT_SOURCES: each stepped input's list
        __local int *l_next,
        __local float *l_trace_f,
        __local int *l_trace_i,
        __local int *l_counts) {           // RW_COUNTS ints
    const int net = get_group_id(0);
    if (!running[net]) {
        return;
    }
    const int lid = get_local_id(0);
    __global const float *fp = fparams + net * RW_FPARAMS;
    __global const int *ip = iparams + net * RW_IPARAMS;
    const uint seed = (uint)ip[RW_IP_SEED];

    // Load the network's state into local memory.
    RW_COPY(l_neuron_f, neuron_f + (long)net * RW_PACK_NEURON_F, RW_PACK_NEURON_F)
    RW_COPY(l_neuron_i, neuron_i + (long)net * RW_PACK_NEURON_I, RW_PACK_NEURON_I)
    RW_COPY(l_input, input + (long)net * RW_PACK_INPUT, RW_PACK_INPUT)
    RW_COPY(l_next, next_spike + (long)net * RW_PACK_NEXT_SPIKE, RW_PACK_NEXT_SPIKE)
    RW_COPY(l_trace_f, trace_f + (long)net * RW_PACK_TRACE_F, RW_PACK_TRACE_F)
    RW_COPY(l_trace_i, trace_i + (long)net * RW_PACK_TRACE_I, RW_PACK_TRACE_I)
    if (lid == 0) {
        l_counts[RW_COUNT_RECORD] = spike_record_count[net];
    }
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);

    // STRUCTURAL_PLASTICITY, in the launch's first step, projection by projection in model order.
    for (int pp = 0; pp < RW_POTENTIALS; pp++) {
        if ((structural_due >> pp & 1) == 0) {
            continue;
        }
        const int p = RW_POTENTIAL_PROJECTION[pp];
        const long slots = (long)net * RW_SLOTS + RW_SLOT_BASE[pp];
        const long rows = (long)net * RW_ROWS + RW_ROW_BASE[pp];
        const long cols = (long)net * RW_COLS + RW_COL_BASE[pp];
        __global int *sc = scratch + (long)net * scratch_stride;
        __global const float *pf = fp + RW_FP_PROJ[p];
        __global const int *pi = ip + RW_IP_PROJ[p];
        const int ch = net * RW_POTENTIALS + pp;
        rw_structural_plasticity_group(first_step, seed, (uint)pi[RW_IPP_KEY],
            pi[RW_IPP_PER_SOURCE], RW_PRUNE_CODE[pp], pf[RW_FPP_PRUNE_BELOW],
            pf + RW_FPP_PARAMS, pf[RW_FPP_REGROWTH_LOW], pf[RW_FPP_REGROWTH_HIGH],
            RW_SOURCE_SIZE[p], RW_EXCLUDE_SAME_INDEX[p],
            row_offset + RW_ROW_OFFSET_BASE[pp], col_offset + RW_COL_OFFSET_BASE[pp],
            active + slots, slot_pos + slots, row_count + rows, row_syn + slots,
            row_target + slots, row_weight + slots, row_to_col + slots, col_count + cols,
            col_syn + slots, col_source + slots, col_to_row + slots,
            active_count + (long)net * RW_POTENTIALS + pp,
            sc, sc + max_active, sc + 2 * max_active, sc + 2 * max_active + RW_MAX_ROWS + 1,
            sc + 2 * max_active + 2 * (RW_MAX_ROWS + 1), structural_mark + slots,
            stats + (ch * calls_per_chunk + call_index) * 4,
            log_slot + ch * log_capacity, log_weight + ch * log_capacity, log_count + ch,
            log_capacity, l_counts + RW_COUNT_SHARED);
    }

    for (int k = 0; k < steps; k++) {
        const int n = first_step + k;
        if (lid == 0) {
            l_counts[RW_COUNT_SPIKES] = 0;
            for (int in = 0; in < RW_INPUTS; in++) {
                l_counts[RW_COUNT_INPUT + in] = 0;
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);

        // NEURON_UPDATE, group by group.
        rw_neuron_update_groups(l_neuron_f, l_neuron_i, l_input, fp, ip, l_spikes,
            l_counts + RW_COUNT_SPIKES, spike_record + (long)net * 2 * record_capacity,
            l_counts + RW_COUNT_RECORD, record_capacity, n);
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);

        // POISSON_INPUT, the stepped inputs.
        for (int in = 0; in < RW_INPUTS; in++) {
            rw_poisson_input_group(l_next + RW_INPUT_FIRST[in], l_input_spikes + RW_INPUT_FIRST[in],
                l_counts + RW_COUNT_INPUT + in, RW_INPUT_SIZE[in], n, seed,
                (uint)ip[RW_IP_INPUT + in], fp[RW_FP_INPUT + in]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);

        // SYNAPSE_PRE, every projection in model order, into its receptor's slot for the step its
        // spikes arrive in.
        const int spike_count = l_counts[RW_COUNT_SPIKES];
        for (int p = 0; p < RW_PROJECTIONS; p++) {
            const int r = RW_RECEPTOR[p];
            const int ring = RW_RECEPTOR_SLOTS[r];
            const int input_start = RW_RECEPTOR_AT[r] + RW_TARGET_IN_GROUP[p]
                + (ring == 1 ? 0 : ((n + RW_DELAY[p]) % ring) * RW_RECEPTOR_SIZE[r]);
            const int in = RW_SOURCE_INPUT[p];
            __local const int *src = in >= 0 ? l_input_spikes + RW_INPUT_FIRST[in] : l_spikes;
            const int count = in >= 0 ? l_counts[RW_COUNT_INPUT + in] : spike_count;
            const int start = in >= 0 ? 0 : RW_SOURCE_START[p];
            const int pp = RW_POTENTIAL_INDEX[p];
            if (pp < 0) {
                rw_synapse_pre_static_group(src, count, start, RW_SOURCE_SIZE[p],
                    static_row_start + net * RW_STATIC_ROW_STARTS + RW_STATIC_ROW_BASE[p],
                    static_target + static_base[net], static_weight + static_base[net], l_input,
                    input_start - RW_TARGET_IN_GROUP[p]);
                continue;
            }
            const long slots = (long)net * RW_SLOTS + RW_SLOT_BASE[pp];
            const int ns = RW_SOURCE_SIZE[p];
            if (!RW_HAS_RULE[p]) {
                rw_synapse_pre_group(src, count, start, ns, row_offset + RW_ROW_OFFSET_BASE[pp],
                    row_count + (long)net * RW_ROWS + RW_ROW_BASE[pp], row_target + slots,
                    row_weight + slots, l_input + input_start);
                continue;
            }
            const int tv = RW_TRACE_VALUE_BASE[pp];
            const int tl = RW_TRACE_LAST_BASE[pp];
            rw_rule_pre_group(pp, src, count, start, ns, RW_TARGET_SIZE[p],
                row_offset + RW_ROW_OFFSET_BASE[pp],
                row_count + (long)net * RW_ROWS + RW_ROW_BASE[pp], row_target + slots,
                row_weight + slots, l_input + input_start, n, l_trace_f + tv, l_trace_i + tl,
                l_trace_f + tv + RW_PRE_TRACES[pp] * ns, l_trace_i + tl + ns, decay_tables,
                ip + RW_IP_PROJ[p] + RW_IPP_DECAY_AT, fp + RW_FP_PROJ[p] + RW_FPP_PARAMS,
                bad_weights + net * RW_POTENTIALS + pp);
        }
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);

        // SYNAPSE_POST, every projection with a rule in model order.
        for (int pp = 0; pp < RW_POTENTIALS; pp++) {
            const int p = RW_POTENTIAL_PROJECTION[pp];
            if (!RW_HAS_RULE[p]) {
                continue;
            }
            const long slots = (long)net * RW_SLOTS + RW_SLOT_BASE[pp];
            const int tv = RW_TRACE_VALUE_BASE[pp];
            const int tl = RW_TRACE_LAST_BASE[pp];
            const int ns = RW_SOURCE_SIZE[p];
            rw_rule_post_group(pp, l_spikes, spike_count, RW_TARGET_START[p], RW_TARGET_SIZE[p],
                ns, col_offset + RW_COL_OFFSET_BASE[pp],
                col_count + (long)net * RW_COLS + RW_COL_BASE[pp], col_source + slots,
                col_to_row + slots, row_weight + slots, n, l_trace_f + tv, l_trace_i + tl,
                l_trace_f + tv + RW_PRE_TRACES[pp] * ns, l_trace_i + tl + ns, decay_tables,
                ip + RW_IP_PROJ[p] + RW_IPP_DECAY_AT, fp + RW_FP_PROJ[p] + RW_FPP_PARAMS,
                bad_weights + net * RW_POTENTIALS + pp);
        }
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);

        // State sampling (not a phase): the chosen values at the end of the step.
        if (sample_every > 0 && n % sample_every == 0) {
            int first_sampled = (first_step + sample_every - 1) / sample_every * sample_every;
            int row = sample_row0 + (n - first_sampled) / sample_every;
            __global float *out = samples + ((long)net * sample_rows + row) * sample_count;
            for (int q = lid; q < sample_count; q += get_local_size(0)) {
                out[q] = l_neuron_f[sample_index[q]];
            }
        }
    }

    // Store the network's state.
    barrier(CLK_LOCAL_MEM_FENCE);
    RW_COPY(neuron_f + (long)net * RW_PACK_NEURON_F, l_neuron_f, RW_PACK_NEURON_F)
    RW_COPY(neuron_i + (long)net * RW_PACK_NEURON_I, l_neuron_i, RW_PACK_NEURON_I)
    RW_COPY(input + (long)net * RW_PACK_INPUT, l_input, RW_PACK_INPUT)
    RW_COPY(next_spike + (long)net * RW_PACK_NEXT_SPIKE, l_next, RW_PACK_NEXT_SPIKE)
    RW_COPY(trace_f + (long)net * RW_PACK_TRACE_F, l_trace_f, RW_PACK_TRACE_F)
    RW_COPY(trace_i + (long)net * RW_PACK_TRACE_I, l_trace_i, RW_PACK_TRACE_I)
    if (lid == 0) {
        spike_record_count[net] = l_counts[RW_COUNT_RECORD];
    }
}

// Packs what the networks of a batch wrote into their slices (each at net * stride ints, count
// entries of width ints) into one array, network after network from offsets[net] (in entries),
// so that the host reads the used parts of the whole batch at once. One work-group per network
// (or per network and projection: rows of counts).
__kernel void resident_pack(
        __global const int *src,
        const int stride,
        __global const int *counts,
        __global const int *offsets,
        const int width,
        __global int *dst) {
    const int row = get_group_id(0);
    const int n = counts[row] * width;
    __global const int *from = src + (long)row * stride;
    __global int *to = dst + (long)offsets[row] * width;
    for (int i = get_local_id(0); i < n; i += get_local_size(0)) {
        to[i] = from[i];
    }
}
