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

static int32_t wrap_shl(int32_t x, int32_t shift)
{
    return (int32_t) ((uint32_t) x << shift);
}

static int32_t clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* (a * b * 2) >> 32, rounded to nearest; saturates the one overflow case. */
static int32_t srdhm(int32_t a, int32_t b)
{
    int64_t ab;
    int64_t nudge;
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    ab = (int64_t) a * (int64_t) b;
    nudge = ab >= 0 ? ((int64_t) 1 << 30) : (1 - ((int64_t) 1 << 30));
    /* C99 division truncates toward zero, as gemmlowp's does. */
    return (int32_t) ((ab + nudge) / ((int64_t) 1 << 31));
}

/* x / 2^exponent rounded to nearest, ties away from zero. */
static int32_t rounding_divide_by_pot(int32_t x, int32_t exponent)
{
    int32_t mask = (int32_t) (((int64_t) 1 << exponent) - 1);
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
