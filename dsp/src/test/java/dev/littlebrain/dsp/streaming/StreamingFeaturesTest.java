package dev.littlebrain.dsp.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Streaming must equal batch (<= 1e-6; in fact bit-identical) for every block and slice size. */
class StreamingFeaturesTest {
    private static final SignalSpec AUDIO = SignalSpec.audio(16000);
    private static final SignalSpec MOTION = new SignalSpec(62.5, List.of("accX", "accY", "accZ"));

    /** 3 s of int16-valued audio: chirp, digital silence, noise bursts and a loud tone. */
    private static float[] audio(int samples) {
        Random random = new Random(7);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / 16000.0;
            double v;
            int section = (i / 4000) % 6;
            switch (section) {
                case 0 -> v = 8000 * Math.sin(2 * Math.PI * (100 + 3000 * t) * t);
                case 1 -> v = 0;
                case 2 -> v = random.nextGaussian() * 3000;
                case 3 -> v = 30000 * Math.sin(2 * Math.PI * 1000 * t);
                case 4 -> v = random.nextGaussian() * 20;
                default -> v = 12000 * Math.sin(2 * Math.PI * 440 * t) + random.nextGaussian() * 500;
            }
            x[i] = (float) Math.max(-32768, Math.min(32767, Math.rint(v)));
        }
        return x;
    }

    private static float[] motion(int samples) {
        Random random = new Random(11);
        float[] x = new float[samples * 3];
        for (int i = 0; i < samples; i++) {
            double t = i / 62.5;
            x[3 * i] = (float) (Math.sin(2 * Math.PI * 2 * t) + 0.3 * Math.sin(2 * Math.PI * 7.5 * t)
                    + 0.05 * random.nextGaussian());
            x[3 * i + 1] = (float) (0.5 * Math.sin(2 * Math.PI * 3.3 * t) + 0.05 * random.nextGaussian());
            x[3 * i + 2] = (float) (9.81 + 1.2 * Math.sin(2 * Math.PI * 20 * t) + 0.05 * random.nextGaussian());
        }
        return x;
    }

    /** Streams {@code signal} in slices and compares every emitted window with batch processing. */
    private static double maxStreamingDiff(DspBlock block, float[] signal, int window, int slice) {
        int axes = block.signal().axisCount();
        StreamingFeatures stream = StreamingFeatures.create(block, window);
        double worst = 0;
        int windows = 0;
        for (int pos = 0; pos + slice <= signal.length / axes; pos += slice) {
            Optional<float[]> features = stream.push(Arrays.copyOfRange(signal, pos * axes, (pos + slice) * axes));
            int end = pos + slice;
            if (end < window) {
                assertTrue(features.isEmpty(), "no features before a full window");
                continue;
            }
            float[] batch = block.process(Arrays.copyOfRange(signal, (end - window) * axes, end * axes));
            float[] streamed = features.orElseThrow();
            assertEquals(batch.length, streamed.length);
            for (int i = 0; i < batch.length; i++) {
                worst = Math.max(worst, Math.abs(batch[i] - streamed[i]));
            }
            windows++;
        }
        assertTrue(windows >= 1, "at least one window emitted");
        return worst;
    }

    private static void assertStreamingEqualsBatch(String label, DspBlock block, float[] signal, int window,
                                                   int... slices) {
        for (int slice : slices) {
            double diff = maxStreamingDiff(block, signal, window, slice);
            System.out.printf("streaming %s window %d slice %d: max diff vs batch %.1e%n", label, window, slice, diff);
            assertTrue(diff <= 1e-6, label + " slice " + slice + " diff " + diff);
        }
    }

    @Tag("slow")
    @Test
    void audioBlocksOneSecondWindow() {
        float[] signal = audio(48000);
        // 250 ms, 500 ms, 1 s, plus one frame stride and a length that is not a multiple of the stride.
        int[] slices = {4000, 8000, 16000, 160, 1000};
        assertStreamingEqualsBatch("mfcc", DspBlocks.create("mfcc", AUDIO, Map.of()), signal, 16000, slices);
        assertStreamingEqualsBatch("mfcc-nocmvn", DspBlocks.create("mfcc", AUDIO, Map.of("win_size", "0")), signal,
                16000, slices);
        assertStreamingEqualsBatch("mfe", DspBlocks.create("mfe", AUDIO, Map.of()), signal, 16000, slices);
        assertStreamingEqualsBatch("spectrogram", DspBlocks.create("spectrogram", AUDIO, Map.of()), signal, 16000,
                slices);
    }

    @Test
    void audioBlocksOtherWindowsAndParameters() {
        float[] signal = audio(24000);
        // Half-second window: CMVN padding (50 frames) is longer than the 25 frames.
        assertStreamingEqualsBatch("mfcc-0.5s", DspBlocks.create("mfcc", AUDIO, Map.of()), signal, 8000, 1600, 8000);
        // Pre-emphasis shift longer than a stride: the first several frames wrap around.
        assertStreamingEqualsBatch("mfcc-shift700", DspBlocks.create("mfcc", AUDIO,
                Map.of("pre_shift", "700", "frame_stride", "0.01")), signal, 16000, 1600, 4000);
        // librosa-compatible mel: 512-sample frames every 320, Hann window.
        assertStreamingEqualsBatch("librosa-mel", DspBlocks.create("librosa-mel", AUDIO, Map.of("output", "mfcc")),
                signal, 16000, 3200, 4000);
        // Frames longer than the FFT and shorter than it.
        assertStreamingEqualsBatch("mfe-fft512", DspBlocks.create("mfe", AUDIO,
                Map.of("fft_length", "512", "frame_length", "0.025")), signal, 16000, 4000);
    }

    @Test
    void motionBlocksTwoSecondWindow() {
        float[] signal = motion(500);
        int[] slices = {1, 5, 25, 125};
        assertStreamingEqualsBatch("spectral-analysis", DspBlocks.create("spectral-analysis", MOTION, Map.of()),
                signal, 125, slices);
        assertStreamingEqualsBatch("spectral-lowpass", DspBlocks.create("spectral-analysis", MOTION,
                Map.of("filter_type", "low", "filter_cutoff", "8")), signal, 125, slices);
        assertStreamingEqualsBatch("raw", DspBlocks.create("raw", MOTION, Map.of("scale_axes", "0.5")), signal, 125,
                slices);
    }

    @Test
    void onlyNewFramesAreComputed() {
        float[] signal = audio(32000);
        StreamingFeatures mfe = StreamingFeatures.create(DspBlocks.create("mfe", AUDIO, Map.of()), 16000);
        StreamingFeatures spectrogram =
                StreamingFeatures.create(DspBlocks.create("spectrogram", AUDIO, Map.of()), 16000);
        for (int pos = 0; pos < 16000; pos += 4000) {
            float[] slice = Arrays.copyOfRange(signal, pos, pos + 4000);
            mfe.push(slice);
            spectrogram.push(slice);
        }
        assertEquals(99, mfe.framesComputed());
        assertEquals(99, spectrogram.framesComputed());
        float[] slice = Arrays.copyOfRange(signal, 16000, 20000);
        mfe.push(slice);
        spectrogram.push(slice);
        // 250 ms at a 10 ms stride = 25 new frames; MFE also redoes frame 0 (circular pre-emphasis).
        assertEquals(99 + 25 + 1, mfe.framesComputed());
        assertEquals(99 + 25, spectrogram.framesComputed());
    }

    @Test
    void resetStartsOver() {
        DspBlock block = DspBlocks.create("mfcc", AUDIO, Map.of());
        StreamingFeatures stream = StreamingFeatures.create(block, 16000);
        float[] signal = audio(32000);
        stream.push(Arrays.copyOfRange(signal, 0, 16000));
        stream.reset();
        assertTrue(stream.push(Arrays.copyOfRange(signal, 16000, 24000)).isEmpty());
        float[] features = stream.push(Arrays.copyOfRange(signal, 24000, 32000)).orElseThrow();
        assertEquals(Arrays.toString(block.process(Arrays.copyOfRange(signal, 16000, 32000))),
                Arrays.toString(features));
    }

    @Test
    void rejectsBadSlices() {
        StreamingFeatures motion =
                StreamingFeatures.create(DspBlocks.create("spectral-analysis", MOTION, Map.of()), 125);
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> motion.push(new float[4]));
        assertTrue(partial.getMessage().contains("3 axes"), partial.getMessage());
        StreamingFeatures audio = StreamingFeatures.create(DspBlocks.create("mfe", AUDIO, Map.of()), 16000);
        float[] bad = new float[160];
        bad[17] = Float.POSITIVE_INFINITY;
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class, () -> audio.push(bad));
        assertTrue(inf.getMessage().contains("sample 17"), inf.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StreamingFeatures.create(DspBlocks.create("mfcc", AUDIO, Map.of()), 100));
    }
}
