// Phase POISSON_INPUT (Java twin: backend.java.PoissonInput): which sources of one input spike in
// this step. Each source holds the step of its next spike; when it spikes in step n it draws its
// next waiting time from Philox counter (n + 1, source, 0, 0). rw_poisson_source is the per-source
// code of both engines, for global (_g) and local (_l) memory.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

#ifdef RW_SPACE

// Source i: whether it spikes in this step; if it does, its next spike is drawn.
inline int RW_SPACED(rw_poisson_source)(RW_SPACE int *next_spike, const int i, const int step,
                                        const uint seed, const uint key, const float inv_log_q) {
    if (next_spike[i] != step) {
        return 0;
    }
    uint w = rw_philox((uint4)((uint)(step + 1), (uint)i, 0u, 0u), (uint2)(seed, key)).x;
    long next = (long)step + rw_geometric(w, inv_log_q);
    next_spike[i] = next >= INT_MAX ? INT_MAX : (int)next;
    return 1;
}

#else

// Per step: one work-item per source of stepped input `in`. A spike is delivered at once to the
// static projections whose receptors have no delay ring (their rows merged into one, targets
// indexing the input pack), which the Java backend does in SYNAPSE_PRE: the input is a
// fixed-point sum, the same in any order, and nothing reads it before the next step's neuron
// update. With `listed`, the spike also goes to the input's list (counters by step parity, as the
// neurons'), for the projections that synapse_pre_static delivers.
__kernel void poisson_input(
        __global int *next_spike,
        __global const float *fparams,
        __global const int *iparams,
        const int in,
        const int step,
        __global const int *row_start,
        __global const int *target,
        __global const long *fixed_weight,
        __global long *input,
        const int listed,
        __global int *spikes,
        __global int *spike_count) {
    const int i = get_global_id(0);
    if (i >= RW_INPUT_SIZE[in]) {
        return;
    }
    if (listed && i == 0) {
        spike_count[(step + 1) & 1] = 0;
    }
    if (!rw_poisson_source_g(next_spike + RW_INPUT_FIRST[in], i, step, (uint)iparams[RW_IP_SEED],
            (uint)iparams[RW_IP_INPUT + in], fparams[RW_FP_INPUT + in])) {
        return;
    }
    rw_static_row_g(i, row_start, target, fixed_weight, input, 0);
    if (listed) {
        spikes[atomic_inc(spike_count + (step & 1))] = i;
    }
}

// Work-group form, for the resident engine: the sources of one input of one network, their next
// spike steps in local memory; this step's spikes go to the input's local list.
inline void rw_poisson_input_group(
        __local int *next_spike,
        __local int *spikes,
        __local int *spike_count,
        const int size,
        const int step,
        const uint seed,
        const uint key,
        const float inv_log_q) {
    // Sources spike rarely: each work-item tests a block of 16 with a loop the compiler can
    // vectorize, and looks at the sources one by one only in a block where one is due.
    for (int first = get_local_id(0) * 16; first < size; first += get_local_size(0) * 16) {
        int end = min(first + 16, size);
        int due = 0;
        for (int i = first; i < end; i++) {
            due |= next_spike[i] == step;
        }
        if (!due) {
            continue;
        }
        for (int i = first; i < end; i++) {
            if (rw_poisson_source_l(next_spike, i, step, seed, key, inv_log_q)) {
                spikes[RW_LOCAL_INC(spike_count)] = i;
            }
        }
    }
}

#endif
