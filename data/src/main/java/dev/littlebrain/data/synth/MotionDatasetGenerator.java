package dev.littlebrain.data.synth;

import dev.littlebrain.dsp.io.SensorSeries;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic 3-axis accelerometer gesture dataset (no download): classes
 * {@code idle}, {@code wave}, {@code circle} and {@code updown}, 2 s at 62.5 Hz (125 frames,
 * 16 ms apart) per sample, values in m/s² with gravity on z when the device is flat.
 *
 * <p>Written as a {@link SyntheticSensorDataset}: Edge Impulse JSON in training/ and testing/ (80/20).
 *
 * <p>Model: idle = gravity + small tremor + noise; wave = side-to-side x oscillation (1.5–3 Hz,
 * 3–8 m/s²) with a little y; circle = x and y in quadrature (0.8–1.6 Hz, radius 2–6); updown = z
 * oscillation (1–2.5 Hz, 3–7 m/s²). Each sample draws its own frequency, amplitude, phase, a small
 * device tilt rotating gravity into x/y, an occasional constant bias, and Gaussian sensor noise
 * σ 0.05–0.2. Every sample's random stream is derived from (seed, label, index), so the same seed
 * gives byte-identical files.
 */
public final class MotionDatasetGenerator extends SyntheticSensorDataset {
    public static final List<String> LABELS = List.of("idle", "wave", "circle", "updown");
    public static final double FREQUENCY_HZ = 62.5;
    public static final double INTERVAL_MS = 16.0;
    public static final int FRAMES = 125;
    public static final double GRAVITY = 9.81;
    public static final List<String> AXES = List.of("accX", "accY", "accZ");
    public static final List<String> UNITS = List.of("m/s2", "m/s2", "m/s2");
    public static final String DEVICE_TYPE = "LITTLEBRAIN_SYNTH_MOTION";
    public static final int DEFAULT_SAMPLES_PER_CLASS = 60;
    public static final long DEFAULT_SEED = 1;

    public MotionDatasetGenerator(int samplesPerClass, long seed) {
        super(LABELS, samplesPerClass, seed);
    }

    public static MotionDatasetGenerator defaults() {
        return new MotionDatasetGenerator(DEFAULT_SAMPLES_PER_CLASS, DEFAULT_SEED);
    }

    @Override
    public SensorSeries sample(String label, int index) {
        Random r = sampleRandom(label, index);

        // Device tilt: gravity rotated by small random angles about x (roll) and y (pitch).
        double roll = uniform(r, -0.25, 0.25);
        double pitch = uniform(r, -0.25, 0.25);
        double gx = -GRAVITY * StrictMath.sin(pitch);
        double gy = GRAVITY * StrictMath.sin(roll) * StrictMath.cos(pitch);
        double gz = GRAVITY * StrictMath.cos(roll) * StrictMath.cos(pitch);
        // Occasional sensor bias (about 1 sample in 4).
        double bx = 0;
        double by = 0;
        double bz = 0;
        if (r.nextDouble() < 0.25) {
            bx = uniform(r, -0.3, 0.3);
            by = uniform(r, -0.3, 0.3);
            bz = uniform(r, -0.3, 0.3);
        }
        double noise = uniform(r, 0.05, 0.2);
        // Small physiological tremor present in every class (8–12 Hz, a few hundredths of m/s²).
        double tremorHz = uniform(r, 8, 12);
        double tremorAmp = uniform(r, 0.02, 0.08);
        double tremorPhase = uniform(r, 0, 2 * Math.PI);

        double freq;
        double amp;
        double phase = uniform(r, 0, 2 * Math.PI);
        double minor; // secondary-axis share for wave
        switch (label) {
            case "wave" -> {
                freq = uniform(r, 1.5, 3.0);
                amp = uniform(r, 3.0, 8.0);
                minor = uniform(r, 0.05, 0.2);
            }
            case "circle" -> {
                freq = uniform(r, 0.8, 1.6);
                amp = uniform(r, 2.0, 6.0);
                minor = r.nextBoolean() ? 1 : -1; // direction of rotation
            }
            case "updown" -> {
                freq = uniform(r, 1.0, 2.5);
                amp = uniform(r, 3.0, 7.0);
                minor = 0;
            }
            default -> {
                freq = 0;
                amp = 0;
                minor = 0;
            }
        }

        float[] values = new float[FRAMES * 3];
        for (int f = 0; f < FRAMES; f++) {
            double t = f * INTERVAL_MS / 1000.0;
            double w = 2 * Math.PI * freq * t + phase;
            double tremor = tremorAmp * StrictMath.sin(2 * Math.PI * tremorHz * t + tremorPhase);
            double mx = 0;
            double my = 0;
            double mz = 0;
            switch (label) {
                case "wave" -> {
                    mx = amp * StrictMath.sin(w);
                    my = amp * minor * StrictMath.sin(w + 0.5);
                }
                case "circle" -> {
                    mx = amp * StrictMath.cos(w);
                    my = amp * minor * StrictMath.sin(w);
                }
                case "updown" -> mz = amp * StrictMath.sin(w);
                default -> {
                }
            }
            values[3 * f] = round4(gx + bx + mx + tremor + noise * r.nextGaussian());
            values[3 * f + 1] = round4(gy + by + my + 0.7 * tremor + noise * r.nextGaussian());
            values[3 * f + 2] = round4(gz + bz + mz + 0.5 * tremor + noise * r.nextGaussian());
        }
        return new SensorSeries(DEVICE_TYPE, AXES, UNITS, INTERVAL_MS, values);
    }
}
