package dev.littlebrain.deploy;

import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code tflite} deploy format: the model as a TFLite flatbuffer, written atomically. */
public final class TfliteExport {
    private TfliteExport() {
    }

    /** Writes {@code outDir/fileName} (a partially written file never replaces an existing one). */
    public static Path write(Model model, Path outDir, String fileName) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(fileName);
        TfliteWriter.write(model, target);
        return target;
    }
}
