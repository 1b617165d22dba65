package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.RawBlock;

/**
 * The raw block in C: the window itself times {@code scale_axes}. Java multiplies in double and rounds to
 * float; where the scale is a float exactly (1, 0.5, 2^-12; not 0.1), a float product is the same single
 * rounding of the same exact product, so the M4F's FPU gives Java's values bit for bit.
 */
final class RawCSource implements SensorBlockCSource {
    private final RawBlock block;

    RawCSource(RawBlock block) {
        this.block = block;
    }

    @Override
    public String description() {
        return block.name() + " " + block.config();
    }

    @Override
    public boolean defaultDouble() {
        return false;
    }

    @Override
    public String body() {
        double scale = block.config().scaleAxes();
        boolean floatExact = (double) (float) scale == scale;
        String multiply;
        if (scale == 1.0) {
            multiply = "values[i]";
        } else if (floatExact) {
            multiply = "values[i] * " + CArrays.floatLiteral((float) scale);
        } else {
            multiply = "(float) ((double) values[i] * " + CArrays.real(scale) + ")";
        }
        return "/* scale_axes " + scale + (scale == 1.0 ? ": the features are the window itself."
                : floatExact ? ", a float exactly: a float product rounds as Java's double one."
                : ", not a float: multiplied in double, as Java does.") + " */\n"
                + "static void lb_block(const float *values, size_t samples, float *features)\n"
                + "{\n"
                + "    size_t i;\n"
                + "    for (i = 0; i < samples * LB_DSP_AXES; i++) {\n"
                + "        features[i] = " + multiply + ";\n"
                + "    }\n"
                + "}\n\n";
    }
}
