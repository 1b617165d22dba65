/*
 * LittleBrain standalone C kernels: int8 operators with exactly the arithmetic of
 * TensorFlow Lite Micro's reference kernels (and of LittleBrain's Java runtime).
 * Plain C99, no allocation; every buffer is owned by the caller.
 */
#ifndef LB_KERNELS_H
#define LB_KERNELS_H

#include <stdint.h>

/* A 2-D window over an NHWC tensor: shapes, strides, dilations and leading padding. */
typedef struct {
    int32_t batches, in_h, in_w, in_d;
    int32_t filter_h, filter_w;
    int32_t out_h, out_w, out_d;
    int32_t stride_h, stride_w, dilation_h, dilation_w;
    int32_t pad_top, pad_left;
} lb_window;

/* Requantization shared by conv, depthwise and fully connected: per output channel. */
typedef struct {
    const int32_t *multipliers;
    const int32_t *shifts;
    int32_t input_offset;
    int32_t output_zero_point;
    int32_t act_min, act_max;
} lb_requant;

int32_t lb_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift);

void lb_conv2d_s8(const lb_window *w, const lb_requant *q, const int8_t *input, const int8_t *filter,
                  int32_t filter_depth, const int32_t *bias, int8_t *output);
void lb_depthwise_conv2d_s8(const lb_window *w, const lb_requant *q, int32_t depth_multiplier,
                            const int8_t *input, const int8_t *filter, const int32_t *bias, int8_t *output);
void lb_fully_connected_s8(int32_t batches, int32_t accum_depth, int32_t out_depth, const lb_requant *q,
                           int32_t filter_offset, const int8_t *input, const int8_t *filter,
                           const int32_t *bias, int8_t *output);
/*
 * The optimised paths. folded_bias[oc] = bias[oc] + input_offset * sum(filter row oc), computed by the generator,
 * so the loops multiply raw int8 values; the result is the reference's to the bit. They require every shift
 * <= -1 (multipliers below one half) and every accumulator inside +-2^30, which the generator checks; the _wide
 * twins take accumulators anywhere in int32 (layers with biases near 2^30) for a few instructions more per output.
 *
 * filter_pairs: the filter rows in the generator's paired layout (see lb_kernels.c), depth padded to a multiple
 * of 4 (padded). scratch: 3 * padded / 2 words for lb_matmul_s8 of 3 rows or more (none
 * otherwise); for lb_conv2d_im2col_s8 padded words, plus (2 * depth + 3) / 4 where in_d is not a multiple of 4.
 * lb_matmul_s8: rows of depth values (FULLY_CONNECTED, or a 1x1 CONV_2D of stride 1 over NHWC pixels) times
 * out_d filter rows. lb_conv2d_im2col_s8: one group, any window; copies two output pixels' receptive fields at a
 * time into scratch. lb_depthwise_conv2d_dm1_s8: depth multiplier 1, raw bias (padding taps are skipped, so the
 * offset cannot be folded).
 */
void lb_matmul_s8(int32_t rows, int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                  const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output);
void lb_conv2d_im2col_s8(const lb_window *w, const lb_requant *q, const int8_t *input, const int8_t *filter_pairs,
                         const int32_t *folded_bias, int32_t *scratch, int8_t *output);
void lb_matmul_wide_s8(int32_t rows, int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                       const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output);
void lb_conv2d_im2col_wide_s8(const lb_window *w, const lb_requant *q, const int8_t *input,
                              const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output);
/*
 * A filter matrix with dead channels (the generator's LiveBlock): only its live block is kept, live_out of the
 * out_d channels by live_in of the depth values. Each row's live depths are gathered, multiplied by the block in
 * its paired layout (folded_bias and q: the live channels' only), and the row written as dead_row (each dead
 * channel's constant output: its bias alone, requantized) with the live channels' results over it. The same bytes
 * as the whole matrix: a zero weight adds zero. scratch: 3 * padded(live_in) / 2 words for the three-row kernel,
 * then LB_LIVE_CHUNK_ROWS * (live_in + live_out) bytes.
 */
#define LB_LIVE_CHUNK_ROWS 12
typedef struct {
    int32_t depth, out_d, live_in, live_out;
    const uint16_t *in_index;  /* live_in depths, ascending */
    const uint16_t *out_index; /* live_out channels, ascending */
    const int8_t *dead_row;    /* out_d bytes: the dead channels' constants (live ones are overwritten) */
} lb_live;

void lb_matmul_live_s8(const lb_live *live, int32_t rows, const lb_requant *q, const int8_t *input,
                       const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch, int8_t *output);
void lb_matmul_live_wide_s8(const lb_live *live, int32_t rows, const lb_requant *q, const int8_t *input,
                            const int8_t *filter_pairs, const int32_t *folded_bias, int32_t *scratch,
                            int8_t *output);
void lb_depthwise_conv2d_dm1_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                                const int8_t *filter, const int32_t *bias, int8_t *output);
void lb_depthwise_conv2d_dm1_wide_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                                     const int8_t *filter, const int32_t *bias, int8_t *output);
/*
 * Depthwise 3x3, depth multiplier 1, in_d a multiple of 4, no dilation, any stride and padding; raw bias.
 * filter_groups: the filter in groups of four channels, each group's nine taps in a row ([c / 4][fy * 3 + fx][c % 4]).
 */
void lb_depthwise_conv3x3_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                             const int8_t *filter_groups, const int32_t *bias, int8_t *output);
void lb_depthwise_conv3x3_wide_s8(const lb_window *window, const lb_requant *params, const int8_t *input,
                                  const int8_t *filter_groups, const int32_t *bias, int8_t *output);
/*
 * FULLY_CONNECTED of one row: depth int8 inputs times out_d filter rows, input offset folded into the bias (as for
 * lb_matmul_s8). filter_quads: word-aligned, rows in groups of four (zero rows up to a multiple of 4), depth padded
 * to a multiple of 4, each group's two channel pairs interleaved per block of 4 depths (see lb_kernels.c).
 */
void lb_fully_connected_row_s8(int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                               const int8_t *filter_quads, const int32_t *folded_bias, int8_t *output);
void lb_fully_connected_row_wide_s8(int32_t depth, int32_t out_d, const lb_requant *q, const int8_t *input,
                                    const int8_t *filter_quads, const int32_t *folded_bias, int8_t *output);
void lb_max_pool_s8(const lb_window *w, int32_t act_min, int32_t act_max, const int8_t *input, int8_t *output);
void lb_average_pool_s8(const lb_window *w, int32_t act_min, int32_t act_max, const int8_t *input,
                        int8_t *output);
void lb_softmax_s8(int32_t rows, int32_t depth, int32_t multiplier, int32_t left_shift, int32_t diff_min,
                   const int8_t *input, int8_t *output);

/* Int8 ADD/SUB (TFLM add_common.cc): both operands shifted left by 20 bits, rescaled, summed, rescaled. */
typedef struct {
    int32_t a_offset, b_offset, output_zero_point;
    int32_t a_multiplier, a_shift;
    int32_t b_multiplier, b_shift;
    int32_t output_multiplier, output_shift;
    int32_t act_min, act_max;
} lb_add_params;

/* PAD on a shape normalised to rank 5 (leading dimensions of 1, padded by 0). */
typedef struct {
    int32_t in_dims[5];
    int32_t out_dims[5];
    int32_t before[5];
} lb_pad_shape;

/*
 * Elementwise binary ops: a_index/b_index give, for each output element, the element of a/b it reads
 * (NumPy broadcasting); NULL when the operand has the output's shape.
 */
void lb_add_s8(int32_t count, const lb_add_params *p, int32_t subtract, const int8_t *a, const int32_t *a_index,
               const int8_t *b, const int32_t *b_index, int8_t *output);
void lb_mul_s8(int32_t count, int32_t a_offset, int32_t b_offset, int32_t multiplier, int32_t shift,
               int32_t output_zero_point, int32_t act_min, int32_t act_max, const int8_t *a, const int32_t *a_index,
               const int8_t *b, const int32_t *b_index, int8_t *output);
void lb_tanh_s8(int32_t count, int32_t input_zero_point, int32_t multiplier, int32_t left_shift,
                int32_t range_radius, const int8_t *input, int8_t *output);
void lb_logistic_s8(int32_t count, int32_t input_zero_point, int32_t multiplier, int32_t left_shift,
                    int32_t range_radius, const int8_t *input, int8_t *output);
/*
 * out = clamp(MultiplyByQuantizedMultiplier(in + input_offset) + output_zero_point, act_min, act_max):
 * QUANTIZE between int8 scales ([-128, 127]) and RELU (clamped below at the output zero point).
 */
void lb_requantize_s8(int32_t count, int32_t input_offset, int32_t multiplier, int32_t shift,
                      int32_t output_zero_point, int32_t act_min, int32_t act_max, const int8_t *input,
                      int8_t *output);
/* LEAKY_RELU: non-negative inputs rescaled by the identity multiplier, negative ones by the alpha multiplier. */
void lb_leaky_relu_s8(int32_t count, int32_t input_zero_point, int32_t identity_multiplier, int32_t identity_shift,
                      int32_t alpha_multiplier, int32_t alpha_shift, int32_t output_zero_point, const int8_t *input,
                      int8_t *output);
/*
 * TRANSPOSE of int8 elements: walks the output in row-major order over out_dims (rank dimensions);
 * output axis i advances the input by in_strides[i] elements.
 */
void lb_transpose_s8(int32_t rank, const int32_t *out_dims, const int32_t *in_strides, const int8_t *input,
                     int8_t *output);
/* RELU6 on raw values: above six becomes six, then below zero becomes zero. */
void lb_relu6_s8(int32_t count, int8_t zero, int8_t six, const int8_t *input, int8_t *output);
/*
 * MEAN over the dimensions whose out_strides entry is 0 (input shape normalised to rank 5), summing
 * into the caller's int32 scratch of one entry per output element.
 */
void lb_mean_s8(const int32_t in_dims[5], const int32_t out_strides[5], int32_t outputs, int32_t n,
                int32_t input_zero_point, int32_t multiplier, int32_t shift, int32_t output_zero_point,
                const int8_t *input, int32_t *sums, int8_t *output);
void lb_pad_s8(const lb_pad_shape *s, int8_t pad_value, const int8_t *input, int8_t *output);
/* Float32 tensors are raw little-endian bytes in the arena, read and written with memcpy. */
void lb_quantize_f32_s8(int32_t count, float scale, int32_t zero_point, const void *input, int8_t *output);
void lb_dequantize_s8_f32(int32_t count, float scale, int32_t zero_point, const int8_t *input, void *output);

#endif /* LB_KERNELS_H */
