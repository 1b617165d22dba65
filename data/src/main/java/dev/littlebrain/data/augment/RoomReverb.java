package dev.littlebrain.data.augment;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A simulated room: the clip convolved with a synthetic room impulse response — the direct sound, then a diffuse
 * tail whose level decays exponentially by 60 dB in the room's reverberation time (RT60), at a random
 * direct-to-reverberant ratio (DRR). Real voices reach a device from across a kitchen, not from a headset, and the
 * recorded training clips are mostly close and dry.
 *
 * <p>The tail is velvet noise (one impulse of random sign at a random place in every 1 ms cell), which is heard as
 * smooth as Gaussian noise yet has a thousandth of the taps, so convolving a second of audio with a 0.6 s room costs
 * about 10 million multiply-adds instead of 150. The output keeps the input's loudness (RMS) and length: the tail
 * beyond the clip's end is cut, as a 1 s window would cut it.
 *
 * @param sampleRate samples per second of the clips
 * @param minRt60S   shortest reverberation time drawn, seconds
 * @param maxRt60S   longest, seconds (uniform in between)
 * @param minDrrDb   lowest direct-to-reverberant energy ratio drawn, dB (lower is farther from the talker)
 * @param maxDrrDb   highest, dB
 */
public record RoomReverb(int sampleRate, double minRt60S, double maxRt60S, double minDrrDb, double maxDrrDb)
        implements WaveformAugmentation {
    /** Impulses of the tail per second: dense enough that the tail is heard as noise, not echoes. */
    static final int TAPS_PER_SECOND = 1000;

    public RoomReverb {
        if (sampleRate < TAPS_PER_SECOND || !(minRt60S > 0 && minRt60S <= maxRt60S && maxRt60S <= 2)
                || !(minDrrDb <= maxDrrDb)) {
            throw new IllegalArgumentException("need a sample rate >= " + TAPS_PER_SECOND + " Hz, 0 < minRt60 <= maxRt60"
                    + " <= 2 s and minDrr <= maxDrr, got " + sampleRate + " Hz, " + minRt60S + ".." + maxRt60S + " s, "
                    + minDrrDb + ".." + maxDrrDb + " dB");
        }
    }

    /** One room, drawn: its reverberation time, direct-to-reverberant ratio and the seed of its tail. */
    public record Room(double rt60S, double drrDb, long seed) {
    }

    /** Draws a room from the ranges (three values from {@code random}, whatever they are). */
    public Room draw(RandomGenerator random) {
        double rt60 = minRt60S + random.nextDouble() * (maxRt60S - minRt60S);
        double drr = minDrrDb + random.nextDouble() * (maxDrrDb - minDrrDb);
        return new Room(rt60, drr, random.nextLong());
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator random) {
        return apply(samples, draw(random), sampleRate);
    }

    /** The clip heard in {@code room}. */
    public static float[] apply(float[] samples, Room room, int sampleRate) {
        Taps taps = impulseResponse(room, sampleRate);
        double[] wet = new double[samples.length];
        for (int t = 0; t < taps.delays.length; t++) {
            int d = taps.delays[t];
            double g = taps.gains[t];
            for (int i = 0; i + d < wet.length; i++) {
                wet[i + d] += g * samples[i];
            }
        }
        double in = rms(samples);
        double outRms = 0;
        for (double v : wet) {
            outRms += v * v;
        }
        outRms = Math.sqrt(outRms / Math.max(1, wet.length));
        double scale = outRms == 0 ? 0 : in / outRms;
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, wet[i] * scale));
        }
        return out;
    }

    /** A sparse impulse response: tap delays in samples (the direct sound at 0) and their gains. */
    record Taps(int[] delays, double[] gains) {
    }

    /**
     * The room's impulse response: 1 at delay 0, then from 1 ms on one tap of random sign per 1 ms cell until the
     * tail has decayed by 60 dB, each {@code exp(-6.91 t / RT60)} (60 dB of amplitude in RT60), the whole tail scaled
     * so that its energy is the direct sound's divided by the DRR.
     */
    static Taps impulseResponse(Room room, int sampleRate) {
        SplittableRandom random = new SplittableRandom(room.seed());
        int cell = sampleRate / TAPS_PER_SECOND;
        int cells = (int) Math.ceil(room.rt60S() * TAPS_PER_SECOND);
        int[] delays = new int[cells + 1];
        double[] gains = new double[cells + 1];
        delays[0] = 0;
        gains[0] = 1;
        double energy = 0;
        for (int c = 1; c <= cells; c++) {
            int delay = c * cell + random.nextInt(cell);
            double gain = (random.nextBoolean() ? 1 : -1) * Math.exp(-6.91 * delay / (sampleRate * room.rt60S()));
            delays[c] = delay;
            gains[c] = gain;
            energy += gain * gain;
        }
        double scale = Math.sqrt(Math.pow(10, -room.drrDb() / 10) / energy);
        for (int c = 1; c <= cells; c++) {
            gains[c] *= scale;
        }
        return new Taps(delays, gains);
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }
}
