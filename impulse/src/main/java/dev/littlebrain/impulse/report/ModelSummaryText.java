package dev.littlebrain.impulse.report;

import dev.littlebrain.runtime.ModelSummary;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code littlebrain inspect}'s tables and JSON object of a model: ops, tensors, parameters, MACs and memory. */
public final class ModelSummaryText {
    private ModelSummaryText() {
    }

    /** The ops, a row per tensor (inputs and outputs marked), then the sizes. */
    public static void print(ModelSummary s, PrintWriter out) {
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

    /** {@code inspect --json}'s object: the model file, its ops, tensors (inputs and outputs first) and sizes. */
    public static Map<String, Object> json(Path file, ModelSummary s) {
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
}
