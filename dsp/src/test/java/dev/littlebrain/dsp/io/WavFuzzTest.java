package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged WAV files must give a SignalFormatException or a signal — nothing else, and never hang. */
class WavFuzzTest {
    private static byte[] seedFile(int variant) {
        float[] s = new float[variant == 0 ? 64 : 33 * 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i * 0.3) * 0.5f;
        }
        Signal signal = new Signal(16000, variant == 0 ? 1 : 2, s);
        if (variant == 0) {
            return WavWriter.encode(signal, WavEncoding.PCM_S16);
        }
        // Extensible 24-bit stereo with a LIST chunk in front of the data.
        byte[] plain = WavWriter.encode(signal, WavEncoding.PCM_S24);
        int dataAt = 12 + 8 + 40;
        byte[] list = new WavBytes().chunk("LIST", "INFOabc".getBytes()).build();
        byte[] out = new byte[plain.length + list.length - 12];
        System.arraycopy(plain, 0, out, 0, dataAt);
        System.arraycopy(list, 12, out, dataAt, list.length - 12);
        System.arraycopy(plain, dataAt, out, dataAt + list.length - 12, plain.length - dataAt);
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, out.length - 8);
        return out;
    }

    @Test
    void randomTruncationsAndBitFlipsOnlyGiveSignalFormatException() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Random random = new Random(20240601);
            for (int variant = 0; variant < 2; variant++) {
                byte[] valid = seedFile(variant);
                WavReader.decode(valid, "valid.wav"); // the seed itself is fine
                for (int round = 0; round < 4000; round++) {
                    byte[] damaged = Arrays.copyOf(valid, random.nextInt(4) == 0
                            ? random.nextInt(valid.length + 1) : valid.length);
                    int flips = 1 + random.nextInt(8);
                    for (int f = 0; f < flips && damaged.length > 0; f++) {
                        // Bias flips towards the header, where the interesting bugs live.
                        int at = random.nextInt(Math.min(damaged.length, random.nextBoolean() ? 80 : damaged.length));
                        damaged[at] ^= (byte) (1 << random.nextInt(8));
                    }
                    try {
                        WavReader.decode(damaged, "fuzz.wav");
                    } catch (SignalFormatException expected) {
                        // fine: a clear error
                    } catch (RuntimeException | OutOfMemoryError e) {
                        fail("round " + round + ": " + e + " for bytes " + Arrays.toString(
                                Arrays.copyOf(damaged, Math.min(damaged.length, 96))), e);
                    }
                }
            }
        });
    }
}
