package dev.littlebrain.impulse.deploy;

import dev.littlebrain.files.StagedFolder;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deploy service: a model file, or a project's int8 model with its impulse, exported in a {@link DeployFormat}.
 *
 * <p>The files are written aside and moved into the output folder only when the whole export is written
 * ({@link StagedFolder}): a full disk or a model the format cannot take leaves the folder as it was. In an existing
 * folder, the export's files replace those of the same names and nothing else there is touched.
 */
public final class Deployment {
    private Deployment() {
    }

    /** Exports the model in {@code modelFile} alone; the options' labels go into the formats that carry labels. */
    public static DeployResult ofModel(Path modelFile, DeployFormat format, Path outDir, DeployOptions options)
            throws IOException {
        Model model = TfliteReader.read(modelFile);
        String source = modelFile.getFileName().toString();
        ExportJob job = new ExportJob(model, Files.readAllBytes(modelFile), source, source, options.labels(),
                options.symbol(), options.libraryName(), Optional.empty());
        return write(format, outDir, job);
    }

    /**
     * Exports {@code project}'s int8 model with the labels it was trained on and, in the formats that carry it, the
     * impulse's DSP block and classifier wrapper.
     *
     * @throws IllegalArgumentException when the project has no int8 model, or its labels are needed and unknown
     */
    public static DeployResult ofProject(ImpulseProject project, DeployFormat format, Path outDir,
            DeployOptions options) throws IOException {
        if (!options.labels().isEmpty()) {
            throw new IllegalArgumentException("labels are for a bare model's export; a project's export carries"
                    + " the labels it was trained on");
        }
        Path file = project.layout().int8Model();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing; run 'littlebrain train --project "
                    + project.dir() + "' first");
        }
        Model model = TfliteReader.read(file);
        // tflite and c-array carry the file's own bytes: nothing to lose by re-serialising what was not modelled.
        byte[] bytes = Files.readAllBytes(file);
        List<String> labels = format.carriesLabels() ? project.trainedLabels() : List.of();
        Optional<ImpulseFrontEnd> frontEnd = format.carriesFrontEnd()
                ? Optional.of(frontEnd(project, labels, options.continuous())) : Optional.empty();
        ExportJob job = new ExportJob(model, bytes, ProjectLayout.INT8_MODEL, projectName(project), labels,
                options.symbol(), options.libraryName(), frontEnd);
        return write(format, outDir, job);
    }

    private static DeployResult write(DeployFormat format, Path outDir, ExportJob job) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(outDir + " is a file; the output of a deploy is a folder");
        }
        if (target.getParent() == null) {
            throw new IllegalArgumentException("the root folder cannot be the output of a deploy");
        }
        List<Path> written;
        // Into a firmware's source folder: only the export's own files are replaced, nothing else there is touched.
        try (StagedFolder staged = StagedFolder.create(outDir, StagedFolder.Guard.NONE)) {
            written = staged.commitInto(format.exporter().write(job, staged.path()));
        }
        List<DeployResult.File> files = new ArrayList<>();
        for (Path p : written) {
            files.add(new DeployResult.File(p, Files.size(p)));
        }
        return new DeployResult(format.name(), outDir, files);
    }

    /** The project's DSP block over its window, and the wrapper with {@code settings} applied. */
    private static ImpulseFrontEnd frontEnd(ImpulseProject p, List<String> labels, ContinuousSettings settings) {
        ImpulseConfig.Input input = p.config().input();
        // Sensors: the window and slices count samples per axis; the exported C times the stream at the block's own
        // frequency (62.5 Hz stays 62.5), so the whole-Hz rate here only names the settings.
        int rate = Math.max(1, (int) Math.round(input.frequencyHz()));
        int windowSamples = p.windowSamples();
        ContinuousConfig config = settings.config(rate, windowSamples, labels, p.config().continuous());
        return new ImpulseFrontEnd(p.block(), windowSamples, config, p.layout().config().toString());
    }

    /** What an Arduino library is named after: the project's folder. */
    private static String projectName(ImpulseProject p) {
        Path name = p.dir().toAbsolutePath().normalize().getFileName();
        return name == null ? "impulse" : name.toString();
    }
}
