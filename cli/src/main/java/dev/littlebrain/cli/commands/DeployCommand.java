package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.deploy.ArduinoLibraryExport;
import dev.littlebrain.deploy.CArrayExport;
import dev.littlebrain.deploy.ImpulseCExport;
import dev.littlebrain.deploy.StagedExport;
import dev.littlebrain.deploy.StandaloneCGenerator;
import dev.littlebrain.deploy.TfliteExport;
import dev.littlebrain.deploy.TflmLibraryExport;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain deploy MODEL.tflite --format FORMAT --out DIR}: a model as files for a device build;
 * {@code littlebrain deploy --project DIR --format c-standalone --out OUT}: the project's whole impulse
 * (int8 model, DSP block and classifier wrapper) as plain C99.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Export a model for a device: the .tflite file, a C array for TensorFlow Lite Micro, a TFLM C++"
                + " library (tflm-cpp: op resolver with only the model's ops, sized arena, lb_invoke), the same as an"
                + " Arduino library zip (arduino), or plain C99 with no interpreter (c-standalone). With --project"
                + " instead of MODEL: the project's int8 model with its DSP block (mfcc, mfe, spectrogram,"
                + " spectral-analysis, raw, trajectory) and the classifier wrapper (run_classifier,"
                + " run_classifier_continuous).")
public final class DeployCommand implements Callable<Integer> {

    /** Export formats. */
    enum Format { tflite, c_array, c_standalone, tflm_cpp, arduino }

    /** The project's model, as {@code littlebrain train} writes it. */
    static final String PROJECT_MODEL = ProjectLayout.INT8_MODEL;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.tflite",
            description = "The model; omit it to export the project's (--project, or the current directory).")
    Path modelFile;

    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder to export instead of MODEL.")
    Path project;

    /** Project exports: run_classifier_continuous's settings, the project's continuous: unless given. */
    @picocli.CommandLine.Mixin
    ContinuousOptions continuous;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "tflite, c-array, c-standalone, tflm-cpp or arduino")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder. Nothing is written"
            + " there unless the whole export succeeds; in an existing folder the export's files replace those of"
            + " the same names and everything else is left alone.")
    Path out;

    @Option(names = "--symbol", defaultValue = "g_model", description = "C array name for c-array (default: ${DEFAULT-VALUE}).")
    String symbol;

    @Option(names = "--library-name", paramLabel = "NAME",
            description = "Arduino library name (default: LittleBrain_ and the model file's name).")
    String libraryName;

    @Option(names = "--labels", split = ",", paramLabel = "A,B,...", description = "The output's labels, in score"
            + " order, for lb_model.h (LB_MODEL_LABELS) of c-standalone, tflm-cpp and arduino exports; one per output"
            + " score. --project exports carry the trained labels.")
    List<String> labels;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project.
        return CommandLock.holding(modelFile == null ? ImpulseProject.find(project).map(ImpulseProject::dir) : java.util.Optional.empty(), spec, this::callLocked);
    }

    private int callLocked() throws IOException {
        Format f = parseFormat();
        if (modelFile != null && project != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either MODEL.tflite or --project DIR, not both");
        }
        if (labels != null && modelFile == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--labels is for a MODEL.tflite export; a --project export carries the labels it was trained on");
        }
        ImpulseProject impulse = null;
        if (modelFile == null) {
            impulse = ImpulseProject.find(project).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "give MODEL.tflite or --project DIR (no " + ImpulseConfig.FILE_NAME
                            + " in the current directory)"));
        }
        Path file = impulse == null ? modelFile : impulse.dir().resolve(PROJECT_MODEL);
        if (impulse != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing; run 'littlebrain train --project "
                    + impulse.dir() + "' first");
        }
        Model model = TfliteReader.read(file);
        // tflite and c-array carry the file's own bytes: nothing to lose by re-serialising what was not modelled.
        byte[] bytes = Files.readAllBytes(file);
        String source = impulse == null ? modelFile.getFileName().toString() : PROJECT_MODEL;
        ImpulseProject project = impulse;
        // The byte-copy formats carry no header to put labels in.
        List<String> outputLabels = project == null ? (labels == null ? List.of() : labels)
                : f == Format.tflite || f == Format.c_array ? List.of() : labels(project);
        // Written aside and moved into --out only when complete: a full disk or an unsupported model
        // leaves --out as it was.
        List<Path> written = StagedExport.write(out, dir -> switch (f) {
            case tflite -> List.of(TfliteExport.copy(bytes, dir, source));
            case c_array -> CArrayExport.write(bytes, symbol, source, dir);
            case c_standalone -> project == null ? StandaloneCGenerator.write(model, source, outputLabels, dir)
                    : writeImpulse(project, model, dir);
            case tflm_cpp -> TflmLibraryExport.write(model, source, outputLabels, dir,
                    project == null ? Map.of() : frontEnd(project, model));
            case arduino -> List.of(ArduinoLibraryExport.write(model, source, outputLabels, libraryName != null ? libraryName
                    : ArduinoLibraryExport.libraryName(project == null ? source : projectName(project)), dir,
                    project == null ? Map.of() : frontEnd(project, model)));
        });
        PrintWriter o = spec.commandLine().getOut();
        for (Path p : written) {
            o.println("wrote " + p);
        }
        o.flush();
        return 0;
    }

    /** Model, DSP and classifier wrapper of the project, with the labels the model was trained on. */
    private List<Path> writeImpulse(ImpulseProject p, Model model, Path dir) throws IOException {
        Settings s = settings(p);
        return ImpulseCExport.write(model, PROJECT_MODEL, p.block(), s.windowSamples(), s.config(), s.source(), dir);
    }

    /** The project's DSP block and classifier wrapper in C, to run on another back end's lb_invoke. */
    private Map<String, String> frontEnd(ImpulseProject p, Model model) {
        Settings s = settings(p);
        return ImpulseCExport.frontEnd(model, PROJECT_MODEL, p.block(), s.windowSamples(), s.config(), s.source());
    }

    private static String projectName(ImpulseProject p) {
        Path name = p.dir().toAbsolutePath().normalize().getFileName();
        return name == null ? "impulse" : name.toString();
    }

    /** What the exported front end needs from the project and the options. */
    private record Settings(int windowSamples, ContinuousConfig config, String source) {
    }

    private Settings settings(ImpulseProject p) {
        ImpulseConfig.Input input = p.config().input();
        // Sensors: the window and slices count samples per axis; the exported C times the stream at the block's own
        // frequency (62.5 Hz stays 62.5), so the whole-Hz rate here only names the settings.
        int rate = Math.max(1, (int) Math.round(input.frequencyHz()));
        int windowSamples = p.windowSamples();
        List<String> labels;
        try {
            labels = labels(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ContinuousConfig config = continuous.config(rate, windowSamples, labels, p.config().continuous());
        return new Settings(windowSamples, config, p.layout().config().toString());
    }

    /** The labels of the model's outputs (see {@link ImpulseProject#modelLabels()}). */
    private static List<String> labels(ImpulseProject p) throws IOException {
        return p.trainedLabels();
    }

    private Format parseFormat() {
        try {
            return Format.valueOf(format.toLowerCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format
                    + "'; choose tflite, c-array, c-standalone, tflm-cpp or arduino");
        }
    }
}
