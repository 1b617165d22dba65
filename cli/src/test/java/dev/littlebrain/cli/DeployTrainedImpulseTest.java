package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyword spotter trained from espeak-kws (init, data import, features, train), exported with
 * {@code deploy --project --format c-standalone} and compiled with gcc (-Werror, then ASan/UBSan) with the
 * all-double DSP ({@code -DLB_DSP_DOUBLE_PRECISION}, bit-equal to the Java DSP): its
 * {@code run_classifier_continuous}, fed one 250 ms slice per call, detects exactly what
 * {@code classify --stream} (Java's StreamingClassifier) detects on the three test streams — label, time
 * and score bits.
 */
@Tag("slow")
@Tag("toolchain")
class DeployTrainedImpulseTest {
    private static final String THRESHOLD = "0.6";

    static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include "lb_classifier.h"

            static float slice[LB_SLICE_SAMPLES];

            int main(int argc, char **argv)
            {
                FILE *f;
                lb_result_t result;
                if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL) {
                    return 2;
                }
                run_classifier_init();
                while (fread(slice, sizeof(float), LB_SLICE_SAMPLES, f) == LB_SLICE_SAMPLES) {
                    if (run_classifier_continuous(slice, LB_SLICE_SAMPLES, &result) != LB_OK) {
                        return 3;
                    }
                    if (result.detected > 0) {
                        unsigned int bits;
                        memcpy(&bits, &result.detection.score, sizeof bits);
                        printf("%s %lld %08x\\n", result.detection.label, (long long) result.detection.time_ms, bits);
                    }
                }
                fclose(f);
                return 0;
            }
            """;

    @Test
    void exportedImpulseDetectsWhatJavaDetects(@TempDir Path tmp) throws Exception {
        requireGcc();
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        Path p = TrainedKwsProject.get().dir();

        Path out = tmp.resolve("c");
        CliRun deploy = CliRun.of("deploy", "--project", p.toString(), "--format", "c-standalone", "--out",
                out.toString(), "--threshold", THRESHOLD);
        assertEquals(0, deploy.exitCode(), deploy.err());
        Files.writeString(out.resolve("main.c"), MAIN);
        List<String> sources = List.of("main.c", "lb_classifier.c", "lb_dsp.c", "lb_model.c", "lb_kernels.c", "-lm");
        compile(out, "kws", List.of("-O2"), sources);
        compile(out, "kws_san", List.of("-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"),
                sources);

        List<String> labels = new ArrayList<>();
        new ObjectMapper().readTree(p.resolve("models/training.json").toFile()).get("labels")
                .forEach(n -> labels.add(n.asText()));
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        int total = 0;
        for (String name : List.of("stream_01.wav", "stream_02.wav", "stream_03.wav")) {
            Path wav = dataset.resolve("_streams_").resolve(name);
            CliRun classify = CliRun.of("classify", wav.toString(), "--model",
                    p.resolve("models/model_int8.tflite").toString(), "--labels", String.join(",", labels), "--stream",
                    "--threshold", THRESHOLD, "--json");
            assertEquals(0, classify.exitCode(), classify.err());
            List<String> java = new ArrayList<>();
            for (JsonNode d : exact.readTree(classify.out())) {
                float score = Float.parseFloat(d.get("score").decimalValue().toString());
                java.add(String.format(Locale.ROOT, "%s %d %08x", d.get("label").asText(), d.get("time_ms").asLong(),
                        Float.floatToRawIntBits(score)));
            }
            Path audio = out.resolve(name + ".f32");
            float[] samples = WavReader.read(wav).signal().toMono().toInt16Values();
            ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : samples) {
                b.putFloat(v);
            }
            Files.write(audio, b.array());
            for (String exe : List.of("kws", "kws_san")) {
                assertEquals(java, run(out, exe, audio), name + " (" + exe + ")");
            }
            System.out.println("C continuous = classify --stream, trained kws at " + THRESHOLD + ": " + name + " "
                    + java);
            total += java.size();
        }
        assertTrue(total > 0, "the trained spotter detects something at threshold " + THRESHOLD);
    }

    private static void requireGcc() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        String reason = "skipped: gcc not found on PATH";
        System.out.println(reason);
        Assumptions.assumeTrue(false, reason);
    }

    private static void compile(Path dir, String exe, List<String> flags, List<String> sources) throws Exception {
        // All-double DSP: bit-equal to Java's, so the detections can be compared bit for bit.
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror",
                "-DLB_DSP_DOUBLE_PRECISION"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-o", exe));
        cmd.addAll(sources);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertEquals("", log.strip(), "warnings");
    }

    private static List<String> run(Path dir, String exe, Path audio) throws Exception {
        Process p = new ProcessBuilder(dir.resolve(exe).toString(), audio.toString()).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
