package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A float model stored as models/model_int8.tflite is not evaluated or profiled as the project's int8 model. */
class FloatModelAsInt8Test {

    @Test
    void testAndProfileRefuseAFloatModelInTheInt8SlotInOneLine(@TempDir Path tmp) throws Exception {
        Path p = projectWithModels(tmp, "dense_gesture_float");
        Path int8 = p.resolve("models/model_int8.tflite");
        for (String command : new String[] {"test", "profile"}) {
            CliRun run = CliRun.of(command, "--project", p.toString());
            assertEquals(1, run.exitCode(), command + ": " + run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(int8 + " holds a float32 model, not an int8 one"), run.err());
            assertFalse(run.out().contains("int8"), run.out());
        }
    }

    @Test
    void anInt8ModelPassesTheCheck(@TempDir Path tmp) throws Exception {
        Path p = projectWithModels(tmp, "dense_gesture_int8");
        // Past the model check, test stops at the missing features: the int8 model itself was accepted.
        CliRun run = CliRun.of("test", "--project", p.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertFalse(run.err().contains("not an int8 one"), run.err());
    }

    /** A motion project whose models/ holds the named conformance model as both model files. */
    private static Path projectWithModels(Path tmp, String conformanceCase) throws Exception {
        Path p = tmp.resolve("motion");
        assertEquals(0, CliRun.of("init", "motion", p.toString()).exitCode());
        Path model = SharedFolder.require("conformance").resolve(conformanceCase).resolve("model.tflite");
        Files.createDirectories(p.resolve("models"));
        Files.copy(model, p.resolve("models/model_float.tflite"));
        Files.copy(model, p.resolve("models/model_int8.tflite"));
        return p;
    }
}
