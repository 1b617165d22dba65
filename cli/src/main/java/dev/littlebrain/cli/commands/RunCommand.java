package dev.littlebrain.cli.commands;

import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.InterpreterOptions;
import dev.littlebrain.runtime.OpProfile;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        int inputBytes = 0;
        for (int i = 0; i < interpreter.inputCount(); i++) {
            inputBytes += interpreter.input(i).byteSize();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int n = 0; n < inputs.size(); n++) {
            Path in = inputs.get(n);
            byte[] bytes = Files.readAllBytes(in);
            if (bytes.length != inputBytes) {
                throw new IllegalArgumentException(in + ": holds " + bytes.length + " bytes but the model's inputs take "
                        + inputBytes + " bytes (" + describeInputs(interpreter) + ")");
            }
            int offset = 0;
            for (int i = 0; i < interpreter.inputCount(); i++) {
                interpreter.input(i).copyFrom(bytes, offset);
                offset += interpreter.input(i).byteSize();
            }
            interpreter.invoke();
            if (outputs.isEmpty()) {
                printOutputs(out, in, interpreter);
            } else {
                AtomicFiles.write(outputs.get(n), concatenatedOutputs(interpreter));
            }
        }
        if (profile) {
            printProfile(out, interpreter);
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

    private static String describeInputs(Interpreter interpreter) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < interpreter.inputCount(); i++) {
            TensorView t = interpreter.input(i);
            parts.add(java.util.Arrays.toString(t.shape()) + " " + t.type().dtypeName());
        }
        return String.join(" + ", parts);
    }

    private static byte[] concatenatedOutputs(Interpreter interpreter) {
        int total = 0;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            total += interpreter.output(i).byteSize();
        }
        byte[] out = new byte[total];
        int offset = 0;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            TensorView t = interpreter.output(i);
            System.arraycopy(t.data(), t.offset(), out, offset, t.byteSize());
            offset += t.byteSize();
        }
        return out;
    }

    private static void printOutputs(PrintWriter out, Path input, Interpreter interpreter) {
        out.println(input + ":");
        for (int i = 0; i < interpreter.outputCount(); i++) {
            TensorView t = interpreter.output(i);
            StringBuilder raw = new StringBuilder();
            StringBuilder real = new StringBuilder();
            int best = 0;
            for (int e = 0; e < t.elementCount(); e++) {
                if (e > 0) {
                    raw.append(", ");
                    real.append(", ");
                }
                raw.append(t.type() == TensorType.FLOAT32 ? String.format(Locale.ROOT, "%.6g", t.float32(e))
                        : String.valueOf(t.integer(e)));
                real.append(String.format(Locale.ROOT, "%.5f", t.real(e)));
                if (t.real(e) > t.real(best)) {
                    best = e;
                }
            }
            out.printf("  output %d '%s' %s %s: [%s]%n", i, t.name(), java.util.Arrays.toString(t.shape()),
                    t.type().dtypeName(), raw);
            if (t.type() != TensorType.FLOAT32 && t.quantization().isPresent()) {
                out.printf("    dequantized: [%s]%n", real);
            }
            out.printf("    arg-max: %d%n", best);
        }
    }

    private static void printProfile(PrintWriter out, Interpreter interpreter) {
        out.println("Profile (" + inputs(interpreter) + "):");
        out.printf("  %3s  %-20s %12s %14s%n", "#", "op", "µs/invoke", "MACs");
        double total = 0;
        for (OpProfile p : interpreter.profile()) {
            out.printf(Locale.ROOT, "  %3d  %-20s %12.1f %,14d%n", p.index(), p.op(), p.microsPerInvoke(), p.macs());
            total += p.microsPerInvoke();
        }
        out.printf(Locale.ROOT, "  total %.1f µs per inference, %,d MACs%n", total, interpreter.macs());
    }

    private static String inputs(Interpreter interpreter) {
        return interpreter.profile().isEmpty() ? "no runs" : interpreter.profile().get(0).invocations() + " runs";
    }
}
