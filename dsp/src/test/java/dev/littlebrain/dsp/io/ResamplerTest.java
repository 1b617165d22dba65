package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    private static float[] sine(int rate, double hz, int n, double amplitude) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** SNR of the middle of the output against the ideal sine at the new rate. */
    private static double snrDb(int from, int to, double hz) {
        float[] out = Resampler.between(from, to).process(sine(from, hz, from, 0.5));
        assertEquals(to, out.length);
        float[] ideal = sine(to, hz, to, 0.5);
        double signal = 0;
        double noise = 0;
        for (int i = to / 10; i < to - to / 10; i++) { // skip the filter's edge transients
            signal += ideal[i] * (double) ideal[i];
            noise += (out[i] - ideal[i]) * (double) (out[i] - ideal[i]);
        }
        return 10 * Math.log10(signal / noise);
    }

    /** Level of what is left of a tone that the new rate cannot represent, relative to the tone. */
    private static double residualDb(int from, int to, double hz) {
        float[] out = Resampler.between(from, to).process(sine(from, hz, from, 0.5));
        double energy = 0;
        int count = 0;
        for (int i = to / 10; i < to - to / 10; i++, count++) {
            energy += out[i] * (double) out[i];
        }
        double rms = Math.sqrt(energy / count);
        return 20 * Math.log10(rms / (0.5 / Math.sqrt(2)));
    }

    @ParameterizedTest
    @CsvSource({"8000,16000,440", "8000,16000,1000", "8000,16000,3500", "44100,16000,1000", "44100,16000,7000",
        "48000,16000,100", "48000,16000,1000", "48000,16000,7100", "16000,44100,3000", "22050,16000,5000"})
    void inBandSinesComeThroughCleanly(int from, int to, double hz) {
        double snr = snrDb(from, to, hz);
        System.out.printf("resampler %d->%d Hz, %.0f Hz sine: SNR %.1f dB%n", from, to, hz, snr);
        assertTrue(snr >= 60, from + "->" + to + " at " + hz + " Hz: SNR " + snr + " dB");
    }

    @ParameterizedTest
    @CsvSource({"44100,16000,8000", "44100,16000,9000", "44100,16000,15000", "44100,16000,21000",
        "48000,16000,8200", "48000,16000,12000", "48000,16000,23000", "16000,8000,4100", "16000,8000,7000"})
    void tonesAboveTheNewNyquistAreRemoved(int from, int to, double hz) {
        double level = residualDb(from, to, hz);
        System.out.printf("resampler %d->%d Hz, %.0f Hz tone: residual %.1f dB%n", from, to, hz, level);
        assertTrue(level <= -60, from + "->" + to + " at " + hz + " Hz: residual " + level + " dB");
    }

    @ParameterizedTest
    @CsvSource({"8000,16000,5000", "8000,16000,7000"})
    void upsamplingLeavesNoImages(int from, int to, double outputHz) {
        // A tone at f in 8 kHz audio has an image at 8000 - f after naive upsampling; check the band above 4 kHz is empty.
        float[] out = Resampler.between(from, to).process(sine(from, from - outputHz, from, 0.5));
        // Project onto the image frequency.
        double re = 0;
        double im = 0;
        int n = 0;
        for (int i = to / 10; i < to - to / 10; i++, n++) {
            re += out[i] * Math.cos(2 * Math.PI * outputHz * i / to);
            im += out[i] * Math.sin(2 * Math.PI * outputHz * i / to);
        }
        double imageAmplitude = 2 * Math.hypot(re, im) / n;
        assertTrue(20 * Math.log10(imageAmplitude / 0.5) <= -60, "image at " + imageAmplitude);
    }

    @ParameterizedTest
    @CsvSource({"44100,16000", "16000,16000", "11025,16000", "44101,16000"})
    void outputLengthFollowsTheRatio(int from, int to) {
        int n = 1234;
        float[] out = Resampler.between(from, to).process(new float[n]);
        assertEquals((int) Math.ceil(n * (double) to / from), out.length);
    }
}
