package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.deploy.DeployFormat;
import dev.littlebrain.impulse.deploy.DeployFormats;
import dev.littlebrain.impulse.deploy.DeployOptions;
import dev.littlebrain.impulse.deploy.DeployResult;
import dev.littlebrain.impulse.deploy.Deployment;
import dev.littlebrain.impulse.report.WorkflowText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--symbol", defaultValue = DeployOptions.DEFAULT_SYMBOL,
            description = "C array name for c-array (default: ${DEFAULT-VALUE}).")
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
        return CommandLock.holding(modelFile == null ? ImpulseProject.find(project).map(ImpulseProject::dir)
                : Optional.empty(), spec, this::callLocked);
    }

    private int callLocked() throws IOException {
        DeployFormat f = DeployFormats.find(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown --format '" + format + "'; choose " + DeployFormats.choices()));
        if (modelFile != null && project != null) {
            throw new ParameterException(spec.commandLine(), "give either MODEL.tflite or --project DIR, not both");
        }
        if (labels != null && modelFile == null) {
            throw new ParameterException(spec.commandLine(),
                    "--labels is for a MODEL.tflite export; a --project export carries the labels it was trained on");
        }
        DeployOptions options = DeployOptions.DEFAULTS.withSymbol(symbol).withLabels(labels == null ? List.of() : labels)
                .withContinuous(continuous::config);
        if (libraryName != null) {
            options = options.withLibraryName(libraryName);
        }
        DeployResult result;
        if (modelFile != null) {
            result = Deployment.ofModel(modelFile, f, out, options);
        } else {
            ImpulseProject impulse = ImpulseProject.find(project).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "give MODEL.tflite or --project DIR (no " + ImpulseConfig.FILE_NAME
                            + " in the current directory)"));
            result = Deployment.ofProject(impulse, f, out, options);
        }
        WorkflowText.printDeployed(result, spec.commandLine().getOut());
        return 0;
    }
}
