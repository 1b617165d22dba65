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
void lb_max_pool_s8(const lb_window *w, int32_t act_min, int32_t act_max, const int8_t *input, int8_t *output);
void lb_average_pool_s8(const lb_window *w, int32_t act_min, int32_t act_max, const int8_t *input,
                        int8_t *output);
void lb_softmax_s8(int32_t rows, int32_t depth, int32_t multiplier, int32_t left_shift, int32_t diff_min,
                   const int8_t *input, int8_t *output);

#endif /* LB_KERNELS_H */
