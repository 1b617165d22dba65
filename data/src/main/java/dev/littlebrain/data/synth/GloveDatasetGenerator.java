package dev.littlebrain.data.synth;

import dev.littlebrain.dsp.io.SensorSeries;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic data-glove gesture dataset (no download): the fingertip's x, y position in
 * centimetres at 50 Hz while the hand draws one of four shapes in the air — {@code circle},
 * {@code triangle}, {@code zigzag}, {@code check} (a tick).
 *
 * <p>Each sample draws the shape at its own size (6–16 cm), rotation (±20°), position, direction
 * (circles either way round), duration (0.8–2.0 s, so 40–100 positions) and speed profile (the
 * hand speeds up and slows down along the stroke), with hand jitter (σ 1–3 % of the size) and a slow
 * drift. Samples therefore differ in length, as real glove recordings do. Written as a
 * {@link SyntheticSensorDataset}: Edge Impulse JSON in training/ and testing/ (80/20).
 */
public final class GloveDatasetGenerator extends SyntheticSensorDataset {
    public static final List<String> LABELS = List.of("circle", "triangle", "zigzag", "check");
    public static final double INTERVAL_MS = 20.0;
    public static final List<String> AXES = List.of("x", "y");
    public static final List<String> UNITS = List.of("cm", "cm");
    public static final String DEVICE_TYPE = "LITTLEBRAIN_SYNTH_GLOVE";

    /** Corner points of the polyline shapes in a unit box, in drawing order. */
    private static final double[][] TRIANGLE = {{0, 0}, {0.5, 0.87}, {1, 0}, {0, 0}};
    private static final double[][] ZIGZAG = {{0, 0}, {0.25, 0.6}, {0.5, 0}, {0.75, 0.6}, {1, 0}};
    private static final double[][] CHECK = {{0, 0.35}, {0.3, 0}, {1, 0.9}};

    public GloveDatasetGenerator(int samplesPerClass, long seed) {
        super(LABELS, samplesPerClass, seed);
    }

    @Override
    public SensorSeries sample(String label, int index) {
        Random r = sampleRandom(label, index);
        double size = uniform(r, 6, 16);
        double angle = Math.toRadians(uniform(r, -20, 20));
        double x0 = uniform(r, -10, 10);
        double y0 = uniform(r, -10, 10);
        int frames = (int) Math.round(uniform(r, 0.8, 2.0) * 1000 / INTERVAL_MS);
        double jitter = size * uniform(r, 0.01, 0.03);
        double driftX = uniform(r, -1.5, 1.5);
        double driftY = uniform(r, -1.5, 1.5);
        // Speed profile: progress along the stroke is t + a sin(2πt)/(2π), monotonic for |a| < 1.
        double warp = uniform(r, -0.6, 0.6);
        boolean clockwise = r.nextBoolean();
        double startPhase = uniform(r, 0, 2 * Math.PI);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);

        float[] values = new float[frames * 2];
        for (int f = 0; f < frames; f++) {
            double t = frames == 1 ? 0 : f / (double) (frames - 1);
            double s = t + warp * Math.sin(2 * Math.PI * t) / (2 * Math.PI);
            double[] p = switch (label) {
                case "circle" -> {
                    double w = startPhase + (clockwise ? -1 : 1) * 2 * Math.PI * s;
                    yield new double[] {0.5 + 0.5 * Math.cos(w), 0.5 + 0.5 * Math.sin(w)};
                }
                case "triangle" -> alongPolyline(TRIANGLE, s);
                case "zigzag" -> alongPolyline(ZIGZAG, s);
                default -> alongPolyline(CHECK, s);
            };
            double px = (p[0] - 0.5) * size;
            double py = (p[1] - 0.5) * size;
            double x = x0 + cos * px - sin * py + driftX * t + jitter * r.nextGaussian();
            double y = y0 + sin * px + cos * py + driftY * t + jitter * r.nextGaussian();
            values[2 * f] = round4(x);
            values[2 * f + 1] = round4(y);
        }
        return new SensorSeries(DEVICE_TYPE, AXES, UNITS, INTERVAL_MS, values);
    }

    /** The point a fraction {@code s} (0..1) of the way along a polyline, by length. */
    static double[] alongPolyline(double[][] corners, double s) {
        double total = 0;
        double[] lengths = new double[corners.length - 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = Math.hypot(corners[i + 1][0] - corners[i][0], corners[i + 1][1] - corners[i][1]);
            total += lengths[i];
        }
        double target = Math.max(0, Math.min(1, s)) * total;
        for (int i = 0; i < lengths.length; i++) {
            if (target <= lengths[i] || i == lengths.length - 1) {
                double f = lengths[i] > 0 ? Math.min(1, target / lengths[i]) : 0;
                return new double[] {corners[i][0] + f * (corners[i + 1][0] - corners[i][0]),
                        corners[i][1] + f * (corners[i + 1][1] - corners[i][1])};
            }
            target -= lengths[i];
        }
        throw new AssertionError("unreachable");
    }
}
