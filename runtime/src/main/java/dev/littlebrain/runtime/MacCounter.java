package dev.littlebrain.runtime;

/**
 * Multiply-accumulate counts per operator, the usual measure of a network's compute: convolutions
 * and fully connected layers count one MAC per weight use; elementwise MUL one per output element;
 * everything else (pooling, activations, data movement) counts zero.
 */
final class MacCounter {
    private MacCounter() {
    }

    static long count(Node node) {
        if (node.code().builtin() == null) {
            return 0;
        }
        return switch (node.code().builtin()) {
            case CONV_2D -> {
                TensorView out = node.output(0);
                TensorView filter = node.input(1);
                // filter [outC, kH, kW, inC]: each output element uses kH*kW*inC weights
                yield (long) out.elementCount() * filter.dim(1) * filter.dim(2) * filter.dim(3);
            }
            case DEPTHWISE_CONV_2D -> {
                TensorView out = node.output(0);
                TensorView filter = node.input(1);
                // filter [1, kH, kW, outC]
                yield (long) out.elementCount() * filter.dim(1) * filter.dim(2);
            }
            case FULLY_CONNECTED -> {
                TensorView filter = node.input(1);
                TensorView out = node.output(0);
                yield (long) out.elementCount() * filter.dim(filter.rank() - 1);
            }
            case MUL -> node.output(0).elementCount();
            default -> 0;
        };
    }
}
