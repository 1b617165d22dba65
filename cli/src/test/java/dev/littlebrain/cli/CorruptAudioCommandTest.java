package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: an all-NaN float WAV was classified as a keyword without a word, and a WAV cut off after 500 of its
 * 16,000 samples was read as if whole. Every command that reads a WAV now stops with one line naming it.
 */
class CorruptAudioCommandTest {

    @Test
    void classifyDspAndReplayRefuseNanAndTruncatedAudio(@TempDir Path tmp) throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path p = tmp.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        Files.createDirectories(p.resolve("models"));
        Files.copy(model, p.resolve("models/model_int8.tflite"));
        Files.writeString(p.resolve("models/training.json"), "{\"labels\": [\"yes\",\"no\",\"_unknown_\",\"_noise_\"]}");

        float[] nan = new float[16000];
        Arrays.fill(nan, Float.NaN);
        Path nanWav = tmp.resolve("nan.wav");
        Files.write(nanWav, WavWriter.encode(Signal.mono(16000, nan), WavEncoding.FLOAT32));
        float[] tone = new float[16000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(i * 0.1));
        }
        byte[] whole = WavWriter.encode(Signal.mono(16000, tone), WavEncoding.PCM_S16);
        Path cutWav = tmp.resolve("cut.wav");
        Files.write(cutWav, Arrays.copyOf(whole, whole.length - 2 * 15500));

        for (Path wav : List.of(nanWav, cutWav)) {
            String why = wav == nanWav ? "NaN" : "truncated";
            List<CliRun> runs = List.of(
                    CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b,c,d"),
                    CliRun.of("classify", wav.toString(), "--project", p.toString(), "--stream"),
                    CliRun.of("dsp", "mfcc", wav.toString(), "--out", tmp.resolve("f.csv").toString()),
                    CliRun.of("listen", "--project", p.toString(), "--replay", wav.toString()));
            for (CliRun run : runs) {
                assertEquals(1, run.exitCode(), run.out());
                assertEquals(1, run.err().lines().count(), run.err());
                assertTrue(run.err().contains(wav.toString()) && run.err().contains(why), run.err());
                assertFalse(run.out().contains("label"), run.out());
            }
        }
        assertFalse(Files.exists(tmp.resolve("f.csv")));
    }
}
