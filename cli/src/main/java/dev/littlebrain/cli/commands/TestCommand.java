package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.cli.impulse.ImpulseProject;
import dev.littlebrain.data.Split;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code littlebrain test}: evaluates the float and int8 models in our runtime on the test split. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Evaluate models/model_float.tflite and models/model_int8.tflite in the LittleBrain runtime on"
                + " the test split: accuracy, per-class precision/recall/F1, macro F1, confusion matrix.")
public final class TestCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Metrics of one model on the test split. */
    record Evaluation(int[][] confusion) {
        int total() {
            int n = 0;
            for (int[] row : confusion) {
                for (int v : row) {
                    n += v;
                }
            }
            return n;
        }

        double accuracy() {
            int correct = 0;
            for (int i = 0; i < confusion.length; i++) {
                correct += confusion[i][i];
            }
            return total() == 0 ? 0 : (double) correct / total();
        }

        double precision(int c) {
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
        }

        double recall(int c) {
            int actual = 0;
            for (int v : confusion[c]) {
                actual += v;
            }
            return actual == 0 ? 0 : (double) confusion[c][c] / actual;
        }

        double f1(int c) {
            double p = precision(c);
            double r = recall(c);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double f1Macro() {
            double sum = 0;
            for (int c = 0; c < confusion.length; c++) {
                sum += f1(c);
            }
            return sum / confusion.length;
        }
    }

    @Override
    public Integer call() throws IOException {
        ImpulseProject p = ImpulseProject.require(project);
        Path floatFile = p.models().resolve("model_float.tflite");
        Path int8File = p.models().resolve("model_int8.tflite");
        for (Path f : List.of(floatFile, int8File)) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + " is missing; run 'littlebrain train' first");
            }
        }
        ImpulseProject.Features features = p.features("features");
        List<String> labels = features.labels();
        Path history = p.models().resolve("training.json");
        if (Files.isRegularFile(history)) {
            JsonNode trained = new ObjectMapper().readTree(history.toFile()).get("labels");
            List<String> trainedLabels = new ArrayList<>();
            trained.forEach(n -> trainedLabels.add(n.asText()));
            if (!trainedLabels.equals(labels)) {
                throw new IllegalArgumentException("the models were trained on labels " + trainedLabels
                        + " but the project now has " + labels + "; run 'littlebrain train' again");
            }
        }
        ImpulseProject.Split test = features.split(Split.TEST);
        if (test.size() == 0) {
            throw new IllegalArgumentException("no test-split samples in " + p.data());
        }
        Evaluation fl = evaluate(new Interpreter(TfliteReader.read(floatFile)), test, labels.size());
        Evaluation q = evaluate(new Interpreter(TfliteReader.read(int8File)), test, labels.size());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("float", toJson(fl));
            o.put("int8", toJson(q));
            o.put("labels", labels);
            o.put("test_samples", test.size());
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "test split: %d samples, %d classes%n%n", test.size(), labels.size());
            out.printf(Locale.ROOT, "%-14s %8s %8s%n", "", "float", "int8");
            out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "accuracy", fl.accuracy(), q.accuracy());
            out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n%n", "F1 (macro)", fl.f1Macro(), q.f1Macro());
            out.printf(Locale.ROOT, "%-14s %21s   %21s%n", "", "float  P / R / F1", "int8  P / R / F1");
            for (int c = 0; c < labels.size(); c++) {
                out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f%n", labels.get(c),
                        fl.precision(c), fl.recall(c), fl.f1(c), q.precision(c), q.recall(c), q.f1(c));
            }
            confusion(out, "float", fl, labels);
            confusion(out, "int8", q, labels);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> toJson(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", e.accuracy());
        m.put("f1_macro", e.f1Macro());
        m.put("confusion", e.confusion());
        return m;
    }

    private static void confusion(PrintWriter out, String name, Evaluation e, List<String> labels) {
        out.printf(Locale.ROOT, "%nconfusion (%s; rows: actual, columns: predicted)%n", name);
        int width = Math.max(6, labels.stream().mapToInt(String::length).max().orElse(6));
        out.printf(Locale.ROOT, "%-" + width + "s", "");
        for (String l : labels) {
            out.printf(Locale.ROOT, " %" + width + "s", l);
        }
        out.println();
        for (int r = 0; r < labels.size(); r++) {
            out.printf(Locale.ROOT, "%-" + width + "s", labels.get(r));
            for (int c = 0; c < labels.size(); c++) {
                out.printf(Locale.ROOT, " %" + width + "d", e.confusion()[r][c]);
            }
            out.println();
        }
    }

    /** Runs every test row through {@code interpreter}, quantizing int8 inputs and dequantizing int8 outputs. */
    static Evaluation evaluate(Interpreter interpreter, ImpulseProject.Split test, int classes) {
        int[][] confusion = new int[classes][classes];
        TensorView in = interpreter.input(0);
        for (int s = 0; s < test.size(); s++) {
            float[] row = test.features()[s];
            if (row.length != in.elementCount()) {
                throw new IllegalArgumentException("features have " + row.length + " values, the model input has "
                        + in.elementCount() + "; run 'littlebrain train' again");
            }
            if (in.type() == TensorType.INT8) {
                float scale = in.scale();
                int zp = in.zeroPoint();
                for (int i = 0; i < row.length; i++) {
                    in.setInt8(i, quantize(row[i], scale, zp));
                }
            } else {
                for (int i = 0; i < row.length; i++) {
                    in.setFloat32(i, row[i]);
                }
            }
            interpreter.invoke();
            TensorView o = interpreter.output(0);
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < o.elementCount(); c++) {
                double v = o.type() == TensorType.INT8 ? (o.int8(c) - o.zeroPoint()) * (double) o.scale() : o.float32(c);
                if (v > bestValue) {
                    bestValue = v;
                    best = c;
                }
            }
            confusion[test.labels()[s]][best]++;
        }
        return new Evaluation(confusion);
    }

    /** round(x / scale) + zeroPoint, halves away from zero, clamped to int8. */
    static int quantize(float x, float scale, int zeroPoint) {
        double q = x / (double) scale;
        long r = (long) (q < 0 ? -Math.floor(-q + 0.5) : Math.floor(q + 0.5));
        return (int) Math.max(-128, Math.min(127, r + zeroPoint));
    }
}
