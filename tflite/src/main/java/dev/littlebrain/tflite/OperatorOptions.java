package dev.littlebrain.tflite;

import java.util.List;

/**
 * Builtin options of an operator. Each op that has options gets one record; ops whose options carry
 * no fields (PAD, QUANTIZE, ...) use {@link Empty}, and options of ops LittleBrain does not know use
 * {@link Unknown} so the model can still be read and listed.
 */
public sealed interface OperatorOptions {

    /** The union type code TFLite stores next to the options table (0 = none). */
    int unionType();

    record None() implements OperatorOptions {
        public int unionType() {
            return 0;
        }
    }

    /** Options table without fields (PadOptions, QuantizeOptions, ...), kept so a rewrite stores the same union type. */
    record Empty(int unionType) implements OperatorOptions {
    }

    /** An options table this reader does not decode. */
    record Unknown(int unionType) implements OperatorOptions {
    }

    record Conv2D(Padding padding, int strideW, int strideH, Activation activation, int dilationW, int dilationH)
            implements OperatorOptions {
        public int unionType() {
            return 1;
        }
    }

    record DepthwiseConv2D(Padding padding, int strideW, int strideH, int depthMultiplier, Activation activation,
            int dilationW, int dilationH) implements OperatorOptions {
        public int unionType() {
            return 2;
        }
    }

    record Pool2D(Padding padding, int strideW, int strideH, int filterWidth, int filterHeight, Activation activation)
            implements OperatorOptions {
        public int unionType() {
            return 5;
        }
    }

    record FullyConnected(Activation activation, int weightsFormat, boolean keepNumDims, boolean asymmetricQuantizeInputs)
            implements OperatorOptions {
        public int unionType() {
            return 8;
        }
    }

    record Softmax(float beta) implements OperatorOptions {
        public int unionType() {
            return 9;
        }
    }

    record Concatenation(int axis, Activation activation) implements OperatorOptions {
        public int unionType() {
            return 10;
        }
    }

    /** ADD (union type 11) and SUB (28) share their fields. */
    record AddSub(int unionType, Activation activation, boolean potScaleInt16) implements OperatorOptions {
        public static AddSub add(Activation activation) {
            return new AddSub(11, activation, true);
        }

        public static AddSub sub(Activation activation) {
            return new AddSub(28, activation, true);
        }
    }

    /** MUL (union type 21) and DIV (29) carry only a fused activation. */
    record MulDiv(int unionType, Activation activation) implements OperatorOptions {
        public static MulDiv mul(Activation activation) {
            return new MulDiv(21, activation);
        }
    }

    record Reshape(List<Integer> newShape) implements OperatorOptions {
        public Reshape {
            newShape = newShape == null ? null : List.copyOf(newShape);
        }

        public int unionType() {
            return 17;
        }
    }

    record Reducer(boolean keepDims) implements OperatorOptions {
        public int unionType() {
            return 27;
        }
    }

    record Squeeze(List<Integer> squeezeDims) implements OperatorOptions {
        public Squeeze {
            squeezeDims = List.copyOf(squeezeDims);
        }

        public int unionType() {
            return 30;
        }
    }

    record StridedSlice(int beginMask, int endMask, int ellipsisMask, int newAxisMask, int shrinkAxisMask,
            boolean offset) implements OperatorOptions {
        public int unionType() {
            return 32;
        }
    }

    record Shape(TensorType outType) implements OperatorOptions {
        public int unionType() {
            return 55;
        }
    }

    record Pack(int valuesCount, int axis) implements OperatorOptions {
        public int unionType() {
            return 59;
        }
    }

    record LeakyRelu(float alpha) implements OperatorOptions {
        public int unionType() {
            return 75;
        }
    }
}
