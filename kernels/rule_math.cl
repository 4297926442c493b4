// The functions a plasticity rule may call (Java twin: rule.RuleMath), the same float operations
// in the same order, so both give the same bits. Division and sqrt are IEEE's: the program is built
// with -cl-fp32-correctly-rounded-divide-sqrt.

#pragma OPENCL FP_CONTRACT OFF

inline float rw_rule_clip(float x, float lo, float hi) {
    return x < lo ? lo : (x > hi ? hi : x);
}

inline float rw_rule_min(float a, float b) {
    return b < a ? b : a;
}

inline float rw_rule_max(float a, float b) {
    return b > a ? b : a;
}

inline float rw_rule_abs(float x) {
    return as_float(as_int(x) & 0x7FFFFFFF);
}

inline float rw_rule_sqrt(float x) {
    return sqrt(x);
}

inline float rw_rule_exp(float x) {
    if (x != x) {
        return x;
    }
    if (x > 88.72283935546875f) {
        return INFINITY;
    }
    if (x < -103.97208404541015625f) {
        return 0.0f;
    }
    float fx = floor(x * 1.44269504088896341f + 0.5f);
    float r = x - fx * 0.693359375f;
    r = r - fx * -2.12194440e-4f;
    float z = r * r;
    float y = 1.9875691500e-4f;
    y = y * r + 1.3981999507e-3f;
    y = y * r + 8.3334519073e-3f;
    y = y * r + 4.1665795894e-2f;
    y = y * r + 1.6666665459e-1f;
    y = y * r + 5.0000001201e-1f;
    y = y * z + r + 1.0f;
    int n = (int)fx;
    if (n > 127) {
        y = y * 2.0f;
        n = n - 1;
    }
    if (n < -126) {
        y = y * 0x1p-24f;
        n = n + 24;
    }
    return y * as_float((n + 127) << 23);
}

inline float rw_rule_log(float x) {
    if (!(x > 0.0f)) {
        return x == 0.0f ? -INFINITY : NAN;
    }
    if (x == INFINITY) {
        return x;
    }
    if (x < 0x1p-126f) {
        return rw_log(x * 0x1p23f) - 15.942385152878742f;
    }
    return rw_log(x);
}

// RuleMath.pow: binary powering for whole-number exponents up to 2^24, exp(y log x) otherwise.
inline float rw_rule_pow(float x, float y) {
    if (y == 0.0f || x == 1.0f) {
        return 1.0f;
    }
    if (x != x || y != y) {
        return NAN;
    }
    float ay = rw_rule_abs(y);
    if (ay <= 0x1p24f && floor(y) == y) {
        int n = (int)ay;
        float r = 1.0f;
        float b = x;
        while (1) {
            if ((n & 1) != 0) {
                r = r * b;
            }
            n = n >> 1;
            if (n == 0) {
                break;
            }
            b = b * b;
        }
        return y < 0.0f ? 1.0f / r : r;
    }
    if (x > 0.0f) {
        return rw_rule_exp(y * rw_rule_log(x));
    }
    if (x == 0.0f) {
        return y > 0.0f ? 0.0f : INFINITY;
    }
    return ay > 0x1p24f ? rw_rule_exp(y * rw_rule_log(-x)) : NAN;
}
