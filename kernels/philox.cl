// Counter-based random numbers and the samplers built on them: the OpenCL C twin of
// dev.rewire.random (Philox, Draws, FloatLog). Every function here must compute the same bits as its
// Java twin; change both together, and the native tests compare them.
//
// Included (textually, by the host) in front of every kernel file that draws random numbers.

#pragma OPENCL FP_CONTRACT OFF

#define RW_PHILOX_M0 0xD2511F53u
#define RW_PHILOX_M1 0xCD9E8D57u
#define RW_PHILOX_W0 0x9E3779B9u
#define RW_PHILOX_W1 0xBB67AE85u

// Philox4x32-10 of counter c under key k (Salmon et al., SC'11; Random123's known answers hold).
inline uint4 rw_philox(uint4 c, uint2 k) {
    for (int r = 0; r < 10; r++) {
        uint hi0 = mul_hi(RW_PHILOX_M0, c.x);
        uint lo0 = RW_PHILOX_M0 * c.x;
        uint hi1 = mul_hi(RW_PHILOX_M1, c.z);
        uint lo1 = RW_PHILOX_M1 * c.z;
        c = (uint4)(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
        k.x += RW_PHILOX_W0;
        k.y += RW_PHILOX_W1;
    }
    return c;
}

// Uniform float in [0, 1): the top 24 bits, exact in float.
inline float rw_uniform(uint w) {
    return (float)(w >> 8) * 0x1p-24f;
}

// Uniform float in (0, 1].
inline float rw_uniform_open_zero(uint w) {
    return (float)((w >> 8) + 1u) * 0x1p-24f;
}

// Integer uniform in [0, bound): Lemire's multiply-shift without rejection.
inline uint rw_below(uint w, uint bound) {
    return mul_hi(w, bound);
}

// Natural logarithm from plain float operations (Cephes' logf, no division): FloatLog.log.
inline float rw_log(float x) {
    int bits = as_int(x);
    int e = ((bits >> 23) & 0xFF) - 126;
    float m = as_float((bits & 0x007FFFFF) | 0x3F000000);
    if (m < 0.707106781186547524f) {
        e = e - 1;
        m = m + m - 1.0f;
    } else {
        m = m - 1.0f;
    }
    float z = m * m;
    float y = 7.0376836292e-2f;
    y = y * m - 1.1514610310e-1f;
    y = y * m + 1.1676998740e-1f;
    y = y * m - 1.2420140846e-1f;
    y = y * m + 1.4249322787e-1f;
    y = y * m - 1.6668057665e-1f;
    y = y * m + 2.0000714765e-1f;
    y = y * m - 2.4999993993e-1f;
    y = y * m + 3.3333331174e-1f;
    y = y * m * z;
    float fe = (float)e;
    y = y + -2.12194440e-4f * fe;
    y = y - 0.5f * z;
    float r = m + y;
    return r + 0.693359375f * fe;
}

// Geometric number of trials up to the first success (>= 1), given inv_log_q = 1 / ln(1 - p);
// INT_MAX means never. Draws.geometric.
inline int rw_geometric(uint w, float inv_log_q) {
    float trials = rw_log(rw_uniform_open_zero(w)) * inv_log_q;
    if (!(trials < 2.0e9f)) {
        return INT_MAX;
    }
    return 1 + (int)trials;
}

// Standard normal draw `index` of `element` at `step` (white noise): Marsaglia's polar method on
// Philox counter (step, element, index, attempt), two candidate pairs per block. random.Normal.
// The program is built with -cl-fp32-correctly-rounded-divide-sqrt.
inline float rw_normal(int step, int element, int index, uint seed, uint key) {
    // One exit, after the loop: PoCL's work-group loop pass rejects returns from inside it.
    float u = 0.0f;
    float s = 0.0f;
    for (int attempt = 0; !(s < 1.0f && s > 0.0f); attempt++) {
        uint4 w = rw_philox((uint4)((uint)step, (uint)element, (uint)index, (uint)attempt),
                            (uint2)(seed, key));
        u = (float)(w.x >> 8) * 0x1p-23f - 1.0f;
        float v = (float)(w.y >> 8) * 0x1p-23f - 1.0f;
        s = u * u + v * v;
        if (!(s < 1.0f && s > 0.0f)) {
            u = (float)(w.z >> 8) * 0x1p-23f - 1.0f;
            v = (float)(w.w >> 8) * 0x1p-23f - 1.0f;
            s = u * u + v * v;
        }
    }
    return u * sqrt(-2.0f * rw_log(s) / s);
}
