package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ProjectLayout;
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
 * init, data import, features, train, test, deploy (standalone C) and profile; (3) a motion impulse
 * the same way from accelerometer data the project generates itself. Parts (1) and (2) need the
 * workspace's {@code ../shared/}; without it they are skipped with a note and part (3) still runs, so
 * the demo works on a machine that has nothing but this repository.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end demo: TFLite Micro-exact inference on the conformance models, then a"
                + " keyword spotter and a motion classifier from data to int8 model, confusion matrix and C code.")
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

    @Option(names = "--motion-project", paramLabel = "DIR", defaultValue = "demo-motion",
            description = "Where the motion project is built (default: ${DEFAULT-VALUE}).")
    Path motionProject;

    /** The demo's parts. */
    enum Part { conformance, kws, motion }

    @Option(names = "--parts", split = ",", paramLabel = "PART[,PART...]",
            defaultValue = "conformance,kws,motion",
            description = "Which parts to run: conformance, kws, motion (default: all).")
    List<Part> parts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int result = 0;
        if (parts.contains(Part.conformance)) {
            result = conformance();
        }
        if (parts.contains(Part.kws)) {
            result = firstFailure(result, keywordSpotting());
        }
        if (parts.contains(Part.motion)) {
            result = firstFailure(result, motion());
        }
        return result;
    }

    private static int firstFailure(int a, int b) {
        return a != 0 ? a : b;
    }

    private int keywordSpotting() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataset != null ? dataset : findShared("datasets/espeak-kws");
        out.println();
        if (data == null || !Files.isDirectory(data)) {
            if (dataset != null) {
                out.println("No keyword dataset at " + dataset + ".");
                out.flush();
                return 1;
            }
            out.println("Keyword spotting skipped: no ../shared/datasets/espeak-kws next to the repository (pass"
                    + " --dataset DIR for a Speech Commands-layout dataset).");
            out.flush();
            return 0;
        }
        String p = project.toString();
        String validationStreams = project.resolve("streams-validation").toString();
        List<String[]> steps = new java.util.ArrayList<>(List.of(
            new String[] {"init", "kws", p},
            new String[] {"data", "import", data.toString(), "--keywords", "yes,no", "--unknown", "--noise", "--out",
                new ProjectLayout(project).data().toString()},
            new String[] {"features", "--project", p},
            new String[] {"train", "--project", p},
            new String[] {"test", "--project", p},
            // Continuous spotting: the threshold is calibrated on streams of validation speakers, then the
            // dataset's own test streams (if it has any) are scored at it.
            new String[] {"data", "streams", data.toString(), "--keywords", "yes,no", "--keyword-share", "0.4",
                "--out", validationStreams},
            new String[] {"test", "--project", p, "--stream", "--streams", validationStreams, "--apply"}));
        Path testStreams = data.resolve("_streams_");
        if (Files.isRegularFile(testStreams.resolve("streams.csv"))) {
            steps.add(new String[] {"test", "--project", p, "--stream", "--streams", testStreams.toString()});
        }
        steps.add(new String[] {"deploy", "--project", p, "--format", "c-standalone", "--out",
            project.resolve("build/c-standalone").toString()});
        steps.add(new String[] {"profile", "--project", p, "--target", "nano33ble"});
        return runSteps(project, steps.toArray(new String[0][]), "Keyword spotter");
    }

    /** A motion classifier from accelerometer data generated here: needs nothing outside the repository. */
    private int motion() throws IOException {
        spec.commandLine().getOut().println();
        String p = motionProject.toString();
        Path raw = motionProject.resolve("generated");
        Path model = new ProjectLayout(motionProject).int8Model();
        return runSteps(motionProject, new String[][] {
            {"init", "motion", p},
            {"data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "60", "--seed", "1"},
            {"data", "import", raw.toString(), "--out", new ProjectLayout(motionProject).data().toString()},
            {"features", "--project", p},
            {"train", "--project", p},
            {"test", "--project", p},
            {"deploy", model.toString(), "--format", "c-standalone", "--out", motionProject.resolve("build/c-standalone").toString()},
            {"profile", model.toString(), "--target", "nano33ble"},
        }, "Motion classifier");
    }

    /** Runs CLI steps in a fresh {@code projectDir}, echoing each like a shell; stops at the first failure. */
    private int runSteps(Path projectDir, String[][] steps, String what) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(projectDir)) {
            deleteTree(projectDir);
        }
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
        out.println(what + " built in " + projectDir.toAbsolutePath().normalize()
                + ": models/, reports/ (training.png, confusion.png, test.html), build/c-standalone/.");
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
            if (conformance != null) {
                out.println("No conformance cases at " + conformance + ".");
                out.flush();
                return 1;
            }
            out.println("Conformance check skipped: no ../shared/conformance next to the repository (pass"
                    + " --conformance DIR).");
            out.flush();
            return 0;
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
