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

    /**
     * Writes the model file's own bytes to {@code outDir/fileName}: byte for byte what the user gave, so a model
     * with fields this reader does not model (metadata, options of operators it does not run) exports unchanged.
     */
    public static Path copy(byte[] tflite, Path outDir, String fileName) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(fileName);
        dev.littlebrain.files.AtomicFiles.write(target, tflite);
        return target;
    }

    /** Writes {@code outDir/fileName} (a partially written file never replaces an existing one). */
    public static Path write(Model model, Path outDir, String fileName) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(fileName);
        TfliteWriter.write(model, target);
        return target;
    }
}
