package dev.littlebrain.dsp.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrajectoryBlockTest {
    private static final SignalSpec XY = new SignalSpec(50, List.of("x", "y"));

    private static TrajectoryBlock block(int points, boolean normalize) {
        return (TrajectoryBlock) DspBlocks.create("trajectory", XY,
                Map.of("points", String.valueOf(points), "normalize", String.valueOf(normalize)));
    }

    /** An L-shaped path (right 3, then up 1) with positions at the given fractions of its length. */
    private static float[] lPath(double[] fractions) {
        float[] out = new float[fractions.length * 2];
        for (int i = 0; i < fractions.length; i++) {
            double d = fractions[i] * 4;
            out[2 * i] = (float) Math.min(d, 3);
            out[2 * i + 1] = (float) Math.max(0, d - 3);
        }
        return out;
    }

    @Test
    void resamplesByLengthSoDrawingSpeedDoesNotMatter() {
        double[] even = new double[41];
        double[] uneven = new double[98];
        for (int i = 0; i < even.length; i++) {
            even[i] = i / 40.0;
        }
        for (int i = 0; i < 97; i++) {
            double t = i / 96.0;
            uneven[i] = t * t; // slow start, fast finish
        }
        uneven[97] = 0.75; // the corner itself, so both recordings trace the same L
        java.util.Arrays.sort(uneven);
        TrajectoryBlock b = block(9, false);
        float[] a = b.process(lPath(even));
        float[] c = b.process(lPath(uneven));
        assertEquals(18, a.length);
        assertArrayEquals(a, c, 1e-5f);
        // Positions half a unit apart along the L: (0,0), (0.5,0) ... (3,0), (3,0.5), (3,1).
        assertArrayEquals(new float[] {0, 0, 0.5f, 0, 1, 0, 1.5f, 0, 2, 0, 2.5f, 0, 3, 0, 3, 0.5f, 3, 1}, a, 1e-6f);
    }

    @Test
    void normalizingRemovesPositionAndSize() {
        double[] f = {0, 0.2, 0.5, 0.7, 1};
        float[] path = lPath(f);
        float[] moved = path.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] = moved[i] * 2.5f + (i % 2 == 0 ? 10 : -4);
        }
        TrajectoryBlock b = block(16, true);
        float[] a = b.process(path);
        assertArrayEquals(a, b.process(moved), 1e-5f);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double sumY = 0;
        for (int p = 0; p < 16; p++) {
            minX = Math.min(minX, a[2 * p]);
            maxX = Math.max(maxX, a[2 * p]);
            sumY += a[2 * p + 1];
        }
        assertEquals(1.0, maxX - minX, 1e-6, "largest extent scaled to 1");
        assertEquals(0.0, sumY, 1e-5, "centred");
    }

    @Test
    void aStillHandGivesZerosNotNaN() {
        float[] still = {2, 3, 2, 3, 2, 3};
        for (float v : block(8, true).process(still)) {
            assertEquals(0f, v);
        }
        float[] one = block(4, false).process(new float[] {1, 2});
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, 1, 2}, one);
    }

    @Test
    void shapeAndErrors() {
        TrajectoryBlock b = block(32, true);
        assertEquals(new FeatureShape(32, 2, List.of("x", "y")), b.outputShape(57));
        assertTrue(b.acceptsAnyLength());
        assertThrows(IllegalArgumentException.class, () -> b.process(new float[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> b.process(new float[] {1, Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> b.process(new float[0]));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> DspBlocks.create("trajectory", XY, Map.of("points", "1")));
        assertTrue(e.getMessage().contains("points"), e.getMessage());
    }
}
