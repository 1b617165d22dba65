package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.ActivationRange;
import dev.littlebrain.runtime.quant.FixedPoint;
import java.util.function.IntBinaryOperator;

/**
 * The float32 and int32 kernels of ADD, SUB and MUL: one walk over the output, each element from its
 * broadcast operands, the fused activation's clamp; only the arithmetic differs. (The int8 kernels differ in
 * their rescaling and stay with their ops.)
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    /** A float32 binary operation ({@code Float} has no primitive {@code BinaryOperator}). */
    @FunctionalInterface
    interface FloatOperation {
        float apply(float x, float y);
    }

    static Kernel float32(TensorView a, TensorView b, TensorView out, Broadcast broadcast, FloatActivationRange range,
            FloatOperation operation) {
        return new Float32(a, b, out, broadcast, range, operation);
    }

    static Kernel int32(TensorView a, TensorView b, TensorView out, Broadcast broadcast, ActivationRange range,
            IntBinaryOperator operation) {
        return new Int32(a, b, out, broadcast, range, operation);
    }

    private record Float32(TensorView a, TensorView b, TensorView out, Broadcast broadcast,
            FloatActivationRange range, FloatOperation operation) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                float v = operation.apply(a.float32(broadcast.indexA(i)), b.float32(broadcast.indexB(i)));
                out.setFloat32(i, Math.min(Math.max(v, range.min()), range.max()));
            }
        }
    }

    /** int32 arithmetic wraps as C's does on the targets TFLM runs on. */
    private record Int32(TensorView a, TensorView b, TensorView out, Broadcast broadcast,
            ActivationRange range, IntBinaryOperator operation) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                int v = operation.applyAsInt(a.int32(broadcast.indexA(i)), b.int32(broadcast.indexB(i)));
                out.setInt32(i, FixedPoint.clamp(v, range.min(), range.max()));
            }
        }
    }
}
