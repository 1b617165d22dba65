package dev.littlebrain.deploy.dsp;

/**
 * The public functions of {@code lb_dsp.c} over the block's {@code lb_frame_row} and {@code lb_finish}:
 * {@code lb_dsp_process} (one window pulled through an {@code lb_signal_t}) and the streaming form
 * ({@code lb_dsp_stream_push}), the C twin of {@code StreamingFeatures} for windows that start at multiples of the
 * hop: each frame on those windows' grids is computed once, when its last sample arrives, from an int16 history
 * of one frame; frames whose pre-emphasis wraps round to the window's end are recomputed per window from the
 * window's first samples, kept as int16 until then.
 */
final class WindowCSource {
    private WindowCSource() {
    }

    static String emit(DspCGenerator.StreamLayout layout) {
        boolean prefix = layout.prefixFrames() > 0;
        return """
                static int lb_buffer_get_data(const lb_signal_t *signal, size_t offset, size_t length, int16_t *out)
                {
                    memcpy(out, (const int16_t *) signal->context + offset, length * sizeof(int16_t));
                    return 0;
                }

                void lb_signal_from_buffer(lb_signal_t *signal, const int16_t *samples, size_t n)
                {
                    signal->total_length = n;
                    signal->get_data = lb_buffer_get_data;
                    signal->context = samples;
                }

                /* Streaming state. Countdowns to the next events replace divisions of the stream position: a row
                 * completes every LB_GRID samples (after the first LB_FRAME_USED), a window's first samples are complete
                 * LB_PREFIX_SPAN samples after its start, and a window every LB_HOP samples (after the first
                 * LB_WINDOW_SAMPLES). */
                static int16_t lb_history[LB_HISTORY];
                static unsigned lb_head;               /* where the next sample goes in lb_history */
                static lb_real lb_rows[LB_ROW_SLOTS][LB_DSP_COEFFICIENTS];
                static uint32_t lb_until_row;
                static uint32_t lb_rows_seen;          /* rows passed so far, saturating */
                static unsigned lb_row_slot;           /* slot of the next row */
                static uint32_t lb_until_window;
                static unsigned lb_window_slot;        /* row slot of the next window's first frame */
                static int lb_started;                 /* 0 until the first reset: static zeros are not a state */
                """
                + (prefix ? """
                static int16_t lb_pending[LB_PENDING][LB_PREFIX_SPAN];
                static lb_real lb_prefix_rows[LB_PREFIX_FRAMES][LB_DSP_COEFFICIENTS];
                static uint32_t lb_until_capture;
                static unsigned lb_capture_slot;       /* lb_pending entry of the next window to capture */
                static unsigned lb_window_pending;     /* lb_pending entry of the next window */
                """ : "")
                + """
                /* A frame and the LB_PRE_SHIFT samples before it. */
                static int16_t lb_frame_samples[LB_PRE_SHIFT + LB_FRAME_USED];
                static const lb_real *lb_window_rows[LB_DSP_FRAMES];

                void lb_dsp_stream_reset(void)
                {
                    memset(lb_history, 0, sizeof lb_history);
                    lb_started = 1;
                    lb_head = 0;
                    lb_until_row = LB_FRAME_USED;
                    lb_rows_seen = 0;
                    lb_row_slot = 0;
                    lb_until_window = LB_WINDOW_SAMPLES;
                    lb_window_slot = 0;
                """
                + (prefix ? """
                    lb_until_capture = LB_PREFIX_SPAN;
                    lb_capture_slot = 0;
                    lb_window_pending = 0;
                """ : "")
                + """
                }

                /* The last `count` samples, oldest first, from `back` samples before the newest end. */
                static void lb_history_copy(int16_t *out, unsigned back, unsigned count)
                {
                    unsigned from = (lb_head - back) & (LB_HISTORY - 1);
                    unsigned first = LB_HISTORY - from < count ? LB_HISTORY - from : count;
                    memcpy(out, lb_history + from, first * sizeof(int16_t));
                    memcpy(out + first, lb_history, (count - first) * sizeof(int16_t));
                }

                static void lb_window(float *features)
                {
                    int t;
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                """
                + (prefix ? """
                        if (t < LB_PREFIX_FRAMES) {
                            /* Sample i of the window: i < 0 wraps round to its end, the newest samples. */
                            const int16_t *first = lb_pending[lb_window_pending];
                            int j;
                            for (j = 0; j < LB_PRE_SHIFT + LB_FRAME_USED; j++) {
                                int i = t * LB_FRAME_STRIDE - LB_PRE_SHIFT + j;
                                lb_frame_samples[j] = i < 0 ? lb_history[(lb_head + (unsigned) i) & (LB_HISTORY - 1)] : first[i];
                            }
                            lb_frame_row(lb_frame_samples + LB_PRE_SHIFT, lb_prefix_rows[t]);
                            lb_window_rows[t] = lb_prefix_rows[t];
                            continue;
                        }
                """ : "")
                + """
                        lb_window_rows[t] = lb_rows[(lb_window_slot + (unsigned) t * (LB_FRAME_STRIDE / LB_GRID)) % LB_ROW_SLOTS];
                    }
                    lb_finish(lb_window_rows, features);
                }

                /* Whatever completes at the current stream position: rows first (a window's last frame may be one). */
                static int lb_on_events(float *features)
                {
                    int ready = 0;
                    if (lb_until_row == 0) {
                        /* Rows that would read samples before the stream only ever serve as circular frames. */
                        if ((int64_t) lb_rows_seen * LB_GRID >= LB_PRE_SHIFT) {
                            lb_history_copy(lb_frame_samples, LB_PRE_SHIFT + LB_FRAME_USED, LB_PRE_SHIFT + LB_FRAME_USED);
                            lb_frame_row(lb_frame_samples + LB_PRE_SHIFT, lb_rows[lb_row_slot]);
                        }
                        lb_rows_seen += lb_rows_seen < UINT32_MAX / LB_GRID;
                        lb_row_slot = (lb_row_slot + 1) % LB_ROW_SLOTS;
                        lb_until_row = LB_GRID;
                    }
                """
                + (prefix ? """
                    if (lb_until_capture == 0) {
                        lb_history_copy(lb_pending[lb_capture_slot], LB_PREFIX_SPAN, LB_PREFIX_SPAN);
                        lb_capture_slot = (lb_capture_slot + 1) % LB_PENDING;
                        lb_until_capture = LB_HOP;
                    }
                """ : "")
                + """
                    if (lb_until_window == 0) {
                        lb_window(features);
                        ready = 1;
                        lb_window_slot = (lb_window_slot + LB_HOP / LB_GRID) % LB_ROW_SLOTS;
                """
                + (prefix ? "        lb_window_pending = (lb_window_pending + 1) % LB_PENDING;\n" : "")
                + """
                        lb_until_window = LB_HOP;
                    }
                    return ready;
                }

                int lb_dsp_stream_push(const int16_t *samples, size_t n, float *features)
                {
                    int ready = 0;
                    if (!lb_started) {
                        lb_dsp_stream_reset();
                    }
                    while (n > 0) {
                        /* Up to the next event, so the history always holds what that event reads. */
                        uint32_t until = lb_until_row < lb_until_window ? lb_until_row : lb_until_window;
                        size_t take, first;
                """
                + (prefix ? "        until = lb_until_capture < until ? lb_until_capture : until;\n" : "")
                + """
                        until = until < LB_HISTORY ? until : LB_HISTORY;
                        take = n < until ? n : until;
                        /* Into the ring in at most two copies (no per-sample index arithmetic); at most LB_HISTORY
                         * samples at a time, so a piece never laps the ring. */
                        first = LB_HISTORY - lb_head < take ? LB_HISTORY - lb_head : take;
                        memcpy(lb_history + lb_head, samples, first * sizeof(int16_t));
                        memcpy(lb_history, samples + first, (take - first) * sizeof(int16_t));
                        lb_head = (lb_head + (unsigned) take) & (LB_HISTORY - 1);
                        samples += take;
                        n -= take;
                        lb_until_row -= (uint32_t) take;
                        lb_until_window -= (uint32_t) take;
                """
                + (prefix ? "        lb_until_capture -= (uint32_t) take;\n" : "")
                + """
                        ready |= lb_on_events(features);
                    }
                    return ready;
                }

                int lb_dsp_process(const lb_signal_t *signal, float *features)
                {
                    int t;
                    if (signal == NULL || signal->total_length != LB_WINDOW_SAMPLES) {
                        return -1;
                    }
                    lb_dsp_stream_reset();
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        const size_t start = (size_t) t * LB_FRAME_STRIDE;
                        lb_real *row = lb_rows[start / LB_GRID];
                        int failed;
                        if ((long) start >= LB_PRE_SHIFT) {
                            failed = signal->get_data(signal, start - LB_PRE_SHIFT, LB_PRE_SHIFT + LB_FRAME_USED,
                                    lb_frame_samples);
                        } else {
                            /* Circular pre-emphasis: the samples before the window are its last ones. */
                            const size_t wrapped = LB_PRE_SHIFT - start;
                            failed = signal->get_data(signal, LB_WINDOW_SAMPLES - wrapped, wrapped, lb_frame_samples)
                                    || signal->get_data(signal, 0, start + LB_FRAME_USED, lb_frame_samples + wrapped);
                        }
                        if (failed) {
                            lb_dsp_stream_reset();
                            return -1;
                        }
                        lb_frame_row(lb_frame_samples + LB_PRE_SHIFT, row);
                        lb_window_rows[t] = row;
                    }
                    lb_finish(lb_window_rows, features);
                    lb_dsp_stream_reset();
                    return 0;
                }
                """;
    }
}
