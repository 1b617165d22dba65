package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.TrajectoryBlock;

/**
 * The trajectory block in C: a path of any length resampled to {@code points} positions equally spaced
 * along it, optionally centred and scaled, in the order of operations of {@link TrajectoryBlock}. The
 * distance travelled is recomputed while walking instead of stored per position, by the same recurrence
 * ({@code along[i] = along[i - 1] + |p[i] - p[i - 1]|}), so a path needs no buffer of its length.
 *
 * <p>Double by default, bit-equal to Java: float measured within the contract (2.5e-5 at most, un-normalised
 * paths of up to 20,000 positions, SensorDspCGeneratorTest) but with only a 4x margin on a running sum whose
 * error grows with the path, and a path costs its device once per gesture, not once per slice.
 */
final class TrajectoryCSource implements SensorBlockCSource {
    private final TrajectoryBlock block;

    TrajectoryCSource(TrajectoryBlock block) {
        this.block = block;
    }

    @Override
    public String description() {
        return block.name() + " " + block.config();
    }

    @Override
    public boolean defaultDouble() {
        return true;
    }

    @Override
    public String body() {
        return "#define LB_POINTS " + block.config().points() + "\n"
                + "/* 1: centre on the mean and divide by the largest extent of any axis. */\n"
                + "#define LB_NORMALIZE " + (block.config().normalize() ? 1 : 0) + "\n\n"
                + """
                static lb_real lb_points[LB_POINTS * LB_DSP_AXES];

                /* Distance from position i - 1 to position i. */
                static lb_real lb_step(const float *path, size_t i)
                {
                    lb_real sq = LB_R(0.0);
                    int a;
                    for (a = 0; a < LB_DSP_AXES; a++) {
                        lb_real d = (lb_real) path[i * LB_DSP_AXES + a] - (lb_real) path[(i - 1) * LB_DSP_AXES + a];
                        sq += d * d;
                    }
                    return LB_SQRT(sq);
                }

                #if LB_NORMALIZE
                /* Centres each axis on its mean; scales the largest extent (max - min, before centring) to 1. A
                 * still path stays at 0. */
                static void lb_normalize(void)
                {
                    lb_real extent = LB_R(0.0);
                    int a, p;
                    for (a = 0; a < LB_DSP_AXES; a++) {
                        lb_real sum = LB_R(0.0);
                        lb_real lo = lb_points[a];
                        lb_real hi = lb_points[a];
                        lb_real mean;
                        for (p = 0; p < LB_POINTS; p++) {
                            lb_real v = lb_points[p * LB_DSP_AXES + a];
                            sum += v;
                            lo = v < lo ? v : lo;
                            hi = v > hi ? v : hi;
                        }
                        mean = sum / (lb_real) LB_POINTS;
                        for (p = 0; p < LB_POINTS; p++) {
                            lb_points[p * LB_DSP_AXES + a] -= mean;
                        }
                        extent = hi - lo > extent ? hi - lo : extent;
                    }
                    if (extent > LB_R(0.0)) {
                        for (p = 0; p < LB_POINTS * LB_DSP_AXES; p++) {
                            lb_points[p] /= extent;
                        }
                    }
                }
                #endif

                /* samples >= 1 positions. Point p sits at p / (LB_POINTS - 1) of the path's length, between the
                 * positions seg and seg + 1 whose distances along the path enclose it. */
                static void lb_block(const float *path, size_t samples, float *features)
                {
                    lb_real total = LB_R(0.0);
                    lb_real at = LB_R(0.0);   /* distance along the path to position seg */
                    lb_real next_at;          /* ... to position seg + 1 */
                    size_t seg = 0;
                    size_t i;
                    int p, a;
                    for (i = 1; i < samples; i++) {
                        total = total + lb_step(path, i);
                    }
                    next_at = samples > 1 ? at + lb_step(path, 1) : at;
                    for (p = 0; p < LB_POINTS; p++) {
                        lb_real target = total * (lb_real) p / (lb_real) (LB_POINTS - 1);
                        size_t next;
                        lb_real span, f = LB_R(0.0);
                        while (seg + 2 < samples && next_at < target) {
                            seg++;
                            at = next_at;
                            next_at = at + lb_step(path, seg + 1);
                        }
                        next = seg + 1 < samples ? seg + 1 : seg;
                        span = next == seg ? LB_R(0.0) : next_at - at;
                        if (span > LB_R(0.0)) {
                            f = (target - at) / span;
                            f = f > LB_R(0.0) ? f : LB_R(0.0);
                            f = f < LB_R(1.0) ? f : LB_R(1.0);
                        }
                        for (a = 0; a < LB_DSP_AXES; a++) {
                            lb_real from = (lb_real) path[seg * LB_DSP_AXES + a];
                            lb_points[p * LB_DSP_AXES + a] = from + f * ((lb_real) path[next * LB_DSP_AXES + a] - from);
                        }
                    }
                #if LB_NORMALIZE
                    lb_normalize();
                #endif
                    for (p = 0; p < LB_POINTS * LB_DSP_AXES; p++) {
                        features[p] = (float) lb_points[p];
                    }
                }

                """;
    }
}
