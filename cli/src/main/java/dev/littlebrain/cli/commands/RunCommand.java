package dev.littlebrain.cli.commands;

import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.impulse.conformance.RawTensors;
import dev.littlebrain.impulse.report.InferenceText;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.InterpreterOptions;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain run MODEL --input IN.bin [--input ...] [--output OUT.bin ...]}: one inference per
 * input file. Files hold the raw little-endian bytes of all input (output) tensors concatenated in
 * order — the layout of {@code ../shared/conformance}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a .tflite model on raw input files with LittleBrain's TFLite Micro-exact runtime.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.tflite")
    Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "IN.bin",
            description = "Raw bytes of all input tensors, concatenated; one inference per file.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "OUT.bin",
            description = "Where to write the raw output bytes; one per --input. Without it, outputs are printed.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--arena", paramLabel = "BYTES|auto", defaultValue = "auto",
            description = "Tensor arena size in bytes (default: auto = what the model needs).")
    String arena;

    @Option(names = "--profile", description = "Print per-operator time and MACs.")
    boolean profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!outputs.isEmpty() && outputs.size() != inputs.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "got " + inputs.size() + " --input but "
                    + outputs.size() + " --output; give one --output per --input, or none to print results");
        }
        Model model = TfliteReader.read(modelFile);
        Interpreter interpreter = new Interpreter(model, InterpreterOptions.defaults()
                .withArenaBytes(arenaBytes()).withProfiling(profile));
        int inputBytes = RawTensors.inputBytes(interpreter);
        PrintWriter out = spec.commandLine().getOut();
        for (int n = 0; n < inputs.size(); n++) {
            Path in = inputs.get(n);
            byte[] bytes = Files.readAllBytes(in);
            if (bytes.length != inputBytes) {
                throw new IllegalArgumentException(in + ": holds " + bytes.length + " bytes but the model's inputs take "
                        + inputBytes + " bytes (" + RawTensors.describeInputs(interpreter) + ")");
            }
            RawTensors.feed(interpreter, bytes);
            interpreter.invoke();
            if (outputs.isEmpty()) {
                InferenceText.printOutputs(in, interpreter, out);
            } else {
                AtomicFiles.write(outputs.get(n), RawTensors.outputs(interpreter));
            }
        }
        if (profile) {
            InferenceText.printProfile(interpreter, out);
        }
        out.flush();
        return 0;
    }

    private int arenaBytes() {
        if (arena.equalsIgnoreCase("auto")) {
            return InterpreterOptions.AUTO;
        }
        try {
            int bytes = Integer.parseInt(arena.replace("_", ""));
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--arena must be a positive number of bytes or 'auto', got '" + arena + "'");
    }
}
