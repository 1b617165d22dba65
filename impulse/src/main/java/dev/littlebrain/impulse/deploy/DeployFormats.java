package dev.littlebrain.impulse.deploy;

import dev.littlebrain.deploy.ArduinoLibraryExport;
import dev.littlebrain.deploy.CArrayExport;
import dev.littlebrain.deploy.ImpulseCExport;
import dev.littlebrain.deploy.StandaloneCGenerator;
import dev.littlebrain.deploy.TfliteExport;
import dev.littlebrain.deploy.TflmLibraryExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every deploy format, in the order {@code deploy --help} lists them. A new format is one entry here plus its
 * generator in {@code deploy}.
 */
public final class DeployFormats {
    /** The model file as it is. */
    public static final DeployFormat TFLITE = new DeployFormat("tflite", "TensorFlow Lite flatbuffer",
            "the .tflite file, byte for byte", Set.of(),
            (job, dir) -> List.of(TfliteExport.copy(job.bytes(), dir, job.source())));

    /** The model file's bytes as a C array, for TensorFlow Lite Micro's own application code. */
    public static final DeployFormat C_ARRAY = new DeployFormat("c-array", "C array for TensorFlow Lite Micro",
            CArrayExport.HEADER + " and " + CArrayExport.SOURCE + " holding the .tflite bytes",
            Set.of(DeployOption.SYMBOL),
            (job, dir) -> CArrayExport.write(job.bytes(), job.symbol(), job.source(), dir));

    /** Plain C99 without an interpreter; from a project, with its DSP block and classifier wrapper. */
    public static final DeployFormat C_STANDALONE = new DeployFormat("c-standalone", "Standalone C99",
            "lb_model.*, lb_kernels.* (static arena, no interpreter, no malloc); from a project also lb_dsp.* and"
                    + " lb_classifier.*", Set.of(DeployOption.LABELS, DeployOption.CONTINUOUS),
            DeployFormats::standalone);

    /** A TensorFlow Lite Micro C++ library around the model. */
    public static final DeployFormat TFLM_CPP = new DeployFormat("tflm-cpp", "TensorFlow Lite Micro C++ library",
            "the C array, an op resolver with only the model's ops, a sized arena and lb_invoke; from a project also"
                    + " lb_dsp.* and lb_classifier.*", Set.of(DeployOption.LABELS, DeployOption.CONTINUOUS),
            (job, dir) -> TflmLibraryExport.write(job.model(), job.source(), job.labels(), dir, frontEndFiles(job)));

    /** The TensorFlow Lite Micro library as an Arduino library zip. */
    public static final DeployFormat ARDUINO = new DeployFormat("arduino", "Arduino library",
            "NAME.zip: the tflm-cpp library with an example sketch, for the Arduino IDE",
            Set.of(DeployOption.LABELS, DeployOption.CONTINUOUS, DeployOption.LIBRARY_NAME),
            (job, dir) -> List.of(ArduinoLibraryExport.write(job.model(), job.source(), job.labels(),
                    job.libraryName().orElseGet(() -> ArduinoLibraryExport.libraryName(job.name())), dir,
                    frontEndFiles(job))));

    private static final List<DeployFormat> ALL = List.of(TFLITE, C_ARRAY, C_STANDALONE, TFLM_CPP, ARDUINO);

    private DeployFormats() {
    }

    /** Every format, in a fixed order. */
    public static List<DeployFormat> all() {
        return ALL;
    }

    /** The format called {@code name}, in any case and with {@code _} for {@code -} ({@code C_ARRAY} is c-array). */
    public static Optional<DeployFormat> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return ALL.stream().filter(f -> f.name().equals(wanted)).findFirst();
    }

    /** The names as a person reads a choice: "a, b or c". */
    public static String choices() {
        List<String> names = ALL.stream().map(DeployFormat::name).toList();
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + names.get(names.size() - 1);
    }

    /** The model alone, or (from a project) the whole impulse: model, DSP block and classifier wrapper. */
    private static List<Path> standalone(ExportJob job, Path dir) throws IOException {
        if (job.frontEnd().isEmpty()) {
            return StandaloneCGenerator.write(job.model(), job.source(), job.labels(), dir);
        }
        ImpulseFrontEnd f = job.frontEnd().get();
        return ImpulseCExport.write(job.model(), job.source(), f.block(), f.windowSamples(), f.config(),
                f.settingsSource(), dir);
    }

    /** A back end's front end: the project's DSP and wrapper on the back end's lb_invoke; none for a bare model. */
    private static Map<String, String> frontEndFiles(ExportJob job) {
        return job.frontEnd().map(f -> f.files(job.model(), job.source())).orElse(Map.of());
    }
}
