package dev.littlebrain.cli.commands;

import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.report.ModelSummaryText;
import dev.littlebrain.runtime.ModelSummary;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code littlebrain inspect MODEL.tflite [--json]}: ops, tensors, size, compute and memory of a model. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a .tflite model's ops, tensors, parameters, MACs, weight bytes and arena bytes.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.tflite", description = "The model to inspect.")
    Path modelFile;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Model model = TfliteReader.read(modelFile);
        ModelSummary summary = ModelSummary.of(model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.indented().writeValueAsString(ModelSummaryText.json(modelFile, summary)));
        } else {
            ModelSummaryText.print(summary, out);
        }
        out.flush();
        return 0;
    }
}
