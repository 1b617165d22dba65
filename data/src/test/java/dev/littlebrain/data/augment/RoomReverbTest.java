package dev.littlebrain.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulated room: its impulse response decays as its RT60 says, at its DRR, and keeps a clip's loudness. */
class RoomReverbTest {
    private static final int RATE = 16000;

    @Test
    void theTailDecaysBySixtyDecibelsInTheReverberationTime() {
        for (double rt60 : new double[] {0.2, 0.5}) {
            RoomReverb.Taps taps = RoomReverb.impulseResponse(new RoomReverb.Room(rt60, 5, 42), RATE);
            // Schroeder's backward integration of the tail's energy; the time it takes to fall from -5 to -25 dB,
            // times three, is the reverberation time (T20).
            double[] energyAt = new double[(int) (rt60 * RATE) + RATE / 10];
            for (int t = 1; t < taps.delays().length; t++) {
                energyAt[taps.delays()[t]] += taps.gains()[t] * taps.gains()[t];
            }
            double[] remaining = new double[energyAt.length + 1];
            for (int i = energyAt.length - 1; i >= 0; i--) {
                remaining[i] = remaining[i + 1] + energyAt[i];
            }
            int at5 = firstBelow(remaining, remaining[0] * Math.pow(10, -0.5));
            int at25 = firstBelow(remaining, remaining[0] * Math.pow(10, -2.5));
            double t20 = 3.0 * (at25 - at5) / RATE;
            assertEquals(rt60, t20, rt60 * 0.1, "T20 of a room of RT60 " + rt60 + " s");
        }
    }

    @Test
    void theTailHoldsTheDirectSoundsEnergyOverTheDrrInOneTapPerMillisecond() {
        RoomReverb.Taps taps = RoomReverb.impulseResponse(new RoomReverb.Room(0.3, 6, 7), RATE);
        assertEquals(0, taps.delays()[0]);
        assertEquals(1.0, taps.gains()[0]);
        double tail = 0;
        for (int t = 1; t < taps.delays().length; t++) {
            tail += taps.gains()[t] * taps.gains()[t];
            // Tap t lies in the t-th 1 ms cell (16 samples at 16 kHz).
            assertTrue(taps.delays()[t] >= 16 * t && taps.delays()[t] < 16 * (t + 1), "tap " + t);
        }
        assertEquals(Math.pow(10, -0.6), tail, 1e-9);
        assertEquals(301, taps.delays().length, "the direct sound and 300 cells of 1 ms");
    }

    @Test
    void aClipKeepsItsLengthAndLoudnessAndTheSameRoomGivesTheSameSound() {
        float[] clip = new float[RATE];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 4000; i < 8000; i++) {
            clip[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE) * (0.5 + 0.5 * r.nextDouble()));
        }
        RoomReverb reverb = new RoomReverb(RATE, 0.1, 0.6, 0, 15);
        float[] wet = reverb.apply(clip, new SplittableRandom(9));
        assertEquals(clip.length, wet.length);
        assertEquals(rms(clip), rms(wet), rms(clip) * 1e-4);
        assertArrayEquals(wet, reverb.apply(clip, new SplittableRandom(9)));
        assertFalse(Arrays.equals(wet, reverb.apply(clip, new SplittableRandom(10))));
        // The room rings on after the tone stops; the input is silent there.
        assertTrue(rms(Arrays.copyOfRange(wet, 8100, 8800)) > 1e-3, "a reverberant tail after the word");
        float[] original = clip.clone();
        reverb.apply(clip, new SplittableRandom(9));
        assertArrayEquals(original, clip, "the input is not modified");
    }

    @Test
    void impossibleRoomsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RoomReverb(RATE, 0, 0.5, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RoomReverb(RATE, 0.5, 0.2, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RoomReverb(RATE, 0.1, 0.5, 10, 0));
    }

    private static int firstBelow(double[] curve, double level) {
        for (int i = 0; i < curve.length; i++) {
            if (curve[i] < level) {
                return i;
            }
        }
        return curve.length;
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }
}
