package dev.littlebrain.deploy.dsp;

/**
 * The public functions of {@code lb_dsp.c} over the block's {@code lb_frame_row} and {@code lb_finish}:
 * {@code lb_dsp_process} (one window, every frame) and the streaming form ({@code lb_dsp_stream_push}), the
 * C twin of {@code StreamingFeatures}: a ring holding the last window, rows cached by absolute frame start,
 * frames within {@code LB_CIRCULAR_PREFIX} of the window start always recomputed.
 */
final class WindowCSource {
    private WindowCSource() {
    }

    static String emit() {
        return """
                static int lb_all_finite(const float *x, size_t n)
                {
                    size_t i;
                    for (i = 0; i < n; i++) {
                        if (!isfinite(x[i])) {
                            return 0;
                        }
                    }
                    return 1;
                }

                int lb_dsp_process(const float *window, float *features)
                {
                    int t;
                    if (!lb_all_finite(window, LB_WINDOW_SAMPLES)) {
                        return -1;
                    }
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        lb_frame_row(window, 0, t * LB_FRAME_STRIDE, lb_rows + t * LB_DSP_COEFFICIENTS);
                    }
                    lb_finish(lb_rows, features);
                    return 0;
                }

                /* Streaming state: the last window of samples as a ring, and computed rows tagged with their
                 * absolute start sample + 1 (0 = empty) in slot (start / LB_CACHE_UNIT) mod LB_CACHE_SLOTS. The
                 * slots of frames that start within one window span are distinct, so a frame is found again as
                 * long as it stays in the window; the tag makes any other slice length exact, only slower. */
                static float lb_ring[LB_WINDOW_SAMPLES];
                static int lb_ring_head;
                static int64_t lb_total_samples;
                static int64_t lb_cache_tag[LB_CACHE_SLOTS];
                static lb_row_real lb_cache_rows[LB_CACHE_SLOTS * LB_DSP_COEFFICIENTS];

                void lb_dsp_stream_reset(void)
                {
                    lb_ring_head = 0;
                    lb_total_samples = 0;
                    memset(lb_ring, 0, sizeof lb_ring);
                    memset(lb_cache_tag, 0, sizeof lb_cache_tag);
                }

                static void lb_append(const float *slice, size_t n)
                {
                    size_t from = n > LB_WINDOW_SAMPLES ? n - LB_WINDOW_SAMPLES : 0;
                    size_t count = n - from;
                    size_t room = (size_t) (LB_WINDOW_SAMPLES - lb_ring_head);
                    size_t first = count < room ? count : room;
                    memcpy(lb_ring + lb_ring_head, slice + from, first * sizeof(float));
                    memcpy(lb_ring, slice + from + first, (count - first) * sizeof(float));
                    lb_ring_head = (int) (((size_t) lb_ring_head + count) % LB_WINDOW_SAMPLES);
                }

                int lb_dsp_stream_push(const float *slice, size_t n, float *features)
                {
                    int64_t window_start;
                    int t;
                    if (!lb_all_finite(slice, n)) {
                        return -1;
                    }
                    if (n > 0) {
                        lb_append(slice, n);
                    }
                    lb_total_samples += (int64_t) n;
                    if (lb_total_samples < LB_WINDOW_SAMPLES) {
                        return 0;
                    }
                    window_start = lb_total_samples - LB_WINDOW_SAMPLES;
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        int start = t * LB_FRAME_STRIDE;
                        lb_row_real *row = lb_rows + t * LB_DSP_COEFFICIENTS;
                        int64_t absolute = window_start + start;
                        int slot = (int) ((absolute / LB_CACHE_UNIT) % LB_CACHE_SLOTS);
                        lb_row_real *cached = lb_cache_rows + slot * LB_DSP_COEFFICIENTS;
                        if (start < LB_CIRCULAR_PREFIX) {
                            lb_frame_row(lb_ring, lb_ring_head, start, row);
                        } else if (lb_cache_tag[slot] == absolute + 1) {
                            memcpy(row, cached, LB_DSP_COEFFICIENTS * sizeof(lb_row_real));
                        } else {
                            lb_frame_row(lb_ring, lb_ring_head, start, row);
                            memcpy(cached, row, LB_DSP_COEFFICIENTS * sizeof(lb_row_real));
                            lb_cache_tag[slot] = absolute + 1;
                        }
                    }
                    lb_finish(lb_rows, features);
                    return 1;
                }
                """;
    }
}
