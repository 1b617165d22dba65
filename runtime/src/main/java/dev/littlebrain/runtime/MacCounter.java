package dev.littlebrain.runtime;

import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;

/**
 * Multiply-accumulate counts per operator, the usual measure of a network's compute: convolutions
 * and fully connected layers count one MAC per weight use; elementwise MUL one per output element;
 * everything else (pooling, activations, data movement) counts zero.
 */
public final class MacCounter {
    private MacCounter() {
    }

    public static long count(Model model, Operator op) {
        var builtin = model.operatorCode(op).builtin();
        if (builtin == null) {
            return 0;
        }
        Subgraph g = model.mainSubgraph();
        Tensor out = g.tensor(op.output(0));
        return switch (builtin) {
            // filter [outC, kH, kW, inC]: each output element uses kH*kW*inC weights
            case CONV_2D -> out.elementCount() * dim(g.tensor(op.input(1)), 1) * dim(g.tensor(op.input(1)), 2)
                    * dim(g.tensor(op.input(1)), 3);
            // filter [1, kH, kW, outC]: each output element uses kH*kW weights
            case DEPTHWISE_CONV_2D -> out.elementCount() * dim(g.tensor(op.input(1)), 1)
                    * dim(g.tensor(op.input(1)), 2);
            case FULLY_CONNECTED -> {
                Tensor w = g.tensor(op.input(1));
                yield out.elementCount() * dim(w, w.rank() - 1);
            }
            case MUL -> out.elementCount();
            default -> 0;
        };
    }

    public static long total(Model model) {
        long total = 0;
        for (Operator op : model.mainSubgraph().operators()) {
            total += count(model, op);
        }
        return total;
    }

    private static long dim(Tensor t, int i) {
        return i >= 0 && i < t.rank() ? t.shape().get(i) : 1;
    }
}
