package dev.littlebrain.deploy;

import dev.littlebrain.dsp.blocks.DspBlock;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What the exported classifier is fed, as its DSP block sees it: {@code axes} floats per sample, interleaved
 * ({@code x0, y0, z0, x1, ...}; audio is one axis), {@code samplingHz} samples per second, and whether a signal
 * of any length is one input (a drawn path) rather than a fixed window, and whether the front end is the audio one
 * (int16 samples, pulled through an {@code lb_signal_t}) rather than a sensor block's (floats as given).
 */
public record SignalLayout(int axes, double samplingHz, boolean anyLength, boolean audio) {

    public SignalLayout {
        if (axes < 1 || !(samplingHz > 0) || Double.isInfinite(samplingHz)) {
            throw new IllegalArgumentException("a signal needs at least one axis and a positive sampling frequency");
        }
    }

    public static SignalLayout of(DspBlock block) {
        return new SignalLayout(block.signal().axisCount(), block.signal().samplingFrequency(), block.acceptsAnyLength(),
                !dev.littlebrain.deploy.dsp.SensorDspCGenerator.supports(block));
    }

    /** One axis at a whole number of Hz: the layout of an audio impulse. */
    boolean isMono() {
        return axes == 1 && samplingHz == Math.rint(samplingHz) && !anyLength;
    }

    /**
     * Milliseconds of signal in {@code values} floats as {@code values * numerator / denominator}, exactly (62.5 Hz
     * is 125/2 samples per second): {numerator, denominator}, reduced.
     */
    long[] millisecondsPerValue() {
        BigDecimal hz = new BigDecimal(samplingHz).stripTrailingZeros();
        BigInteger p = hz.unscaledValue();
        BigInteger q = BigInteger.ONE;
        if (hz.scale() > 0) {
            q = BigInteger.TEN.pow(hz.scale());
        } else {
            p = p.multiply(BigInteger.TEN.pow(-hz.scale()));
        }
        // ms = (values / axes) * 1000 / (p / q)
        BigInteger num = BigInteger.valueOf(1000).multiply(q);
        BigInteger den = BigInteger.valueOf(axes).multiply(p);
        BigInteger g = num.gcd(den);
        return new long[] {num.divide(g).longValueExact(), den.divide(g).longValueExact()};
    }
}
