// Phase POISSON_INPUT (Java twin: backend.java.PoissonInput): which sources of one input spike in
// this step. Each source holds the step of its next spike; when it spikes in step n it draws its next
// waiting time from Philox counter (n + 1, source, 0, 0). One work-item per source.

#pragma OPENCL FP_CONTRACT OFF

__kernel void poisson_input(
        __global int *next_spike,
        __global int *spikes,
        __global int *spike_count,
        const int size,
        const int step,
        const uint seed,
        const uint key,
        const float inv_log_q) {
    int i = get_global_id(0);
    if (i >= size || next_spike[i] != step) {
        return;
    }
    spikes[atomic_inc(spike_count)] = i;
    uint w = rw_philox((uint4)((uint)(step + 1), (uint)i, 0u, 0u), (uint2)(seed, key)).x;
    long next = (long)step + rw_geometric(w, inv_log_q);
    next_spike[i] = next >= INT_MAX ? INT_MAX : (int)next;
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
                uint w = rw_philox((uint4)((uint)(step + 1), (uint)i, 0u, 0u),
                                   (uint2)(seed, key)).x;
                long next = (long)step + rw_geometric(w, inv_log_q);
                next_spike[i] = next >= INT_MAX ? INT_MAX : (int)next;
            }
        }
    }
}
