package dev.littlebrain.cli.commands;

import dev.littlebrain.deploy.ArduinoLibraryExport;
import dev.littlebrain.deploy.CArrayExport;
import dev.littlebrain.deploy.StandaloneCGenerator;
import dev.littlebrain.deploy.TfliteExport;
import dev.littlebrain.deploy.TflmLibraryExport;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code littlebrain deploy MODEL.tflite --format FORMAT --out DIR}: a model as files for a device build. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Export a model for a device: the .tflite file, a C array for TensorFlow Lite Micro, a TFLM C++"
                + " library (tflm-cpp: op resolver with only the model's ops, sized arena, lb_invoke), the same as an"
                + " Arduino library zip (arduino), or plain C99 with no interpreter (c-standalone).")
public final class DeployCommand implements Callable<Integer> {

    /** Export formats. */
    enum Format { tflite, c_array, c_standalone, tflm_cpp, arduino }

    @Parameters(index = "0", paramLabel = "MODEL.tflite")
    Path modelFile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "tflite, c-array, c-standalone, tflm-cpp or arduino")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--symbol", defaultValue = "g_model", description = "C array name for c-array (default: ${DEFAULT-VALUE}).")
    String symbol;

    @Option(names = "--library-name", paramLabel = "NAME",
            description = "Arduino library name (default: LittleBrain_ and the model file's name).")
    String libraryName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Format f = parseFormat();
        Model model = TfliteReader.read(modelFile);
        String source = modelFile.getFileName().toString();
        List<Path> written = switch (f) {
            case tflite -> List.of(TfliteExport.write(model, out, source));
            case c_array -> CArrayExport.write(TfliteWriter.write(model), symbol, source, out);
            case c_standalone -> StandaloneCGenerator.write(model, source, out);
            case tflm_cpp -> TflmLibraryExport.write(model, source, out);
            case arduino -> List.of(ArduinoLibraryExport.write(model, source,
                    libraryName != null ? libraryName : ArduinoLibraryExport.libraryName(source), out));
        };
        PrintWriter o = spec.commandLine().getOut();
        for (Path p : written) {
            o.println("wrote " + p);
        }
        o.flush();
        return 0;
    }

    private Format parseFormat() {
        try {
            return Format.valueOf(format.toLowerCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format
                    + "'; choose tflite, c-array or c-standalone");
        }
    }
}
