// Helper shared by synapse_pre.cl and synapse_post.cl: which neuron of a population the k-th entry
// of a step's spike list is.

// The local index of spike list entry k (one RW_FOR_SPIKES takes) in the population
// [start, start + size), or -1 when the spike belongs to another population.
inline int rw_local_spike(int k, __global const int *spikes, int start, int size) {
    int i = spikes[k] - start;
    return i >= 0 && i < size ? i : -1;
}

// The entries k of a step's spike list that this work-item of a per-step kernel takes: its id,
// then every global size further. The host launches a few work-items per compute unit, not one
// per possible spike (a work-item that finds nothing to do still costs time on a CPU device);
// each spike is taken by one work-item, and what they add is summed in fixed point, so the
// results do not depend on the launch size.
#define RW_FOR_SPIKES(k, spike_count) \
    for (int k = get_global_id(0), rw_count_ = *(spike_count); k < rw_count_; \
         k += get_global_size(0))

// Local counters and sums of the resident engine's work-group functions: atomic when several
// work-items share a network, plain when the host builds it for one work-item per work-group
// (RW_SERIAL; on CPUs), where an atomic instruction would only cost time.
#ifdef RW_SERIAL
#define RW_LOCAL_INC(p) ((*(p))++)
#define RW_LOCAL_ADD64(p, x) (*(p) += (x))
#else
#define RW_LOCAL_INC(p) atomic_inc(p)
#define RW_LOCAL_ADD64(p, x) atom_add(p, x)
#endif
