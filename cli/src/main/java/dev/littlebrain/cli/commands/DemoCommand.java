package dev.littlebrain.cli.commands;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job, end to end: (1) every model of the conformance suite is loaded, planned, run on its
 * examples and checked byte for byte against TensorFlow Lite Micro's outputs; (2) a keyword-spotting
 * impulse is built from the espeak-kws dataset exactly as a user would, with the same commands —
 * init, data import, features, train, test, deploy (standalone C) and profile.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end demo: TFLite Micro-exact inference on the conformance models, then a"
                + " keyword spotter from data to int8 model, confusion matrix and C code.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--conformance", paramLabel = "DIR",
            description = "Conformance cases folder (default: ../shared/conformance next to the repository).")
    Path conformance;

    @Option(names = "--dataset", paramLabel = "DIR",
            description = "Speech Commands-layout dataset (default: ../shared/datasets/espeak-kws).")
    Path dataset;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = "demo-kws",
            description = "Where the keyword-spotting project is built (default: ${DEFAULT-VALUE}).")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int conformanceResult = conformance();
        int pipelineResult = keywordSpotting();
        return conformanceResult != 0 ? conformanceResult : pipelineResult;
    }

    private int keywordSpotting() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = dataset != null ? dataset : findShared("datasets/espeak-kws");
        out.println();
        if (data == null || !Files.isDirectory(data)) {
            out.println("No keyword dataset found (looked for ../shared/datasets/espeak-kws); pass --dataset DIR.");
            out.flush();
            return 1;
        }
        if (Files.exists(project)) {
            deleteTree(project);
        }
        String p = project.toString();
        String[][] steps = {
            {"init", "kws", p},
            {"data", "import", data.toString(), "--keywords", "yes,no", "--unknown", "--noise", "--out",
                project.resolve("data").toString()},
            {"features", "--project", p},
            {"train", "--project", p},
            {"test", "--project", p},
            {"deploy", project.resolve("models/model_int8.tflite").toString(), "--format", "c-standalone", "--out",
                project.resolve("build/c-standalone").toString()},
            {"profile", project.resolve("models/model_int8.tflite").toString(), "--target", "nano33ble",
                "--window-bytes", "32000", "--slice-ms", "250"},
        };
        for (String[] step : steps) {
            out.println("$ littlebrain " + String.join(" ", step));
            out.flush();
            int code = dev.littlebrain.cli.LittleBrain.run(step, out, err);
            if (code != 0) {
                out.println("demo stopped: step failed with exit code " + code);
                out.flush();
                return code;
            }
            out.println();
        }
        out.println("Keyword spotter built in " + project.toAbsolutePath().normalize()
                + ": models/, reports/training.png, build/c-standalone/.");
        out.flush();
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private int conformance() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = conformance != null ? conformance : findShared("conformance");
        if (root == null || !Files.isDirectory(root)) {
            out.println("No conformance cases found (looked for ../shared/conformance); pass --conformance DIR.");
            out.flush();
            return 1;
        }
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        }
        out.println("LittleBrain runtime vs TensorFlow Lite Micro reference outputs (" + root + ")");
        out.printf("%-28s %4s %9s %9s %11s %10s  %s%n", "model", "ops", "arena B", "greedy B", "MACs",
                "µs/infer", "result");
        int failures = 0;
        for (Path dir : cases) {
            String result;
            Model model = TfliteReader.read(dir.resolve("model.tflite"));
            Interpreter interpreter = new Interpreter(model);
            int examples = 0;
            int exact = 0;
            double worstFloatDiff = 0;
            byte[] firstInput = null;
            for (int k = 0; Files.exists(dir.resolve("input_" + k + ".bin")); k++) {
                byte[] input = Files.readAllBytes(dir.resolve("input_" + k + ".bin"));
                firstInput = firstInput == null ? input : firstInput;
                byte[] expected = Files.readAllBytes(dir.resolve("output_" + k + ".bin"));
                feed(interpreter, input);
                interpreter.invoke();
                byte[] actual = outputs(interpreter);
                examples++;
                if (Arrays.equals(expected, actual)) {
                    exact++;
                } else if (isFloat(interpreter)) {
                    worstFloatDiff = Math.max(worstFloatDiff, maxFloatDiff(expected, actual));
                }
            }
            boolean floatModel = isFloat(interpreter);
            boolean pass = exact == examples || (floatModel && worstFloatDiff <= 1e-5);
            failures += pass ? 0 : 1;
            result = (pass ? "PASS " : "FAIL ") + exact + "/" + examples + " byte-identical"
                    + (floatModel && exact < examples ? String.format(Locale.ROOT, ", rest within %.1e", worstFloatDiff) : "");
            double micros = firstInput == null ? 0 : timeInvoke(interpreter, firstInput);
            out.printf(Locale.ROOT, "%-28s %4d %,9d %,9d %,11d %10.1f  %s%n", dir.getFileName(),
                    model.mainSubgraph().operators().size(), interpreter.arenaBytes(), interpreter.greedyArenaBytes(),
                    interpreter.macs(), micros, result);
            out.flush();
        }
        out.println(failures == 0 ? "All models match TensorFlow Lite Micro." : failures + " model(s) differ.");
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /** A folder of the workspace's shared/ next to the repository (or the working directory's parents). */
    private static Path findShared(String sub) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void feed(Interpreter interpreter, byte[] input) {
        int offset = 0;
        for (int i = 0; i < interpreter.inputCount(); i++) {
            TensorView t = interpreter.input(i);
            t.copyFrom(input, offset);
            offset += t.byteSize();
        }
    }

    private static byte[] outputs(Interpreter interpreter) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < interpreter.outputCount(); i++) {
            out.writeBytes(interpreter.output(i).bytes());
        }
        return out.toByteArray();
    }

    private static boolean isFloat(Interpreter interpreter) {
        return interpreter.output(0).type() == dev.littlebrain.tflite.TensorType.FLOAT32;
    }

    private static double maxFloatDiff(byte[] a, byte[] b) {
        ByteBuffer x = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer y = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        double max = 0;
        for (int i = 0; i + 4 <= Math.min(a.length, b.length); i += 4) {
            max = Math.max(max, Math.abs(x.getFloat(i) - y.getFloat(i)));
        }
        return max;
    }

    /** A quick figure for the table (the JMH benchmark gives the careful one). */
    private static double timeInvoke(Interpreter interpreter, byte[] input) {
        feed(interpreter, input);
        long deadline = System.nanoTime() + 200_000_000L;
        int warm = 0;
        while (System.nanoTime() < deadline) {
            interpreter.invoke();
            warm++;
        }
        int runs = Math.max(10, warm);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            interpreter.invoke();
        }
        return (System.nanoTime() - start) / 1000.0 / runs;
    }
}
