// Phase POISSON_INPUT (Java twin: backend.java.PoissonInput): which sources of one input spike in
// this step. Each source holds the step of its next spike; when it spikes in step n it draws its
// next waiting time from Philox counter (n + 1, source, 0, 0). rw_poisson_next is the per-source
// code of both engines, for global (_g) and local (_l) memory.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

#ifdef RW_SPACE

// Source i spikes in this step (next_spike[i] == step): its next spike is drawn. The callers test
// that first: as a call per source, the test cost PoCL's resident kernel half of its time.
inline void RW_SPACED(rw_poisson_next)(RW_SPACE int *next_spike, const int i, const int step,
                                       const uint seed, const uint key, const float inv_log_q) {
    uint w = rw_philox((uint4)((uint)(step + 1), (uint)i, 0u, 0u), (uint2)(seed, key)).x;
    long next = (long)step + rw_geometric(w, inv_log_q);
    next_spike[i] = next >= INT_MAX ? INT_MAX : (int)next;
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
        __global const float *restrict fparams,
        __global const int *restrict iparams,
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
    if (listed && i == 0) {
        spike_count[(step + 1) & 1] = 0;
    }
    // Most sources do not spike: they read nothing else (the params are loads from global memory
    // that the compiler cannot hoist out of the work-item loop).
    if (i >= RW_INPUT_SIZE[in] || next_spike[RW_INPUT_FIRST[in] + i] != step) {
        return;
    }
    rw_poisson_next_g(next_spike + RW_INPUT_FIRST[in], i, step, (uint)iparams[RW_IP_SEED],
        (uint)iparams[RW_IP_INPUT + in], fparams[RW_FP_INPUT + in]);
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
            if (next_spike[i] == step) {
                spikes[RW_LOCAL_INC(spike_count)] = i;
                rw_poisson_next_l(next_spike, i, step, seed, key, inv_log_q);
            }
        }
    }
}

#endif
