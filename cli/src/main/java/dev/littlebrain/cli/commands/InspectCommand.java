package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.runtime.ModelSummary;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TfliteReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(modelFile, summary)));
        } else {
            printTables(out, summary);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(Path file, ModelSummary s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", file.toString());
        root.put("ops", s.ops());
        root.put("unsupported_ops", s.unsupportedOps());
        root.put("inputs", tensorList(s, s.inputs()));
        root.put("outputs", tensorList(s, s.outputs()));
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (int i = 0; i < s.tensors().size(); i++) {
            tensors.add(tensorJson(i, s.tensors().get(i)));
        }
        root.put("tensors", tensors);
        root.put("parameters", s.parameters());
        root.put("macs", s.macs());
        root.put("weights_bytes", s.weightsBytes());
        root.put("arena_bytes", s.arenaBytes());
        root.put("greedy_arena_bytes", s.greedyArenaBytes());
        return root;
    }

    private static List<Map<String, Object>> tensorList(ModelSummary s, List<Integer> indices) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i : indices) {
            out.add(tensorJson(i, s.tensors().get(i)));
        }
        return out;
    }

    private static Map<String, Object> tensorJson(int index, Tensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("name", t.name());
        m.put("shape", t.shape());
        m.put("dtype", t.type().dtypeName());
        Quantization q = t.quantization();
        m.put("scale", q.scale());
        m.put("zero_point", q.zeroPoint());
        if (q.isPerChannel()) {
            m.put("quantized_dimension", q.quantizedDimension());
        }
        return m;
    }

    private static void printTables(PrintWriter out, ModelSummary s) {
        out.println("Operators (" + s.ops().size() + "):");
        for (int i = 0; i < s.ops().size(); i++) {
            out.printf("  %3d  %s%n", i, s.ops().get(i));
        }
        if (!s.unsupportedOps().isEmpty()) {
            out.println("  not supported by the runtime: " + String.join(", ", s.unsupportedOps()));
        }
        out.println();
        out.println("Tensors (" + s.tensors().size() + "):");
        out.printf("  %4s  %-9s %-18s %-12s %-6s %s%n", "#", "dtype", "shape", "scale", "zero", "name");
        for (int i = 0; i < s.tensors().size(); i++) {
            Tensor t = s.tensors().get(i);
            Quantization q = t.quantization();
            String scale = !q.isPresent() ? "-" : q.isPerChannel() ? q.channels() + " ch" : String.format("%.6g", q.scale0());
            String zero = !q.isPresent() ? "-" : q.isPerChannel() ? "..." : String.valueOf(q.zeroPoint0());
            String role = s.inputs().contains(i) ? " (input)" : s.outputs().contains(i) ? " (output)" : "";
            out.printf("  %4d  %-9s %-18s %-12s %-6s %s%s%n", i, t.type().dtypeName(), t.shape(), scale, zero,
                    t.name(), role);
        }
        out.println();
        out.printf("Parameters:         %,d%n", s.parameters());
        out.printf("Weights:            %,d bytes%n", s.weightsBytes());
        out.printf("MACs per inference: %,d%n", s.macs());
        out.printf("Tensor arena:       %,d bytes (TFLite Micro greedy planner: %,d bytes)%n", s.arenaBytes(),
                s.greedyArenaBytes());
    }
}
