package dev.littlebrain.impulse.deploy;

import dev.littlebrain.tflite.Model;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link DeployFormat.Exporter} exports: one model, read and as its file's bytes, with what the deploy
 * resolved for it.
 *
 * @param bytes       the model file's own bytes (the byte-copy formats keep what the reader does not model)
 * @param source      the model's name in banners and file names (its file name, or the project's model path)
 * @param name        what a library is named after when no name is given (the model file or project folder)
 * @param labels      the output's labels, in score order; empty when unknown or when the format carries none
 * @param symbol      the C array's name
 * @param libraryName the library name asked for, else the format derives one from {@code name}
 * @param frontEnd    a project's DSP and classifier wrapper, for the formats that carry them
 */
public record ExportJob(Model model, byte[] bytes, String source, String name, List<String> labels, String symbol,
        Optional<String> libraryName, Optional<ImpulseFrontEnd> frontEnd) {

    public ExportJob {
        labels = List.copyOf(labels);
    }
}
