package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy --project DIR --format c-standalone}: the project's int8 model, its DSP block and the
 * classifier wrapper, which compile warning-free with gcc; usage and input errors exit 2 and 1 with one
 * line and write nothing. (The C's numbers are checked against Java in the deploy module's tests.)
 */
class DeployProjectCommandTest {
    static final List<String> FILES = List.of("lb_model.h", "lb_model.c", "lb_kernels.h", "lb_kernels.c", "lb_dsp.h",
            "lb_dsp.c", "lb_classifier.h", "lb_classifier.c");

    /** A kws project (mfcc defaults, 1 s at 16 kHz: 650 features) holding a 650-input conformance model as its own. */
    static Path kwsProject(Path tmp) throws IOException {
        Path p = tmp.resolve("kws");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        Files.createDirectories(p.resolve("models"));
        Files.copy(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"),
                p.resolve("models/model_int8.tflite"));
        Files.writeString(p.resolve("models/training.json"), "{\"labels\": [\"yes\", \"no\", \"_unknown_\", \"_noise_\"]}");
        return p;
    }

    @Tag("toolchain")
    @Test
    void exportsModelDspAndClassifier(@TempDir Path tmp) throws Exception {
        Path project = kwsProject(tmp);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("deploy", "--project", project.toString(), "--format", "c-standalone", "--out",
                out.toString(), "--threshold", "0.6");
        assertEquals(0, r.exitCode(), r.err());
        for (String f : FILES) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
            assertTrue(r.out().contains(out.resolve(f).toString()), r.out());
        }
        String dsp = Files.readString(out.resolve("lb_dsp.c"));
        assertTrue(dsp.contains("impulse.yaml") && dsp.contains("DSP block mfcc MfccConfig[implementationVersion=4,"
                + " numCepstral=13"), dsp.substring(0, 400));
        String classifier = Files.readString(out.resolve("lb_classifier.c"));
        assertTrue(classifier.contains("{\"yes\", \"no\", \"_unknown_\", \"_noise_\"}"), classifier);
        assertTrue(classifier.contains("#define LB_THRESHOLD (0x1.333334p-1f)"), "threshold 0.6");
        assertTrue(classifier.contains("static const unsigned char lb_silent[LB_LABEL_COUNT] = {0, 0, 1, 1};"));
        assertTrue(Files.readString(out.resolve("lb_classifier.h")).contains("#define LB_SLICE_SAMPLES 4000"));
        compiles(out);
    }

    @Test
    void tflmAndArduinoExportsCarryTheDspAndClassifier(@TempDir Path tmp) throws Exception {
        Path project = kwsProject(tmp);
        Path out = tmp.resolve("tflm");
        CliRun r = CliRun.of("deploy", "--project", project.toString(), "--format", "tflm-cpp", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("lb_model.h", "lb_tflm.cpp", "model_data.c", "lb_dsp.c", "lb_classifier.c")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        CliRun a = CliRun.of("deploy", "--project", project.toString(), "--format", "arduino", "--out",
                tmp.resolve("ard").toString());
        assertEquals(0, a.exitCode(), a.err());
        Path zip = tmp.resolve("ard/LittleBrain_kws.zip");
        assertTrue(Files.isRegularFile(zip), a.out());
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.contains("LittleBrain_kws/src/lb_classifier.c") && names.contains("LittleBrain_kws/src/lb_dsp.c"),
                names.toString());
    }

    @Test
    void modelArgumentStillExportsTheModelAlone(@TempDir Path tmp) throws Exception {
        Path project = kwsProject(tmp);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("deploy", project.resolve("models/model_int8.tflite").toString(), "--format",
                "c-standalone", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("lb_model.c")));
        assertFalse(Files.exists(out.resolve("lb_dsp.c")));
    }

    @Test
    void errorsAreOneLineAndWriteNothing(@TempDir Path tmp) throws Exception {
        Path project = kwsProject(tmp);
        Path out = tmp.resolve("out");
        // Both a model and a project, a --slices that does not divide the window: usage errors.
        CliRun both = CliRun.of("deploy", project.resolve("models/model_int8.tflite").toString(), "--project",
                project.toString(), "--format", "c-standalone", "--out", out.toString());
        assertEquals(2, both.exitCode(), both.err());
        CliRun slices = CliRun.of("deploy", "--project", project.toString(), "--format", "c-standalone", "--out",
                out.toString(), "--slices", "7");
        assertEquals(2, slices.exitCode(), slices.err());
        assertTrue(slices.err().contains("--slices 7 must divide the window"), slices.err());

        // A DSP whose features do not fit the model: bad input, one line, and the folder stays empty.
        Files.writeString(project.resolve("impulse.yaml"), Files.readString(project.resolve("impulse.yaml"))
                .replace("block: mfcc", "block: mfe"));
        CliRun mismatch = CliRun.of("deploy", "--project", project.toString(), "--format", "c-standalone", "--out",
                out.toString());
        assertEquals(1, mismatch.exitCode());
        assertEquals(1, mismatch.err().strip().lines().count(), mismatch.err());
        assertTrue(mismatch.err().contains("3960 features") && mismatch.err().contains("takes 650"), mismatch.err());
        assertFalse(Files.exists(out.resolve("lb_model.c")), "nothing written after a refused export");

        Files.delete(project.resolve("models/model_int8.tflite"));
        CliRun missing = CliRun.of("deploy", "--project", project.toString(), "--format", "c-standalone", "--out",
                out.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("model_int8.tflite is missing") && missing.err().contains("train"),
                missing.err());

        Path motion = tmp.resolve("motion");
        assertEquals(0, CliRun.of("init", "motion", motion.toString()).exitCode());
        Files.createDirectories(motion.resolve("models"));
        Files.copy(SharedFolder.require("conformance").resolve("dense_gesture_int8/model.tflite"),
                motion.resolve("models/model_int8.tflite"));
        Files.writeString(motion.resolve("models/training.json"), "{\"labels\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}");
        // Sensor impulses export too (SensorDeployProjectTest); this model was not trained on the block's features.
        CliRun motionMismatch = CliRun.of("deploy", "--project", motion.toString(), "--format", "c-standalone",
                "--out", out.toString());
        assertEquals(1, motionMismatch.exitCode());
        assertEquals(1, motionMismatch.err().strip().lines().count(), motionMismatch.err());
        assertTrue(motionMismatch.err().contains("39 features") && motionMismatch.err().contains("takes 600"),
                motionMismatch.err());
    }

    /** gcc -std=c99 -Wall -Wextra -Werror -c on every source; skipped with a printed reason without gcc. */
    private static void compiles(Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-c"));
        for (String f : FILES) {
            if (f.endsWith(".c")) {
                cmd.add(f);
            }
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("skipped compiling the export: gcc not found on PATH");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertEquals("", log.strip(), "warnings");
    }
}
