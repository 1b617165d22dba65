/*
 * LittleBrain standalone C kernels; see lb_kernels.h.
 *
 * Java's int arithmetic wraps where C's signed arithmetic is undefined, so every place where the
 * reference relies on wrap-around (gemmlowp's fixed point) goes through uint32_t explicitly.
 * Right shifts of negative values assume an arithmetic shift, as every supported compiler does.
 */
#include "lb_kernels.h"

#include <string.h>

static int32_t wrap_add(int32_t a, int32_t b)
{
    return (int32_t) ((uint32_t) a + (uint32_t) b);
}

static inline int32_t wrap_shl(int32_t x, int32_t shift)
{
    return (int32_t) ((uint32_t) x << shift);
}

static inline int32_t clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/*
 * (a * b * 2) >> 32, rounded to nearest; saturates the one overflow case.
 *
 * gemmlowp adds a nudge of 2^30 (ab >= 0) or 1 - 2^30 (ab < 0) and divides by 2^31, truncating toward zero.
 * For ab >= 0 that is floor((ab + 2^30) / 2^31). For ab < 0, v = ab + 1 - 2^30 is negative, and truncating
 * v / 2^31 toward zero is ceil(v / 2^31) = floor((v + 2^31 - 1) / 2^31) = floor((ab + 2^30) / 2^31). Both cases
 * are therefore one arithmetic shift of ab + 2^30 (|ab| <= 2^62, no overflow): a multiply, an add and a shift
 * instead of a 64-bit division, which is a library call on 32-bit cores.
 */
static int32_t srdhm(int32_t a, int32_t b)
{
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    return (int32_t) (((int64_t) a * (int64_t) b + ((int64_t) 1 << 30)) >> 31);
}

/* x / 2^exponent rounded to nearest, ties away from zero. */
static inline int32_t rounding_divide_by_pot(int32_t x, int32_t exponent)
{
    int32_t mask = (int32_t) (((uint32_t) 1 << exponent) - 1u);
    int32_t remainder = x & mask;
    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t lb_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift)
{
    int32_t left_shift = shift > 0 ? shift : 0;
    int32_t right_shift = shift > 0 ? 0 : -shift;
    return rounding_divide_by_pot(srdhm(wrap_shl(x, left_shift), multiplier), right_shift);
}

static int32_t saturating_rounding_multiply_by_pot(int32_t x, int32_t exponent)
{
    int32_t threshold;
    if (exponent == 0) {
        return x;
    }
    if (exponent < 0) {
        return rounding_divide_by_pot(x, -exponent);
    }
    threshold = (int32_t) (((int64_t) 1 << (31 - exponent)) - 1);
    if (x > threshold) {
        return INT32_MAX;
    }
    if (x < -threshold) {
        return INT32_MIN;
    }
    return wrap_shl(x, exponent);
}

static int32_t rescale(int32_t raw, int32_t src_integer_bits, int32_t dst_integer_bits)
{
    return saturating_rounding_multiply_by_pot(raw, src_integer_bits - dst_integer_bits);
}

static int32_t rounding_half_sum(int32_t a, int32_t b)
{
    int64_t sum = (int64_t) a + (int64_t) b;
    int64_t sign = sum >= 0 ? 1 : -1;
    return (int32_t) ((sum + sign) / 2);
}

static int32_t exp_on_interval_between_negative_one_quarter_and_0_excl(int32_t a)
{
    const int32_t exp_minus_one_eighth = 1895147668;
    const int32_t one_third = 715827883;
    int32_t x = wrap_add(a, 1 << 28);
    int32_t x2 = srdhm(x, x);
    int32_t x3 = srdhm(x2, x);
    int32_t x4 = srdhm(x2, x2);
    int32_t x4_over_4 = saturating_rounding_multiply_by_pot(x4, -2);
    int32_t poly = saturating_rounding_multiply_by_pot(
        wrap_add(srdhm(wrap_add(x4_over_4, x3), one_third), x2), -1);
    return wrap_add(exp_minus_one_eighth, srdhm(exp_minus_one_eighth, wrap_add(x, poly)));
}

static int32_t exp_on_negative_values(int32_t a, int32_t integer_bits)
{
    static const int32_t exp_of_minus_pot[7] = {
        1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242
    };
    int32_t fractional_bits = 31 - integer_bits;
    int32_t one_quarter = (int32_t) 1 << (fractional_bits - 2);
    int32_t mask = one_quarter - 1;
    int32_t a_mod_quarter_minus_one_quarter = (a & mask) - one_quarter;
    int32_t result = exp_on_interval_between_negative_one_quarter_and_0_excl(
        rescale(a_mod_quarter_minus_one_quarter, integer_bits, 0));
    int32_t remainder = (int32_t) ((uint32_t) a_mod_quarter_minus_one_quarter - (uint32_t) a);
    int32_t exponent;
    for (exponent = -2; exponent <= 4; exponent++) {
        if (integer_bits > exponent) {
            int32_t shift = fractional_bits + exponent;
            if (((uint32_t) remainder & ((uint32_t) 1 << shift)) != 0) {
                result = srdhm(result, exp_of_minus_pot[exponent + 2]);
            }
        }
    }
    if (integer_bits > 5) {
        int32_t clamp_value = -((int32_t) 1 << (36 - integer_bits));
        if (a < clamp_value) {
            result = 0;
        }
    }
    return a == 0 ? INT32_MAX : result;
}

static int32_t newton_raphson_reciprocal_of_half_sum(int32_t half_denominator)
{
    const int32_t q2_one = 1 << 29;
    int32_t x = wrap_add(1515870810, srdhm(half_denominator, -1010580540));
    int i;
    for (i = 0; i < 3; i++) {
        int32_t half_denominator_times_x = srdhm(half_denominator, x);
        int32_t one_minus = wrap_add(q2_one, -half_denominator_times_x);
        x = wrap_add(x, rescale(srdhm(x, one_minus), 4, 2));
    }
    return x;
}

static int32_t one_over_one_plus_x_for_x_in_01(int32_t a)
{
    int32_t x = newton_raphson_reciprocal_of_half_sum(rounding_half_sum(a, INT32_MAX));
    return rescale(x, 1, 0);
}

/* (1 - a) / (1 + a) for a in (0, 1), Q0.31 in and out. */
static int32_t one_minus_x_over_one_plus_x_for_x_in_01(int32_t a)
{
    int32_t x = newton_raphson_reciprocal_of_half_sum(rounding_half_sum(a, INT32_MAX));
    return rescale(wrap_add(x, -(1 << 29)), 2, 0);
}

/* gemmlowp's tanh of a Q(integer_bits) value, result in Q0.31. */
static int32_t fixed_point_tanh(int32_t a, int32_t integer_bits)
{
    int32_t t;
    if (a == 0) {
        return 0;
    }
    /* exp(-2|a|): the doubling is a relabelling with one more integer bit. */
    t = one_minus_x_over_one_plus_x_for_x_in_01(exp_on_negative_values(a < 0 ? a : -a, integer_bits + 1));
    return a < 0 ? -t : t;
}

/* gemmlowp's logistic of a Q(integer_bits) value, result in Q0.31. */
static int32_t fixed_point_logistic(int32_t a, int32_t integer_bits)
{
    int32_t result_if_positive;
    if (a == 0) {
        return 1 << 30;
    }
    result_if_positive = one_over_one_plus_x_for_x_in_01(exp_on_negative_values(a > 0 ? -a : a, integer_bits));
    return a > 0 ? result_if_positive : INT32_MAX - result_if_positive;
}

static int32_t count_leading_zeros(uint32_t x)
{
    int32_t n = 0;
    if (x == 0) {
        return 32;
    }
    while ((x & 0x80000000u) == 0) {
        x <<= 1;
        n++;
    }
    return n;
}

void lb_conv2d_s8(const lb_window *w, const lb_requant *q, const int8_t *input, const int8_t *filter,
                  int32_t filter_depth, const int32_t *bias, int8_t *output)
{
    const int32_t groups = w->in_d / filter_depth;
    const int32_t filters_per_group = w->out_d / groups;
    const int32_t patch_size = w->filter_h * w->filter_w * filter_depth;
    int32_t b, oy, ox, group, oc, fy, fx, c;
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        for (oy = 0; oy < w->out_h; oy++) {
            const int32_t in_y0 = oy * w->stride_h - w->pad_top;
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
                for (group = 0; group < groups; group++) {
                    const int32_t first_channel = group * filters_per_group;
                    for (oc = first_channel; oc < first_channel + filters_per_group; oc++) {
                        const int8_t *f = filter + (int64_t) oc * patch_size;
                        int32_t acc = 0;
                        /* Taps outside the image contribute nothing, as the reference skips them. */
                        for (fy = 0; fy < w->filter_h; fy++) {
                            const int32_t y = in_y0 + fy * w->dilation_h;
                            for (fx = 0; fx < w->filter_w; fx++) {
                                const int32_t x = in_x0 + fx * w->dilation_w;
                                const int8_t *tap = f + (fy * w->filter_w + fx) * filter_depth;
                                const int8_t *src;
                                if (y < 0 || y >= w->in_h || x < 0 || x >= w->in_w) {
                                    continue;
                                }
                                src = input + ((b * w->in_h + y) * w->in_w + x) * w->in_d + group * filter_depth;
                                for (c = 0; c < filter_depth; c++) {
                                    acc += tap[c] * (src[c] + q->input_offset);
                                }
                            }
                        }
                        if (bias != NULL) {
                            acc += bias[oc];
                        }
                        acc = lb_multiply_by_quantized_multiplier(acc, q->multipliers[oc], q->shifts[oc]);
                        acc += q->output_zero_point;
                        out[oc] = (int8_t) clamp(acc, q->act_min, q->act_max);
                    }
                }
                out += w->out_d;
            }
        }
    }
}

void lb_depthwise_conv2d_s8(const lb_window *w, const lb_requant *q, int32_t depth_multiplier,
                            const int8_t *input, const int8_t *filter, const int32_t *bias, int8_t *output)
{
    int32_t b, oy, ox, ic, m, fy, fx;
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        for (oy = 0; oy < w->out_h; oy++) {
            const int32_t in_y0 = oy * w->stride_h - w->pad_top;
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
                for (ic = 0; ic < w->in_d; ic++) {
                    for (m = 0; m < depth_multiplier; m++) {
                        const int32_t oc = ic * depth_multiplier + m;
                        int32_t acc = 0;
                        for (fy = 0; fy < w->filter_h; fy++) {
                            const int32_t y = in_y0 + fy * w->dilation_h;
                            if (y < 0 || y >= w->in_h) {
                                continue;
                            }
                            for (fx = 0; fx < w->filter_w; fx++) {
                                const int32_t x = in_x0 + fx * w->dilation_w;
                                int32_t v;
                                if (x < 0 || x >= w->in_w) {
                                    continue;
                                }
                                v = input[((b * w->in_h + y) * w->in_w + x) * w->in_d + ic] + q->input_offset;
                                acc += filter[(fy * w->filter_w + fx) * w->out_d + oc] * v;
                            }
                        }
                        if (bias != NULL) {
                            acc += bias[oc];
                        }
                        acc = lb_multiply_by_quantized_multiplier(acc, q->multipliers[oc], q->shifts[oc]);
                        acc += q->output_zero_point;
                        out[oc] = (int8_t) clamp(acc, q->act_min, q->act_max);
                    }
                }
                out += w->out_d;
            }
        }
    }
}

void lb_fully_connected_s8(int32_t batches, int32_t accum_depth, int32_t out_depth, const lb_requant *q,
                           int32_t filter_offset, const int8_t *input, const int8_t *filter,
                           const int32_t *bias, int8_t *output)
{
    int32_t b, oc, d;
    for (b = 0; b < batches; b++) {
        const int8_t *in = input + b * accum_depth;
        for (oc = 0; oc < out_depth; oc++) {
            const int8_t *f = filter + oc * accum_depth;
            int32_t acc = 0;
            for (d = 0; d < accum_depth; d++) {
                acc += (f[d] + filter_offset) * (in[d] + q->input_offset);
            }
            if (bias != NULL) {
                acc += bias[oc];
            }
            acc = lb_multiply_by_quantized_multiplier(acc, q->multipliers[oc], q->shifts[oc]);
            acc += q->output_zero_point;
            output[b * out_depth + oc] = (int8_t) clamp(acc, q->act_min, q->act_max);
        }
    }
}

static int32_t max32(int32_t a, int32_t b)
{
    return a > b ? a : b;
}

static int32_t min32(int32_t a, int32_t b)
{
    return a < b ? a : b;
}

void lb_max_pool_s8(const lb_window *w, int32_t act_min, int32_t act_max, const int8_t *input, int8_t *output)
{
    int32_t b, oy, ox, fy, fx, c;
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        for (oy = 0; oy < w->out_h; oy++) {
            const int32_t in_y0 = oy * w->stride_h - w->pad_top;
            const int32_t fy_start = max32(0, -in_y0);
            const int32_t fy_end = min32(w->filter_h, w->in_h - in_y0);
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
                const int32_t fx_start = max32(0, -in_x0);
                const int32_t fx_end = min32(w->filter_w, w->in_w - in_x0);
                for (c = 0; c < w->in_d; c++) {
                    int32_t m = INT8_MIN;
                    for (fy = fy_start; fy < fy_end; fy++) {
                        for (fx = fx_start; fx < fx_end; fx++) {
                            m = max32(m, input[((b * w->in_h + in_y0 + fy) * w->in_w + in_x0 + fx) * w->in_d + c]);
                        }
                    }
                    out[c] = (int8_t) clamp(m, act_min, act_max);
                }
                out += w->in_d;
            }
        }
    }
}

void lb_average_pool_s8(const lb_window *w, int32_t act_min, int32_t act_max, const int8_t *input,
                        int8_t *output)
{
    int32_t b, oy, ox, fy, fx, c;
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        for (oy = 0; oy < w->out_h; oy++) {
            const int32_t in_y0 = oy * w->stride_h - w->pad_top;
            const int32_t fy_start = max32(0, -in_y0);
            const int32_t fy_end = min32(w->filter_h, w->in_h - in_y0);
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
                const int32_t fx_start = max32(0, -in_x0);
                const int32_t fx_end = min32(w->filter_w, w->in_w - in_x0);
                const int32_t count = max32(0, fy_end - fy_start) * max32(0, fx_end - fx_start);
                const int32_t half = count / 2;
                for (c = 0; c < w->in_d; c++) {
                    int32_t sum = 0;
                    int32_t v;
                    for (fy = fy_start; fy < fy_end; fy++) {
                        for (fx = fx_start; fx < fx_end; fx++) {
                            sum += input[((b * w->in_h + in_y0 + fy) * w->in_w + in_x0 + fx) * w->in_d + c];
                        }
                    }
                    /* Rounded to nearest, ties away from zero, as the reference's integer division does. */
                    v = count == 0 ? 0 : (sum > 0 ? (sum + half) / count : (sum - half) / count);
                    out[c] = (int8_t) clamp(v, act_min, act_max);
                }
                out += w->in_d;
            }
        }
    }
}

/* TFLM's int8 softmax: gemmlowp exp in Q5.26, sums in Q12.19, one reciprocal per row. */
void lb_softmax_s8(int32_t rows, int32_t depth, int32_t multiplier, int32_t left_shift, int32_t diff_min,
                   const int8_t *input, int8_t *output)
{
    int32_t r, c;
    for (r = 0; r < rows; r++) {
        const int8_t *in = input + r * depth;
        int8_t *out = output + r * depth;
        int32_t max = INT8_MIN;
        int32_t sum_of_exps = 0;
        int32_t headroom_plus_one, num_bits_over_unit, shifted_sum_minus_one, shifted_scale, exponent;
        for (c = 0; c < depth; c++) {
            max = max32(max, in[c]);
        }
        for (c = 0; c < depth; c++) {
            int32_t diff = in[c] - max;
            if (diff >= diff_min) {
                int32_t rescaled = srdhm(wrap_shl(diff, left_shift), multiplier);
                sum_of_exps = wrap_add(sum_of_exps, rescale(exp_on_negative_values(rescaled, 5), 0, 12));
            }
        }
        headroom_plus_one = count_leading_zeros((uint32_t) sum_of_exps);
        num_bits_over_unit = 12 - headroom_plus_one;
        shifted_sum_minus_one = (int32_t) (((uint32_t) sum_of_exps << headroom_plus_one) + 0x80000000u);
        shifted_scale = one_over_one_plus_x_for_x_in_01(shifted_sum_minus_one);
        exponent = num_bits_over_unit + 31 - 8;
        for (c = 0; c < depth; c++) {
            int32_t diff = in[c] - max;
            int32_t y = INT8_MIN;
            if (diff >= diff_min) {
                int32_t rescaled = srdhm(wrap_shl(diff, left_shift), multiplier);
                int32_t unsaturated = rounding_divide_by_pot(srdhm(shifted_scale, exp_on_negative_values(rescaled, 5)),
                                                             exponent);
                y = clamp(unsaturated + INT8_MIN, INT8_MIN, INT8_MAX);
            }
            out[c] = (int8_t) y;
        }
    }
}

/* Scales an operand already shifted left by 20 bits; the multiplier is below one (shift <= 0). */
static int32_t multiply_smaller_than_one(int32_t x, int32_t multiplier, int32_t shift)
{
    return rounding_divide_by_pot(srdhm(x, multiplier), -shift);
}

void lb_add_s8(int32_t count, const lb_add_params *p, int32_t subtract, const int8_t *a, const int32_t *a_index,
               const int8_t *b, const int32_t *b_index, int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int32_t x = a[a_index != NULL ? a_index[i] : i] + p->a_offset;
        int32_t y = b[b_index != NULL ? b_index[i] : i] + p->b_offset;
        int32_t scaled_x = multiply_smaller_than_one(wrap_shl(x, 20), p->a_multiplier, p->a_shift);
        int32_t scaled_y = multiply_smaller_than_one(wrap_shl(y, 20), p->b_multiplier, p->b_shift);
        int32_t raw = subtract ? wrap_add(scaled_x, -scaled_y) : wrap_add(scaled_x, scaled_y);
        int32_t result = wrap_add(multiply_smaller_than_one(raw, p->output_multiplier, p->output_shift),
                                  p->output_zero_point);
        output[i] = (int8_t) clamp(result, p->act_min, p->act_max);
    }
}

void lb_mul_s8(int32_t count, int32_t a_offset, int32_t b_offset, int32_t multiplier, int32_t shift,
               int32_t output_zero_point, int32_t act_min, int32_t act_max, const int8_t *a, const int32_t *a_index,
               const int8_t *b, const int32_t *b_index, int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int32_t x = a[a_index != NULL ? a_index[i] : i] + a_offset;
        int32_t y = b[b_index != NULL ? b_index[i] : i] + b_offset;
        int32_t v = wrap_add(output_zero_point, lb_multiply_by_quantized_multiplier(x * y, multiplier, shift));
        output[i] = (int8_t) clamp(v, act_min, act_max);
    }
}

/* TFLM's int8 TANH: the input rescaled to Q4.27, gemmlowp's tanh, then 2^-7 output units. */
void lb_tanh_s8(int32_t count, int32_t input_zero_point, int32_t multiplier, int32_t left_shift,
                int32_t range_radius, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int32_t x = input[i] - input_zero_point;
        int32_t y;
        if (x <= -range_radius) {
            y = -128;
        } else if (x >= range_radius) {
            y = 127;
        } else {
            int32_t q4 = lb_multiply_by_quantized_multiplier(x, multiplier, left_shift);
            y = clamp(rounding_divide_by_pot(fixed_point_tanh(q4, 4), 31 - 7), -128, 127);
        }
        output[i] = (int8_t) y;
    }
}

/* TFLM's int8 LOGISTIC: Q4.27 input, gemmlowp's logistic, then 2^-8 units and zero point -128. */
void lb_logistic_s8(int32_t count, int32_t input_zero_point, int32_t multiplier, int32_t left_shift,
                    int32_t range_radius, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int32_t x = input[i] - input_zero_point;
        int32_t y;
        if (x <= -range_radius) {
            y = -128;
        } else if (x >= range_radius) {
            y = 127;
        } else {
            int32_t q4 = lb_multiply_by_quantized_multiplier(x, multiplier, left_shift);
            int32_t q23 = rounding_divide_by_pot(fixed_point_logistic(q4, 4), 31 - 8);
            y = clamp(q23 - 128, -128, 127);
        }
        output[i] = (int8_t) y;
    }
}

void lb_requantize_s8(int32_t count, int32_t input_offset, int32_t multiplier, int32_t shift,
                      int32_t output_zero_point, int32_t act_min, int32_t act_max, const int8_t *input,
                      int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int32_t q = wrap_add(lb_multiply_by_quantized_multiplier(input[i] + input_offset, multiplier, shift),
                             output_zero_point);
        output[i] = (int8_t) clamp(q, act_min, act_max);
    }
}

void lb_leaky_relu_s8(int32_t count, int32_t input_zero_point, int32_t identity_multiplier, int32_t identity_shift,
                      int32_t alpha_multiplier, int32_t alpha_shift, int32_t output_zero_point, const int8_t *input,
                      int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int32_t x = input[i] - input_zero_point;
        int32_t scaled = x >= 0 ? lb_multiply_by_quantized_multiplier(x, identity_multiplier, identity_shift)
                                : lb_multiply_by_quantized_multiplier(x, alpha_multiplier, alpha_shift);
        output[i] = (int8_t) clamp(output_zero_point + scaled, -128, 127);
    }
}

void lb_transpose_s8(int32_t rank, const int32_t *out_dims, const int32_t *in_strides, const int8_t *input,
                     int8_t *output)
{
    int32_t index[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int32_t count = 1;
    int32_t src = 0;
    int32_t o, d;
    for (d = 0; d < rank; d++) {
        count *= out_dims[d];
    }
    for (o = 0; o < count; o++) {
        output[o] = input[src];
        /* An odometer over the output's indices; a wrapped axis gives back what it advanced. */
        for (d = rank - 1; d >= 0; d--) {
            index[d]++;
            src += in_strides[d];
            if (index[d] < out_dims[d]) {
                break;
            }
            src -= in_strides[d] * out_dims[d];
            index[d] = 0;
        }
    }
}

void lb_relu6_s8(int32_t count, int8_t zero, int8_t six, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        int8_t v = input[i];
        output[i] = v > six ? six : (v < zero ? zero : v);
    }
}

void lb_mean_s8(const int32_t in_dims[5], const int32_t out_strides[5], int32_t outputs, int32_t n,
                int32_t input_zero_point, int32_t multiplier, int32_t shift, int32_t output_zero_point,
                const int8_t *input, int32_t *sums, int8_t *output)
{
    int32_t i0, i1, i2, i3, i4, o;
    for (o = 0; o < outputs; o++) {
        sums[o] = 0;
    }
    for (i0 = 0; i0 < in_dims[0]; i0++) {
        for (i1 = 0; i1 < in_dims[1]; i1++) {
            for (i2 = 0; i2 < in_dims[2]; i2++) {
                for (i3 = 0; i3 < in_dims[3]; i3++) {
                    for (i4 = 0; i4 < in_dims[4]; i4++) {
                        o = i0 * out_strides[0] + i1 * out_strides[1] + i2 * out_strides[2]
                            + i3 * out_strides[3] + i4 * out_strides[4];
                        sums[o] = wrap_add(sums[o], *input++);
                    }
                }
            }
        }
    }
    for (o = 0; o < outputs; o++) {
        int32_t v = 0;
        if (n > 0) {
            /* (int32_t) (sum - zero_point * n): int64 in the reference, narrowed by wrapping. */
            int32_t shifted = (int32_t) ((uint32_t) sums[o] - (uint32_t) input_zero_point * (uint32_t) n);
            v = clamp(wrap_add(lb_multiply_by_quantized_multiplier(shifted, multiplier, shift), output_zero_point),
                      -128, 127);
        }
        output[o] = (int8_t) v;
    }
}

void lb_pad_s8(const lb_pad_shape *s, int8_t pad_value, const int8_t *input, int8_t *output)
{
    const int32_t *od = s->out_dims;
    int32_t out_bytes = od[0] * od[1] * od[2] * od[3] * od[4];
    int32_t row = s->in_dims[4];
    int32_t i0, i1, i2, i3;
    memset(output, pad_value, (size_t) out_bytes);
    for (i0 = 0; i0 < s->in_dims[0]; i0++) {
        for (i1 = 0; i1 < s->in_dims[1]; i1++) {
            for (i2 = 0; i2 < s->in_dims[2]; i2++) {
                for (i3 = 0; i3 < s->in_dims[3]; i3++) {
                    int32_t dst = (((i0 + s->before[0]) * od[1] + (i1 + s->before[1])) * od[2]
                                   + (i2 + s->before[2])) * od[3] + (i3 + s->before[3]);
                    memcpy(output + dst * od[4] + s->before[4], input, (size_t) row);
                    input += row;
                }
            }
        }
    }
}

/* (int32_t) roundf(x) with Java's saturating cast (NaN to 0); half away from zero, + 0.5 exact in double. */
static int32_t round_to_int32(float x)
{
    double magnitude = (x < 0 ? -(double) x : (double) x) + 0.5;
    int64_t r;
    if (x != x) {
        return 0;
    }
    if (magnitude >= 2147483648.0) {
        return x < 0 ? INT32_MIN : INT32_MAX;
    }
    r = (int64_t) magnitude; /* truncation is floor for a non-negative value */
    return (int32_t) (x < 0 ? -r : r);
}

void lb_quantize_f32_s8(int32_t count, float scale, int32_t zero_point, const void *input, int8_t *output)
{
    const unsigned char *in = (const unsigned char *) input;
    int32_t i;
    for (i = 0; i < count; i++) {
        float x;
        float q;
        memcpy(&x, in + 4 * i, sizeof x);
        q = x / scale; /* float division, as the reference */
        output[i] = (int8_t) clamp(wrap_add(round_to_int32(q), zero_point), -128, 127);
    }
}

void lb_dequantize_s8_f32(int32_t count, float scale, int32_t zero_point, const int8_t *input, void *output)
{
    unsigned char *out = (unsigned char *) output;
    int32_t i;
    for (i = 0; i < count; i++) {
        /* The scale widened to double, the product rounded to float once. */
        float y = (float) ((double) scale * (double) (input[i] - zero_point));
        memcpy(out + 4 * i, &y, sizeof y);
    }
}

/* ---- Optimised paths: folded offsets, packed 16-bit multiply-accumulate ------------------------------------
 *
 * Integer accumulation is exact, so any order of the same products gives the reference's sum, and the same
 * requantization gives the same bytes. Three things make these paths fast:
 *  - The generator folds the input offset into the bias: sum_k w[k] * (x[k] + offset) equals
 *    sum_k w[k] * x[k] + offset * sum_k w[k], and the second term is a constant per output channel. What is
 *    left is a plain int8 dot product; an im2col column pads with the input zero point (x + offset = 0).
 *  - On cores with the DSP extension (Cortex-M4/M7/M33/M55), SXTB16 sign-extends bytes 0 and 2 (or, after a
 *    rotation by 8, bytes 1 and 3) of a word into two 16-bit lanes and SMLAD multiplies two lane pairs and adds
 *    both products to an accumulator: four int8 multiply-accumulates in two SMLADs. Weights and inputs go
 *    through the same byte split, so the lanes pair the right operands whatever the order.
 *  - Requantization is a multiply and a shift (see srdhm), not a 64-bit division.
 * Elsewhere the same loops run on portable C; LB_EMULATE_DSP runs the packed loops on emulated instructions
 * (a host test of their logic under the sanitizers).
 */
#if defined(LB_EMULATE_DSP) || (defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32))
#define LB_PACKED 1
#else
#define LB_PACKED 0
#endif

#if LB_PACKED && !defined(LB_EMULATE_DSP)
#include <arm_acle.h>
#define lb_sxtb16(x) __sxtb16(x)
#define lb_sxtab16(a, x) __sxtab16((a), (x))
#define lb_smlad(a, b, acc) __smlad((a), (b), (acc))
#define lb_smlabb(a, b, acc) __smlabb((a), (b), (acc))
#define lb_smlatt(a, b, acc) __smlatt((a), (b), (acc))
#if defined(__GNUC__)
/* Bytes 1 and 3: SXTB16 rotates its operand itself, which the intrinsic of ACLE (and gcc) does not expose. */
static inline int32_t lb_sxtb16_odd(int32_t x)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}

static inline int32_t lb_sxtab16_odd(int32_t a, int32_t x)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
    return r;
}
#else
#define lb_sxtb16_odd(x) __sxtb16(__ror((uint32_t) (x), 8))
#define lb_sxtab16_odd(a, x) __sxtab16((a), __ror((uint32_t) (x), 8))
#endif
#elif LB_PACKED
static int32_t lane(int32_t packed, int32_t index)
{
    return (int16_t) (((uint32_t) packed >> (16 * index)) & 0xFFFFu);
}

static int32_t pack(int32_t low, int32_t high)
{
    return (int32_t) (((uint32_t) low & 0xFFFFu) | ((uint32_t) high << 16));
}

static int32_t lb_sxtb16(int32_t x)
{
    return pack((int8_t) ((uint32_t) x & 0xFFu), (int8_t) (((uint32_t) x >> 16) & 0xFFu));
}

static int32_t lb_sxtab16(int32_t a, int32_t x)
{
    int32_t b = lb_sxtb16(x);
    return pack(lane(a, 0) + lane(b, 0), lane(a, 1) + lane(b, 1));
}

static int32_t lb_smlad(int32_t a, int32_t b, int32_t acc)
{
    return wrap_add(wrap_add(acc, lane(a, 0) * lane(b, 0)), lane(a, 1) * lane(b, 1));
}

static int32_t lb_smlabb(int32_t a, int32_t b, int32_t acc)
{
    return wrap_add(acc, lane(a, 0) * lane(b, 0));
}

static int32_t lb_smlatt(int32_t a, int32_t b, int32_t acc)
{
    return wrap_add(acc, lane(a, 1) * lane(b, 1));
}

static int32_t ror8(int32_t x)
{
    return (int32_t) (((uint32_t) x >> 8) | ((uint32_t) x << 24));
}

static int32_t lb_sxtb16_odd(int32_t x)
{
    return lb_sxtb16(ror8(x));
}

static int32_t lb_sxtab16_odd(int32_t a, int32_t x)
{
    return lb_sxtab16(a, ror8(x));
}
#endif

#if LB_PACKED
/* Four bytes as a word; unaligned loads are single instructions on ARMv7-M, memcpy says so portably. */
static int32_t load4(const int8_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
#endif

/*
 * The optimised kernels' requantization. The generator picks those kernels only where every channel's multiplier
 * is below one half (shift <= -1, a right shift n >= 1; a zero multiplier gets shift -1, any shift gives 0) and
 * every accumulator lies strictly inside +-2^30. Then MultiplyByQuantizedMultiplier(acc) is exactly
 *     (smmulr(2 acc, m) + 2^(n-1) + (acc < 0 ? -1 : 0)) >> n,    smmulr(a, b) = floor((a b + 2^31) / 2^32):
 *  - srdhm(acc, m) = floor((acc m + 2^30) / 2^31) = smmulr(2 acc, m) (2 acc does not overflow, no saturation);
 *  - rounding_divide_by_pot(h, n), half away from zero, is floor((h + 2^(n-1) - [h < 0]) / 2^n);
 *  - [h < 0] may be replaced by [acc < 0]: m is 0 or at least 2^30, so they differ only where h = 0 and acc < 0,
 *    and there (2^(n-1) - 1) >> n = 0 = 2^(n-1) >> n.
 * The sum stays inside int32 (|h| < 2^30, 2^(n-1) <= 2^30). With the DSP extension: LSL, ADD, SMMLAR, ASR.
 */
typedef struct {
    int32_t multiplier, right_shift, rounding;
} channel_scale;

#if defined(__GNUC__)
#define LB_INLINE __attribute__((always_inline)) static inline
#else
#define LB_INLINE static inline
#endif

#if LB_PACKED && !defined(LB_EMULATE_DSP) && defined(__GNUC__)
/* acc + floor((a b + 2^31) / 2^32); ACLE has no intrinsic for SMMLAR. */
LB_INLINE int32_t lb_smmlar(int32_t a, int32_t b, int32_t acc)
{
    int32_t r;
    __asm__("smmlar %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}
#else
LB_INLINE int32_t lb_smmlar(int32_t a, int32_t b, int32_t acc)
{
    return acc + (int32_t) (((int64_t) a * (int64_t) b + ((int64_t) 1 << 31)) >> 32);
}
#endif

LB_INLINE channel_scale channel_scale_of(const lb_requant *q, int32_t channel)
{
    channel_scale s;
    s.multiplier = q->multipliers[channel];
    s.right_shift = -q->shifts[channel];
    s.rounding = (int32_t) 1 << (s.right_shift - 1);
    return s;
}

/*
 * wide (a constant of each instantiation): accumulators anywhere in int32, as where a bias sits at +-2^30 (dead
 * channels); srdhm then takes the 64-bit product and the rounding a 64-bit sum, the same arithmetic otherwise.
 */
LB_INLINE int8_t requantize_to_s8(int32_t acc, channel_scale s, const lb_requant *q, int32_t wide)
{
    int32_t v;
    if (wide) {
        const int64_t high = ((int64_t) acc * (int64_t) s.multiplier + ((int64_t) 1 << 30)) >> 31;
        v = (int32_t) ((high + s.rounding + (acc >> 31)) >> s.right_shift);
    } else {
        v = lb_smmlar(acc * 2, s.multiplier, s.rounding + (acc >> 31)) >> s.right_shift;
    }
    return (int8_t) clamp(v + q->output_zero_point, q->act_min, q->act_max);
}

/* Elements lo and hi as the low and high 16-bit lanes of a word. */
static inline int32_t pack16(int32_t lo, int32_t hi)
{
    return (int32_t) (((uint32_t) lo & 0xFFFFu) | ((uint32_t) hi << 16));
}

/*
 * The generator's filter layout for these kernels: output channels in pairs (an odd last channel with a zero
 * one), the depth padded with zeros to a multiple of 4, and each block of 4 depths of a pair as two words,
 * [c k, c+1 k, c k+2, c+1 k+2] and [c k+1, c+1 k+1, c k+3, c+1 k+3]. SXTB16 of the first word gives channel c's
 * weights of depths k and k+2, SXTB16 ROR 8 channel c+1's; the second word the same for k+1 and k+3. Those are
 * exactly the lanes SXTB16 and SXTB16 ROR 8 make of the input word of depths k..k+3, so an input word
 * sign-extended once (widen_row, or in registers for a single row) feeds both channels of every pair.
 */
#if LB_PACKED
/* x in the lanes of the filter layout, zero-padded to padded elements: two words per 4 depths, at dst[i * stride]. */
static void widen_row(const int8_t *x, int32_t depth, int32_t padded, int32_t *dst, int32_t stride)
{
    int32_t k = 0;
    for (; k + 4 <= depth; k += 4) {
        int32_t v = load4(x + k);
        dst[0] = lb_sxtb16(v);
        dst[stride] = lb_sxtb16_odd(v);
        dst += 2 * stride;
    }
    if (k < padded) {
        int32_t v[4] = {0, 0, 0, 0};
        int32_t i;
        for (i = 0; k + i < depth; i++) {
            v[i] = x[k + i];
        }
        dst[0] = pack16(v[0], v[2]);
        dst[stride] = pack16(v[1], v[3]);
    }
}
#endif

/* Byte offset of channel c (0 or 1 within its pair) at depth k in the pair's filter block. */
static inline int32_t pair_offset(int32_t k, int32_t c)
{
    return (k >> 2) * 8 + (k & 1) * 4 + ((k >> 1) & 1) * 2 + c;
}

/* Two rows against every channel pair; wide holds padded words of scratch (the two rows widened, interleaved). */
LB_INLINE void dot_two_rows(const int8_t *x0, const int8_t *x1, int32_t depth, int32_t out_d, const int8_t *pairs,
                            const int32_t *bias, const lb_requant *params, const int32_t *lanes, int8_t *out0,
                            int8_t *out1, int32_t wide)
{
    /* A local copy: the int8 stores below may alias any object, so fields read through a pointer reload. */
    const lb_requant requant = *params;
    const lb_requant *q = &requant;
    const int32_t padded = (depth + 3) & ~3;
    int32_t oc;
#if LB_PACKED
    (void) x0;
    (void) x1;
#else
    (void) lanes;
#endif
    for (oc = 0; oc < out_d; oc += 2) {
        const int8_t *w = pairs + oc * padded;
        const int32_t has_second = oc + 1 < out_d;
        int32_t s00 = bias[oc];
        int32_t s01 = has_second ? bias[oc + 1] : 0;
        int32_t s10 = s00;
        int32_t s11 = s01;
        int32_t k;
        channel_scale scale;
#if LB_PACKED
        const int32_t *x = lanes;
        for (k = 0; k < padded; k += 4) {
            int32_t w02 = load4(w);
            int32_t w13 = load4(w + 4);
            int32_t first = lb_sxtb16(w02);
            int32_t second = lb_sxtb16_odd(w02);
            s00 = lb_smlad(x[0], first, s00);
            s01 = lb_smlad(x[0], second, s01);
            s10 = lb_smlad(x[1], first, s10);
            s11 = lb_smlad(x[1], second, s11);
            first = lb_sxtb16(w13);
            second = lb_sxtb16_odd(w13);
            s00 = lb_smlad(x[2], first, s00);
            s01 = lb_smlad(x[2], second, s01);
            s10 = lb_smlad(x[3], first, s10);
            s11 = lb_smlad(x[3], second, s11);
            w += 8;
            x += 4;
        }
#else
        for (k = 0; k < depth; k++) {
            s00 += x0[k] * w[pair_offset(k, 0)];
            s01 += x0[k] * w[pair_offset(k, 1)];
            s10 += x1[k] * w[pair_offset(k, 0)];
            s11 += x1[k] * w[pair_offset(k, 1)];
        }
#endif
        scale = channel_scale_of(q, oc);
        out0[oc] = requantize_to_s8(s00, scale, q, wide);
        out1[oc] = requantize_to_s8(s10, scale, q, wide);
        if (has_second) {
            scale = channel_scale_of(q, oc + 1);
            out0[oc + 1] = requantize_to_s8(s01, scale, q, wide);
            out1[oc + 1] = requantize_to_s8(s11, scale, q, wide);
        }
    }
}

/*
 * Three rows against every channel pair (pointwise convolutions, batched FULLY_CONNECTED): each weight word feeds
 * six accumulators, which with the weights, the inputs and three pointers is all the registers an Armv7-M core
 * has; lanes: 3 * padded / 2 words of scratch.
 */
LB_INLINE void dot_three_rows(const int8_t *x0, int32_t depth, int32_t out_d, const int8_t *pairs,
                              const int32_t *bias, const lb_requant *params, int32_t *lanes, int8_t *out0,
                              int32_t wide)
{
    const lb_requant requant = *params;
    const lb_requant *q = &requant;
    const int32_t padded = (depth + 3) & ~3;
    int8_t *out1 = out0 + out_d;
    int8_t *out2 = out1 + out_d;
    int32_t oc;
#if LB_PACKED
    widen_row(x0, depth, padded, lanes, 3);
    widen_row(x0 + depth, depth, padded, lanes + 1, 3);
    widen_row(x0 + 2 * depth, depth, padded, lanes + 2, 3);
#else
    (void) lanes;
#endif
    for (oc = 0; oc < out_d; oc += 2) {
        const int8_t *w = pairs + oc * padded;
        const int32_t has_second = oc + 1 < out_d;
        int32_t s00 = bias[oc];
        int32_t s01 = has_second ? bias[oc + 1] : 0;
        int32_t s10 = s00, s20 = s00;
        int32_t s11 = s01, s21 = s01;
        channel_scale scale;
#if LB_PACKED
        const int32_t *x = lanes;
        const int32_t *end = lanes + 3 * (padded / 2);
        while (x != end) {
            int32_t w02 = load4(w);
            int32_t first = lb_sxtb16(w02);
            int32_t second = lb_sxtb16_odd(w02);
            s00 = lb_smlad(x[0], first, s00);
            s01 = lb_smlad(x[0], second, s01);
            s10 = lb_smlad(x[1], first, s10);
            s11 = lb_smlad(x[1], second, s11);
            s20 = lb_smlad(x[2], first, s20);
            s21 = lb_smlad(x[2], second, s21);
            w02 = load4(w + 4);
            first = lb_sxtb16(w02);
            second = lb_sxtb16_odd(w02);
            s00 = lb_smlad(x[3], first, s00);
            s01 = lb_smlad(x[3], second, s01);
            s10 = lb_smlad(x[4], first, s10);
            s11 = lb_smlad(x[4], second, s11);
            s20 = lb_smlad(x[5], first, s20);
            s21 = lb_smlad(x[5], second, s21);
            w += 8;
            x += 6;
        }
#else
        int32_t k;
        for (k = 0; k < depth; k++) {
            const int32_t a = w[pair_offset(k, 0)];
            const int32_t b = w[pair_offset(k, 1)];
            s00 += x0[k] * a;
            s01 += x0[k] * b;
            s10 += x0[depth + k] * a;
            s11 += x0[depth + k] * b;
            s20 += x0[2 * depth + k] * a;
            s21 += x0[2 * depth + k] * b;
        }
#endif
        scale = channel_scale_of(q, oc);
        out0[oc] = requantize_to_s8(s00, scale, q, wide);
        out1[oc] = requantize_to_s8(s10, scale, q, wide);
        out2[oc] = requantize_to_s8(s20, scale, q, wide);
        if (has_second) {
            scale = channel_scale_of(q, oc + 1);
            out0[oc + 1] = requantize_to_s8(s01, scale, q, wide);
            out1[oc + 1] = requantize_to_s8(s11, scale, q, wide);
            out2[oc + 1] = requantize_to_s8(s21, scale, q, wide);
        }
    }
}

/*
 * One row (a batch-1 FULLY_CONNECTED, a last pixel) against two channel pairs at a time: no scratch; each input
 * word is sign-extended in registers once for four channels.
 */
LB_INLINE void dot_one_row(const int8_t *x0, int32_t depth, int32_t out_d, const int8_t *pairs,
                           const int32_t *bias, const lb_requant *params, int8_t *out0, int32_t wide)
{
    const lb_requant requant = *params;
    const lb_requant *q = &requant;
    const int32_t padded = (depth + 3) & ~3;
    int32_t oc;
    for (oc = 0; oc < out_d; oc += 4) {
        const int8_t *w = pairs + oc * padded;
        /* The second pair's block; read only where it exists. */
        const int8_t *v = w + 2 * padded;
        const int32_t channels = out_d - oc < 4 ? out_d - oc : 4;
        int32_t s0 = bias[oc];
        int32_t s1 = channels > 1 ? bias[oc + 1] : 0;
        int32_t s2 = channels > 2 ? bias[oc + 2] : 0;
        int32_t s3 = channels > 3 ? bias[oc + 3] : 0;
        int32_t k = 0;
#if LB_PACKED
        if (channels > 2) {
            for (; k + 4 <= depth; k += 4) {
                int32_t x = load4(x0 + k);
                int32_t even = lb_sxtb16(x);
                int32_t odd = lb_sxtb16_odd(x);
                int32_t w02 = load4(w + 2 * k);
                int32_t w13 = load4(w + 2 * k + 4);
                int32_t v02 = load4(v + 2 * k);
                int32_t v13 = load4(v + 2 * k + 4);
                s0 = lb_smlad(even, lb_sxtb16(w02), s0);
                s1 = lb_smlad(even, lb_sxtb16_odd(w02), s1);
                s2 = lb_smlad(even, lb_sxtb16(v02), s2);
                s3 = lb_smlad(even, lb_sxtb16_odd(v02), s3);
                s0 = lb_smlad(odd, lb_sxtb16(w13), s0);
                s1 = lb_smlad(odd, lb_sxtb16_odd(w13), s1);
                s2 = lb_smlad(odd, lb_sxtb16(v13), s2);
                s3 = lb_smlad(odd, lb_sxtb16_odd(v13), s3);
            }
        } else {
            for (; k + 4 <= depth; k += 4) {
                int32_t x = load4(x0 + k);
                int32_t even = lb_sxtb16(x);
                int32_t odd = lb_sxtb16_odd(x);
                int32_t w02 = load4(w + 2 * k);
                int32_t w13 = load4(w + 2 * k + 4);
                s0 = lb_smlad(even, lb_sxtb16(w02), s0);
                s1 = lb_smlad(even, lb_sxtb16_odd(w02), s1);
                s0 = lb_smlad(odd, lb_sxtb16(w13), s0);
                s1 = lb_smlad(odd, lb_sxtb16_odd(w13), s1);
            }
        }
#endif
        /* The depth tail (everything on portable builds). */
        for (; k < depth; k++) {
            const int32_t x = x0[k];
            s0 += x * w[pair_offset(k, 0)];
            s1 += x * w[pair_offset(k, 1)];
            if (channels > 2) {
                s2 += x * v[pair_offset(k, 0)];
                s3 += x * v[pair_offset(k, 1)];
            }
        }
        out0[oc] = requantize_to_s8(s0, channel_scale_of(q, oc), q, wide);
        if (channels > 1) {
            out0[oc + 1] = requantize_to_s8(s1, channel_scale_of(q, oc + 1), q, wide);
        }
        if (channels > 2) {
            out0[oc + 2] = requantize_to_s8(s2, channel_scale_of(q, oc + 2), q, wide);
        }
        if (channels > 3) {
            out0[oc + 3] = requantize_to_s8(s3, channel_scale_of(q, oc + 3), q, wide);
        }
    }
}

/* One copy of each loop per requantization, so a program links only the ones its layers use. */
static void dot_two_rows_fast(const int8_t *x0, const int8_t *x1, int32_t depth, int32_t out_d, const int8_t *pairs,
                              const int32_t *bias, const lb_requant *q, const int32_t *lanes, int8_t *out0,
                              int8_t *out1)
{
    dot_two_rows(x0, x1, depth, out_d, pairs, bias, q, lanes, out0, out1, 0);
}

static void dot_two_rows_wide(const int8_t *x0, const int8_t *x1, int32_t depth, int32_t out_d, const int8_t *pairs,
                              const int32_t *bias, const lb_requant *q, const int32_t *lanes, int8_t *out0,
                              int8_t *out1)
{
    dot_two_rows(x0, x1, depth, out_d, pairs, bias, q, lanes, out0, out1, 1);
}

static void dot_one_row_fast(const int8_t *x0, int32_t depth, int32_t out_d, const int8_t *pairs,
                             const int32_t *bias, const lb_requant *q, int8_t *out0)
{
    dot_one_row(x0, depth, out_d, pairs, bias, q, out0, 0);
}

static void dot_one_row_wide(const int8_t *x0, int32_t depth, int32_t out_d, const int8_t *pairs,
                             const int32_t *bias, const lb_requant *q, int8_t *out0)
{
    dot_one_row(x0, depth, out_d, pairs, bias, q, out0, 1);
}

LB_INLINE void matmul(int32_t rows, int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                      const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output,
                      int32_t wide)
{
    int32_t r = 0;
    for (; r + 3 <= rows; r += 3) {
        dot_three_rows(input + r * depth, depth, out_d, filter_pairs, folded_bias, q, scratch, output + r * out_d,
                       wide);
    }
    for (; r < rows; r++) {
        (wide ? dot_one_row_wide : dot_one_row_fast)(input + r * depth, depth, out_d, filter_pairs, folded_bias, q,
                                                     output + r * out_d);
    }
}

void lb_matmul_s8(int32_t rows, int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                  const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output)
{
    matmul(rows, depth, out_d, q, input, filter_pairs, folded_bias, scratch, output, 0);
}

void lb_matmul_wide_s8(int32_t rows, int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                       const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output)
{
    matmul(rows, depth, out_d, q, input, filter_pairs, folded_bias, scratch, output, 1);
}

/*
 * The live block a chunk of rows at a time: gather the live depths of each row, multiply, then write each row as
 * the dead channels' constants with the live results over them. A chunk's input rows are all read before any of
 * its output rows is written, so an output placed over the input (the in-place rule of a pointwise convolution)
 * stays safe.
 */
LB_INLINE void matmul_live(const lb_live *l, int32_t rows, const lb_requant *q, const int8_t *input,
                           const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output,
                           int32_t wide)
{
    const int32_t kernel_words = 3 * ((l->live_in + 3) & ~3) / 2;
    int8_t *gathered = (int8_t *) (scratch + kernel_words);
    int8_t *computed = gathered + LB_LIVE_CHUNK_ROWS * l->live_in;
    int32_t first, r, j;
    for (first = 0; first < rows; first += LB_LIVE_CHUNK_ROWS) {
        const int32_t n = min32(LB_LIVE_CHUNK_ROWS, rows - first);
        for (r = 0; r < n; r++) {
            const int8_t *row = input + (first + r) * l->depth;
            int8_t *dst = gathered + r * l->live_in;
            for (j = 0; j < l->live_in; j++) {
                dst[j] = row[l->in_index[j]];
            }
        }
        if (l->live_out > 0) {
            matmul(n, l->live_in, l->live_out, q, gathered, filter_pairs, folded_bias, scratch, computed, wide);
        }
        for (r = 0; r < n; r++) {
            int8_t *row = output + (first + r) * l->out_d;
            const int8_t *src = computed + r * l->live_out;
            memcpy(row, l->dead_row, (size_t) l->out_d);
            for (j = 0; j < l->live_out; j++) {
                row[l->out_index[j]] = src[j];
            }
        }
    }
}

void lb_matmul_live_s8(const lb_live *live, int32_t rows, const lb_requant *q, const int8_t *input,
                       const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output)
{
    matmul_live(live, rows, q, input, filter_pairs, folded_bias, scratch, output, 0);
}

void lb_matmul_live_wide_s8(const lb_live *live, int32_t rows, const lb_requant *q, const int8_t *input,
                            const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch,
                            int8_t *output)
{
    matmul_live(live, rows, q, input, filter_pairs, folded_bias, scratch, output, 1);
}

/* The receptive field of one output pixel as a column of filter_h * filter_w * in_d bytes, in filter order. */
static void im2col_column(const lb_window *w, const int8_t *image, int32_t in_y0, int32_t in_x0, int8_t pad,
                          int8_t *column)
{
    const int32_t row_bytes = w->filter_w * w->in_d;
    int32_t fy, fx;
    for (fy = 0; fy < w->filter_h; fy++) {
        const int32_t y = in_y0 + fy * w->dilation_h;
        if (y < 0 || y >= w->in_h) {
            memset(column, pad, (size_t) row_bytes);
        } else if (w->dilation_w == 1) {
            /* Taps [first, last) of this filter row lie inside the image: one copy, padding either side. */
            const int32_t first = min32(w->filter_w, max32(0, -in_x0));
            const int32_t last = max32(first, min32(w->filter_w, w->in_w - in_x0));
            /* Most rows lie wholly inside: no calls for empty padding (a call costs more than a short row). */
            if (first > 0) {
                memset(column, pad, (size_t) (first * w->in_d));
            }
            memcpy(column + first * w->in_d, image + (y * w->in_w + in_x0 + first) * w->in_d,
                   (size_t) ((last - first) * w->in_d));
            if (last < w->filter_w) {
                memset(column + last * w->in_d, pad, (size_t) ((w->filter_w - last) * w->in_d));
            }
        } else {
            for (fx = 0; fx < w->filter_w; fx++) {
                const int32_t x = in_x0 + fx * w->dilation_w;
                if (x < 0 || x >= w->in_w) {
                    memset(column + fx * w->in_d, pad, (size_t) w->in_d);
                } else {
                    memcpy(column + fx * w->in_d, image + (y * w->in_w + x) * w->in_d, (size_t) w->in_d);
                }
            }
        }
        column += row_bytes;
    }
}

#if LB_PACKED
/*
 * The receptive field of one output pixel widened straight into the lanes of the filter layout (every fourth
 * word from dst, see widen_row): for in_d a multiple of 4, each tap is whole blocks of 4 depths.
 */
static void im2col_widened(const lb_window *w, const int8_t *image, int32_t in_y0, int32_t in_x0, int8_t pad,
                           int32_t *dst)
{
    const int32_t pad_lanes = pack16(pad, pad);
    const int32_t blocks = w->in_d / 4;
    int32_t fy, fx, i;
    for (fy = 0; fy < w->filter_h; fy++) {
        const int32_t y = in_y0 + fy * w->dilation_h;
        for (fx = 0; fx < w->filter_w; fx++) {
            const int32_t x = in_x0 + fx * w->dilation_w;
            if (y < 0 || y >= w->in_h || x < 0 || x >= w->in_w) {
                for (i = 0; i < blocks; i++) {
                    dst[0] = pad_lanes;
                    dst[2] = pad_lanes;
                    dst += 4;
                }
            } else {
                const int8_t *src = image + (y * w->in_w + x) * w->in_d;
                for (i = 0; i < blocks; i++) {
                    int32_t v = load4(src);
                    dst[0] = lb_sxtb16(v);
                    dst[2] = lb_sxtb16_odd(v);
                    src += 4;
                    dst += 4;
                }
            }
        }
    }
}
#endif

/*
 * Two output pixels at a time against every channel pair. With the DSP extension and in_d a multiple of 4 the
 * receptive fields are widened straight into scratch (padded words); otherwise they are copied as int8 columns
 * after those words, then widened (portable builds use the columns, from the start of scratch).
 */
LB_INLINE void conv2d_im2col(const lb_window *w, const lb_requant *q, const int8_t *input, const int8_t *filter_pairs,
                             const int32_t *folded_bias, int32_t *scratch, int8_t *output, int32_t wide)
{
    const int32_t depth = w->filter_h * w->filter_w * w->in_d;
    const int32_t padded = (depth + 3) & ~3;
#if LB_PACKED
    int8_t *columns = (int8_t *) (scratch + padded);
#else
    int8_t *columns = (int8_t *) scratch;
    (void) padded;
#endif
    /* Padding taps hold the input zero point, so x + offset is 0 there, as the reference skips them. */
    const int8_t pad = (int8_t) -q->input_offset;
#if LB_PACKED
    const int32_t direct = w->in_d % 4 == 0;
#endif
    int32_t b, oy, ox;
    int32_t pending = 0;
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        const int8_t *image = input + b * w->in_h * w->in_w * w->in_d;
        for (oy = 0; oy < w->out_h; oy++) {
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_y0 = oy * w->stride_h - w->pad_top;
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
#if LB_PACKED
                if (direct) {
                    im2col_widened(w, image, in_y0, in_x0, pad, scratch + pending);
                } else {
                    im2col_column(w, image, in_y0, in_x0, pad, columns + pending * depth);
                    widen_row(columns + pending * depth, depth, padded, scratch + pending, 2);
                }
#else
                im2col_column(w, image, in_y0, in_x0, pad, columns + pending * depth);
#endif
                if (++pending == 2) {
                    /* Consecutive output pixels are consecutive in NHWC, whatever row they are on. */
                    (wide ? dot_two_rows_wide : dot_two_rows_fast)(columns, columns + depth, depth, w->out_d,
                                                                   filter_pairs, folded_bias, q, scratch, out,
                                                                   out + w->out_d);
                    out += 2 * w->out_d;
                    pending = 0;
                }
            }
        }
    }
    if (pending == 1) {
        /* The last pixel as both rows, both writing the same bytes. */
#if LB_PACKED
        int32_t i;
        for (i = 0; i < padded; i += 2) {
            scratch[i + 1] = scratch[i];
        }
#endif
        (wide ? dot_two_rows_wide : dot_two_rows_fast)(columns, columns, depth, w->out_d, filter_pairs, folded_bias,
                                                       q, scratch, out, out);
    }
}

void lb_conv2d_im2col_s8(const lb_window *w, const lb_requant *q, const int8_t *input, const int8_t *filter_pairs,
                         const int32_t *folded_bias, int32_t *scratch, int8_t *output)
{
    conv2d_im2col(w, q, input, filter_pairs, folded_bias, scratch, output, 0);
}

void lb_conv2d_im2col_wide_s8(const lb_window *w, const lb_requant *q, const int8_t *input,
                              const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output)
{
    conv2d_im2col(w, q, input, filter_pairs, folded_bias, scratch, output, 1);
}

/* Depth multiplier 1: each channel its own filter; channels run four at a time, the input offset added in lanes. */
LB_INLINE void depthwise_conv2d_dm1(const lb_window *window, const lb_requant *params, const int8_t *input,
                                    const int8_t *filter, const int32_t *bias, int8_t *output, int32_t wide)
{
    /* Local copies: the int8 stores below may alias any object, so fields read through a pointer reload. */
    const lb_window shape = *window;
    const lb_requant requant = *params;
    const lb_window *w = &shape;
    const lb_requant *q = &requant;
    const int32_t channels = w->in_d;
    int32_t b, oy, ox, c, fy, fx;
#if LB_PACKED
    const int32_t offsets = (int32_t) (((uint32_t) q->input_offset & 0xFFFFu) | ((uint32_t) q->input_offset << 16));
#endif
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        const int8_t *image = input + b * w->in_h * w->in_w * channels;
        for (oy = 0; oy < w->out_h; oy++) {
            const int32_t in_y0 = oy * w->stride_h - w->pad_top;
            /* The filter rows and columns inside the image; the reference skips the others. */
            const int32_t fy_start = in_y0 >= 0 ? 0 : (-in_y0 + w->dilation_h - 1) / w->dilation_h;
            const int32_t fy_end = min32(w->filter_h, max32(0, (w->in_h - in_y0 + w->dilation_h - 1) / w->dilation_h));
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
                const int32_t fx_start = in_x0 >= 0 ? 0 : (-in_x0 + w->dilation_w - 1) / w->dilation_w;
                const int32_t fx_end = min32(w->filter_w,
                                             max32(0, (w->in_w - in_x0 + w->dilation_w - 1) / w->dilation_w));
                c = 0;
#if LB_PACKED
                for (; c + 4 <= channels; c += 4) {
                    int32_t s0 = bias != NULL ? bias[c] : 0;
                    int32_t s1 = bias != NULL ? bias[c + 1] : 0;
                    int32_t s2 = bias != NULL ? bias[c + 2] : 0;
                    int32_t s3 = bias != NULL ? bias[c + 3] : 0;
                    for (fy = fy_start; fy < fy_end; fy++) {
                        const int8_t *src = image + ((in_y0 + fy * w->dilation_h) * w->in_w + in_x0
                                                     + fx_start * w->dilation_w) * channels + c;
                        const int8_t *f = filter + (fy * w->filter_w + fx_start) * channels + c;
                        for (fx = fx_start; fx < fx_end; fx++) {
                            int32_t x = load4(src);
                            int32_t k = load4(f);
                            int32_t x_even = lb_sxtab16(offsets, x);
                            int32_t x_odd = lb_sxtab16_odd(offsets, x);
                            int32_t k_even = lb_sxtb16(k);
                            int32_t k_odd = lb_sxtb16_odd(k);
                            s0 = lb_smlabb(x_even, k_even, s0);
                            s2 = lb_smlatt(x_even, k_even, s2);
                            s1 = lb_smlabb(x_odd, k_odd, s1);
                            s3 = lb_smlatt(x_odd, k_odd, s3);
                            src += w->dilation_w * channels;
                            f += channels;
                        }
                    }
                    out[c] = requantize_to_s8(s0, channel_scale_of(q, c), q, wide);
                    out[c + 1] = requantize_to_s8(s1, channel_scale_of(q, c + 1), q, wide);
                    out[c + 2] = requantize_to_s8(s2, channel_scale_of(q, c + 2), q, wide);
                    out[c + 3] = requantize_to_s8(s3, channel_scale_of(q, c + 3), q, wide);
                }
#endif
                for (; c < channels; c++) {
                    int32_t s = bias != NULL ? bias[c] : 0;
                    for (fy = fy_start; fy < fy_end; fy++) {
                        const int8_t *src = image + ((in_y0 + fy * w->dilation_h) * w->in_w + in_x0
                                                     + fx_start * w->dilation_w) * channels + c;
                        const int8_t *f = filter + (fy * w->filter_w + fx_start) * channels + c;
                        for (fx = fx_start; fx < fx_end; fx++) {
                            s += *f * (*src + q->input_offset);
                            src += w->dilation_w * channels;
                            f += channels;
                        }
                    }
                    out[c] = requantize_to_s8(s, channel_scale_of(q, c), q, wide);
                }
                out += channels;
            }
        }
    }
}

void lb_depthwise_conv2d_dm1_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                                const int8_t *filter, const int32_t *bias, int8_t *output)
{
    depthwise_conv2d_dm1(window, params, input, filter, bias, output, 0);
}

void lb_depthwise_conv2d_dm1_wide_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                                     const int8_t *filter, const int32_t *bias, int8_t *output)
{
    depthwise_conv2d_dm1(window, params, input, filter, bias, output, 1);
}

/*
 * Depthwise 3x3, depth multiplier 1, channels a multiple of 4, no dilation, any stride. The generator stores the
 * filter in groups of four channels, each group's nine taps one word after another ([c / 4][fy * 3 + fx][c % 4]),
 * so a group's taps sit at fixed offsets from one pointer. An output pixel whose window lies wholly inside the
 * image (the interior, almost every pixel of a large layer) runs its nine taps unrolled with no bounds checks;
 * a border pixel skips the taps outside the image, as the reference does (the offset is added per tap, so it is
 * not folded into the bias).
 */
#define LB_DW3X3_GROUP_BYTES 36

#if LB_PACKED
typedef struct {
    int32_t s0, s1, s2, s3;
} lanes4;

/* One tap of four channels: input bytes + offset times the filter bytes, channel c into s0 ... c + 3 into s3. */
LB_INLINE lanes4 dw_tap(lanes4 s, const int8_t *x, const int8_t *k, int32_t offsets)
{
    const int32_t xv = load4(x);
    const int32_t kv = load4(k);
    const int32_t x_even = lb_sxtab16(offsets, xv);
    const int32_t x_odd = lb_sxtab16_odd(offsets, xv);
    const int32_t k_even = lb_sxtb16(kv);
    const int32_t k_odd = lb_sxtb16_odd(kv);
    s.s0 = lb_smlabb(x_even, k_even, s.s0);
    s.s2 = lb_smlatt(x_even, k_even, s.s2);
    s.s1 = lb_smlabb(x_odd, k_odd, s.s1);
    s.s3 = lb_smlatt(x_odd, k_odd, s.s3);
    return s;
}

LB_INLINE lanes4 bias4(const int32_t *bias, int32_t c)
{
    lanes4 s = {0, 0, 0, 0};
    if (bias != NULL) {
        s.s0 = bias[c];
        s.s1 = bias[c + 1];
        s.s2 = bias[c + 2];
        s.s3 = bias[c + 3];
    }
    return s;
}

LB_INLINE void store4(lanes4 s, const lb_requant *q, int32_t c, int8_t *out, int32_t wide)
{
    out[c] = requantize_to_s8(s.s0, channel_scale_of(q, c), q, wide);
    out[c + 1] = requantize_to_s8(s.s1, channel_scale_of(q, c + 1), q, wide);
    out[c + 2] = requantize_to_s8(s.s2, channel_scale_of(q, c + 2), q, wide);
    out[c + 3] = requantize_to_s8(s.s3, channel_scale_of(q, c + 3), q, wide);
}

/* An interior pixel: src is its window's top-left input pixel, row the bytes of one input row. */
LB_INLINE void dw3x3_interior(const int8_t *src, int32_t row, int32_t channels, const int8_t *filter,
                              const int32_t *bias, const lb_requant *q, int32_t offsets, int8_t *out, int32_t wide)
{
    int32_t c;
    const int32_t next_row = row - 2 * channels;
    for (c = 0; c < channels; c += 4) {
        const int8_t *x = src + c;
        const int8_t *k = filter;
        const int8_t *const k_end = filter + LB_DW3X3_GROUP_BYTES;
        lanes4 s = bias4(bias, c);
        /* One filter row per pass: a loop, not nine taps unrolled, so the pointers stay in registers. */
        do {
            s = dw_tap(s, x, k, offsets);
            x += channels;
            s = dw_tap(s, x, k + 4, offsets);
            x += channels;
            s = dw_tap(s, x, k + 8, offsets);
            x += next_row;
            k += 12;
        } while (k != k_end);
        store4(s, q, c, out, wide);
        filter += LB_DW3X3_GROUP_BYTES;
    }
}
#endif

/* A border pixel (or any pixel on portable builds): taps [fy_start, fy_end) x [fx_start, fx_end) only. */
static void dw3x3_checked(const int8_t *image, int32_t in_w, int32_t channels, int32_t in_y0, int32_t in_x0,
                          int32_t fy_start, int32_t fy_end, int32_t fx_start, int32_t fx_end, const int8_t *filter,
                          const int32_t *bias, const lb_requant *q, int8_t *out, int32_t wide)
{
    int32_t c, fy, fx;
#if LB_PACKED
    const int32_t offsets = pack16(q->input_offset, q->input_offset);
    for (c = 0; c < channels; c += 4) {
        lanes4 s = bias4(bias, c);
        for (fy = fy_start; fy < fy_end; fy++) {
            for (fx = fx_start; fx < fx_end; fx++) {
                s = dw_tap(s, image + ((in_y0 + fy) * in_w + in_x0 + fx) * channels + c,
                           filter + (fy * 3 + fx) * 4, offsets);
            }
        }
        store4(s, q, c, out, wide);
        filter += LB_DW3X3_GROUP_BYTES;
    }
#else
    for (c = 0; c < channels; c++) {
        const int8_t *k = filter + (c / 4) * LB_DW3X3_GROUP_BYTES + c % 4;
        int32_t s = bias != NULL ? bias[c] : 0;
        for (fy = fy_start; fy < fy_end; fy++) {
            for (fx = fx_start; fx < fx_end; fx++) {
                s += k[(fy * 3 + fx) * 4]
                     * (image[((in_y0 + fy) * in_w + in_x0 + fx) * channels + c] + q->input_offset);
            }
        }
        out[c] = requantize_to_s8(s, channel_scale_of(q, c), q, wide);
    }
#endif
}

LB_INLINE void depthwise_conv3x3(const lb_window *window, const lb_requant *params, const int8_t *input,
                                 const int8_t *filter_groups, const int32_t *bias, int8_t *output, int32_t wide)
{
    /* Local copies: the int8 stores below may alias any object, so fields read through a pointer reload. */
    const lb_window shape = *window;
    const lb_requant requant = *params;
    const lb_window *w = &shape;
    const lb_requant *q = &requant;
    const int32_t channels = w->in_d;
    const int32_t row = w->in_w * channels;
#if LB_PACKED
    const int32_t offsets = pack16(q->input_offset, q->input_offset);
#endif
    int32_t b, oy, ox;
    int8_t *out = output;
    for (b = 0; b < w->batches; b++) {
        const int8_t *image = input + b * w->in_h * row;
        for (oy = 0; oy < w->out_h; oy++) {
            const int32_t in_y0 = oy * w->stride_h - w->pad_top;
            const int32_t fy_start = max32(0, -in_y0);
            const int32_t fy_end = min32(3, w->in_h - in_y0);
            for (ox = 0; ox < w->out_w; ox++) {
                const int32_t in_x0 = ox * w->stride_w - w->pad_left;
                const int32_t fx_start = max32(0, -in_x0);
                const int32_t fx_end = min32(3, w->in_w - in_x0);
#if LB_PACKED
                if (fy_start == 0 && fy_end == 3 && fx_start == 0 && fx_end == 3) {
                    dw3x3_interior(image + in_y0 * row + in_x0 * channels, row, channels, filter_groups, bias, q,
                                   offsets, out, wide);
                    out += channels;
                    continue;
                }
#endif
                dw3x3_checked(image, w->in_w, channels, in_y0, in_x0, fy_start, fy_end, fx_start, fx_end,
                              filter_groups, bias, q, out, wide);
                out += channels;
            }
        }
    }
}

void lb_depthwise_conv3x3_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                             const int8_t *filter_groups, const int32_t *bias, int8_t *output)
{
    depthwise_conv3x3(window, params, input, filter_groups, bias, output, 0);
}

void lb_depthwise_conv3x3_wide_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                                  const int8_t *filter_groups, const int32_t *bias, int8_t *output)
{
    depthwise_conv3x3(window, params, input, filter_groups, bias, output, 1);
}

/*
 * FULLY_CONNECTED of one row (batch 1, the autoencoder's and most classifier heads' case). The generator stores
 * the filter in quads: output channels padded with zero rows to a multiple of 4, and for each group of four
 * channels and each block of 4 depths, the two channel pairs' words of the paired layout one after the other
 * (16 bytes: [c, c+1 at k, k+2], [c, c+1 at k+1, k+3], [c+2, c+3 at k, k+2], [c+2, c+3 at k+1, k+3]). One
 * pointer then walks a group's weights in order, two words per LDRD; the array is word-aligned (a union in the
 * generated C). The input offset is folded into the bias, as for lb_matmul_s8.
 */
#if LB_PACKED && !defined(LB_EMULATE_DSP) && defined(__GNUC__)
/* Two words of an aligned array and the pointer past them: one LDRD with write-back (gcc splits it otherwise). */
LB_INLINE const int8_t *load_two_words(const int8_t *p, int32_t *first, int32_t *second)
{
    __asm__("ldrd %0, %1, [%2], #8" : "=r"(*first), "=r"(*second), "+r"(p) : "m"(*(const int32_t(*)[2]) p));
    return p;
}
#elif LB_PACKED
LB_INLINE const int8_t *load_two_words(const int8_t *p, int32_t *first, int32_t *second)
{
    *first = load4(p);
    *second = load4(p + 4);
    return p + 8;
}
#endif

/* Byte offset of channel c (0..3 in its group) at depth k in the group's quad block. */
static inline int32_t quad_offset(int32_t k, int32_t c)
{
    return (k >> 2) * 16 + (c >> 1) * 8 + (k & 1) * 4 + ((k >> 1) & 1) * 2 + (c & 1);
}

LB_INLINE void fully_connected_row(int32_t depth, int32_t out_d, const lb_requant *params, const int8_t *input,
                                   const int8_t *filter_quads, const int32_t *folded_bias, int8_t *output,
                                   int32_t wide)
{
    const lb_requant requant = *params;
    const lb_requant *q = &requant;
    const int32_t whole = depth & ~3;
    const int32_t group_bytes = 4 * ((depth + 3) & ~3);
    int32_t oc;
    for (oc = 0; oc < out_d; oc += 4) {
        const int8_t *group = filter_quads + (oc / 4) * group_bytes;
        const int32_t channels = out_d - oc < 4 ? out_d - oc : 4;
        int32_t s[4] = {0, 0, 0, 0};
        int32_t c, k = 0;
        for (c = 0; c < channels; c++) {
            s[c] = folded_bias[oc + c];
        }
#if LB_PACKED
        {
            const int8_t *x = input;
            const int8_t *const x_end = input + whole;
            const int8_t *w = group;
            int32_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
            while (x != x_end) {
                const int32_t v = load4(x);
                const int32_t even = lb_sxtb16(v);
                const int32_t odd = lb_sxtb16_odd(v);
                int32_t w02, w13, v02, v13;
                w = load_two_words(w, &w02, &w13);
                w = load_two_words(w, &v02, &v13);
                s0 = lb_smlad(even, lb_sxtb16(w02), s0);
                s1 = lb_smlad(even, lb_sxtb16_odd(w02), s1);
                s2 = lb_smlad(even, lb_sxtb16(v02), s2);
                s3 = lb_smlad(even, lb_sxtb16_odd(v02), s3);
                s0 = lb_smlad(odd, lb_sxtb16(w13), s0);
                s1 = lb_smlad(odd, lb_sxtb16_odd(w13), s1);
                s2 = lb_smlad(odd, lb_sxtb16(v13), s2);
                s3 = lb_smlad(odd, lb_sxtb16_odd(v13), s3);
                x += 4;
            }
            s[0] = s0;
            s[1] = s1;
            s[2] = s2;
            s[3] = s3;
            k = whole;
        }
#else
        (void) whole;
#endif
        /* The depth tail (everything on portable builds); padded channels have zero weights and are not stored. */
        for (; k < depth; k++) {
            const int32_t x = input[k];
            for (c = 0; c < 4; c++) {
                s[c] += x * group[quad_offset(k, c)];
            }
        }
        for (c = 0; c < channels; c++) {
            output[oc + c] = requantize_to_s8(s[c], channel_scale_of(q, oc + c), q, wide);
        }
    }
}

void lb_fully_connected_row_s8(int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                               const int8_t *filter_quads, const int32_t *folded_bias, int8_t *output)
{
    fully_connected_row(depth, out_d, q, input, filter_quads, folded_bias, output, 0);
}

void lb_fully_connected_row_wide_s8(int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                                    const int8_t *filter_quads, const int32_t *folded_bias, int8_t *output)
{
    fully_connected_row(depth, out_d, q, input, filter_quads, folded_bias, output, 1);
}
