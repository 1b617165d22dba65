package dev.littlebrain.deploy;

import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The part of {@code lb_model.h} that tells a caller how to fill the input and read the output without the
 * {@code .tflite} at hand: each I/O tensor's scale and zero point (real = scale * (q - zero_point)) and, when
 * known, the output's labels. Every back end's header carries the same macros.
 */
final class ModelIoDefines {
    private ModelIoDefines() {
    }

    /**
     * {@code #define} lines for the model's inputs and outputs and {@code labels} (none when empty).
     *
     * @throws IllegalArgumentException when {@code labels} is not empty and its size is not the output's
     */
    static String of(Model model, List<String> labels) {
        Subgraph graph = model.mainSubgraph();
        requireLabelsFit(graph, labels);
        StringBuilder b = new StringBuilder();
        b.append("\n/* Quantization of the raw I/O bytes: real value = SCALE * (int8 value - ZERO_POINT).\n")
                .append(" * LB_MODEL_INPUT_<i>_* / LB_MODEL_OUTPUT_<i>_* per tensor; LB_MODEL_INPUT_* and\n")
                .append(" * LB_MODEL_OUTPUT_* are the first's (lb_classifier.c keeps its own LB_INPUT_* names).\n")
                .append(" * A float32 tensor (the model quantizes it itself) has _IS_FLOAT32 1 and no scale. */\n");
        appendTensors(b, graph, graph.inputs(), "INPUT");
        appendTensors(b, graph, graph.outputs(), "OUTPUT");
        if (!labels.isEmpty()) {
            b.append("\n/* The output's labels in score order: static const char *const labels[] = LB_MODEL_LABELS; */\n")
                    .append("#define LB_MODEL_LABEL_COUNT ").append(labels.size()).append('\n')
                    .append("#define LB_MODEL_LABELS { ");
            for (int i = 0; i < labels.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(stringLiteral(labels.get(i)));
            }
            b.append(" }\n");
        }
        return b.toString();
    }

    private static void appendTensors(StringBuilder b, Subgraph graph, List<Integer> tensors, String kind) {
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = graph.tensor(tensors.get(i));
            String prefix = "LB_MODEL_" + kind + "_" + i + "_";
            if (t.type() == TensorType.FLOAT32 || !t.quantization().isPresent()) {
                b.append("#define ").append(prefix).append("IS_FLOAT32 ")
                        .append(t.type() == TensorType.FLOAT32 ? 1 : 0).append('\n');
                if (i == 0) {
                    b.append("#define LB_MODEL_").append(kind).append("_IS_FLOAT32 ").append(prefix).append("IS_FLOAT32\n");
                }
                continue;
            }
            Quantization q = t.quantization();
            b.append("#define ").append(prefix).append("IS_FLOAT32 0\n");
            b.append("#define ").append(prefix).append("SCALE ").append(floatLiteral(q.scale0())).append('\n');
            b.append("#define ").append(prefix).append("ZERO_POINT ").append(q.zeroPoint0()).append('\n');
            if (i == 0) {
                b.append("#define LB_MODEL_").append(kind).append("_IS_FLOAT32 0\n");
                b.append("#define LB_MODEL_").append(kind).append("_SCALE ").append(prefix).append("SCALE\n");
                b.append("#define LB_MODEL_").append(kind).append("_ZERO_POINT ").append(prefix).append("ZERO_POINT\n");
            }
        }
    }

    private static void requireLabelsFit(Subgraph graph, List<String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        if (graph.outputs().size() != 1) {
            throw new IllegalArgumentException("labels name one output's scores, but the model has "
                    + graph.outputs().size() + " outputs");
        }
        long scores = graph.tensor(graph.outputs().get(0)).elementCount();
        if (scores != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels given, but the model's output holds " + scores
                    + " scores");
        }
    }

    /** Java's shortest round-trip text of a float is a valid C float literal once suffixed. */
    private static String floatLiteral(float v) {
        return Float.toString(v) + "f";
    }

    /** A C string literal: printable ASCII as is, everything else (UTF-8 bytes, quotes, backslashes) escaped. */
    static String stringLiteral(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if (c == '"' || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f && c != '?') {
                b.append((char) c);
            } else {
                // Octal escapes are at most three digits, so a following digit cannot extend them (unlike \x).
                b.append(String.format(java.util.Locale.ROOT, "\\%03o", c));
            }
        }
        return b.append('"').toString();
    }
}
