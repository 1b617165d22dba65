package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.QuantizeParams;
import dev.littlebrain.runtime.params.RequantizeParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.TensorType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * QUANTIZE, as TFLM's {@code quantize_common.cc}: float32 → int8/int16 by
 * {@code round(x / scale) + zp} (float division, round half away from zero), and integer → integer
 * requantization (int8/uint8/int16/int32 in, int8/uint8/int16/int32 out, the pairs TFLM accepts) by
 * {@code MultiplyByQuantizedMultiplier(q - zp_in, s_in / s_out) + zp_out}.
 */
final class QuantizeOp implements Op {

    /** Element i is read before element i is written (here and in lb_kernels.c). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.sameIndex(shapes, 0);
    }
    private static final Set<TensorType> INTEGER = EnumSet.of(TensorType.INT8, TensorType.UINT8, TensorType.INT16,
            TensorType.INT32);

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 1);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        Operands.sameElementCount(node, in, out);
        Operands.quantized(node, out);
        if (in.type() == TensorType.FLOAT32) {
            if (out.type() != TensorType.INT8 && out.type() != TensorType.INT16) {
                throw Operands.unsupportedType(node, out);
            }
            int[] range = Operands.clampRange(out.type());
            return new FromFloat(in, out, new QuantizeParams(out.scale(), out.zeroPoint(), range[0], range[1]));
        }
        if (!INTEGER.contains(in.type()) || !INTEGER.contains(out.type()) || !supportedPair(in.type(), out.type())) {
            throw new KernelException(node, "cannot requantize " + in.type().dtypeName() + " to "
                    + out.type().dtypeName());
        }
        Operands.quantized(node, in);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) in.scale() / (double) out.scale());
        int[] range = Operands.clampRange(out.type());
        return new Requantize(in, out, new RequantizeParams(-in.zeroPoint(), m, out.zeroPoint(), range[0], range[1]));
    }

    private static boolean supportedPair(TensorType in, TensorType out) {
        return switch (in) {
            case INT8 -> true;
            case UINT8 -> out == TensorType.INT8;
            case INT16 -> out != TensorType.UINT8;
            case INT32 -> out == TensorType.INT8 || out == TensorType.INT16;
            default -> false;
        };
    }

    /** Writes a clamped integer into an int8/uint8/int16/int32 tensor. */
    static void store(TensorView t, int i, int v) {
        switch (t.type()) {
            case INT8, UINT8 -> t.setInt8(i, v);
            case INT16 -> t.setInt16(i, v);
            case INT32 -> t.setInt32(i, v);
            default -> throw new IllegalStateException(t.type().dtypeName());
        }
    }

    private record FromFloat(TensorView in, TensorView out, QuantizeParams params) implements Kernel {
        @Override
        public void eval() {
            float scale = params.scale();
            int zeroPoint = params.zeroPoint();
            int min = params.min();
            int max = params.max();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                int q = (int) TfliteRounding.round(in.float32(i) / scale) + zeroPoint;
                store(out, i, FixedPoint.clamp(q, min, max));
            }
        }
    }

    private record Requantize(TensorView in, TensorView out, RequantizeParams params) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            int inZeroPoint = -params.inputOffset();
            int outZeroPoint = params.outputZeroPoint();
            int min = params.min();
            int max = params.max();
            int multiplier = params.multiplier().multiplier();
            int shift = params.multiplier().shift();
            for (int i = 0; i < n; i++) {
                int x = (int) in.integer(i) - inZeroPoint;
                int q = FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift) + outZeroPoint;
                store(out, i, FixedPoint.clamp(q, min, max));
            }
        }
    }
}
