package dev.littlebrain.runtime.oracle;

import dev.littlebrain.runtime.ConformanceCase;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a real TFLite runtime with ours on one model: per output tensor, the largest difference
 * (in LSB for integer tensors, absolute for float), and how often the arg-max of the first output agrees.
 */
final class OracleComparison {
    final List<Double> maxDiffPerOutput = new ArrayList<>();
    int examples;
    int argmaxAgreements;

    static OracleComparison of(Model model, List<byte[]> examples, List<byte[]> oracleOutputs) {
        Interpreter ours = new Interpreter(model);
        OracleComparison c = new OracleComparison();
        for (int i = 0; i < ours.outputCount(); i++) {
            c.maxDiffPerOutput.add(0.0);
        }
        for (int k = 0; k < examples.size(); k++) {
            ConformanceCase.feed(ours, examples.get(k));
            ours.invoke();
            byte[] theirs = oracleOutputs.get(k);
            int offset = 0;
            for (int i = 0; i < ours.outputCount(); i++) {
                TensorView out = ours.output(i);
                double max = c.maxDiffPerOutput.get(i);
                for (int e = 0; e < out.elementCount(); e++) {
                    double a = value(out, e);
                    double b = value(out.type(), theirs, offset, e);
                    max = Math.max(max, Double.isNaN(a - b) ? Double.POSITIVE_INFINITY : Math.abs(a - b));
                }
                c.maxDiffPerOutput.set(i, max);
                if (i == 0 && argmax(out, null, 0) == argmax(out, theirs, offset)) {
                    c.argmaxAgreements++;
                }
                offset += out.byteSize();
            }
            c.examples++;
        }
        return c;
    }

    double argmaxAgreementRate() {
        return examples == 0 ? 1 : argmaxAgreements / (double) examples;
    }

    private static double value(TensorView t, int e) {
        return t.type() == TensorType.FLOAT32 ? t.float32(e) : t.integer(e);
    }

    private static double value(TensorType type, byte[] bytes, int offset, int e) {
        var bb = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case FLOAT32 -> bb.getFloat(offset + 4 * e);
            case INT8 -> bytes[offset + e];
            case UINT8 -> bytes[offset + e] & 0xFF;
            case INT16 -> bb.getShort(offset + 2 * e);
            case INT32 -> bb.getInt(offset + 4 * e);
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static int argmax(TensorView t, byte[] other, int offset) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < t.elementCount(); e++) {
            double v = other == null ? value(t, e) : value(t.type(), other, offset, e);
            if (v > bestValue) {
                bestValue = v;
                best = e;
            }
        }
        return best;
    }
}
