package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.AddParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.List;

/** ADD with NumPy broadcasting and a fused activation: int8 (TFLM's rescaled sum), float32, int32. */
final class AddOp implements Op {

    /** Element i of each input is read before element i is written (here and in lb_kernels.c). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.sameIndex(shapes, 0, 1);
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 2, 2);
        Operands.outputCount(node, 1);
        TensorView a = node.input(0);
        TensorView b = node.input(1);
        TensorView out = node.output(0);
        Operands.sameType(node, a, b);
        Operands.sameType(node, a, out);
        OperatorOptions.AddSub options = node.options(OperatorOptions.AddSub.class);
        Broadcast broadcast = Broadcast.of(node, a.shape(), b.shape(), out.shape());
        return switch (out.type()) {
            case INT8 -> QuantizedSum.prepare(node, a, b, out, options.activation(), broadcast, false);
            case FLOAT32 -> ElementwiseKernels.float32(a, b, out, broadcast,
                    FloatActivationRange.of(node, options.activation()), (x, y) -> x + y);
            case INT32 -> ElementwiseKernels.int32(a, b, out, broadcast,
                    QuantizedActivationRange.int32(node, options.activation()), (x, y) -> x + y);
            default -> throw Operands.unsupportedType(node, out);
        };
    }

    /**
     * The int8 ADD/SUB of TFLM ({@code add_common.cc}, {@code sub_common.cc}): both operands are
     * shifted left by 20 bits for headroom, scaled to a common scale of twice the larger input scale,
     * summed, and the sum is scaled to the output. Every multiplier is below one and is applied with
     * {@code MultiplyByQuantizedMultiplierSmallerThanOneExp} (round in the high-mul, then a rounding shift).
     */
    static final class QuantizedSum implements Kernel {
        private static final int LEFT_SHIFT = AddParams.LEFT_SHIFT;
        private final AddParams params;
        private final byte[] aData;
        private final byte[] bData;
        private final byte[] outData;
        private final int aOff;
        private final int bOff;
        private final int outOff;
        private final int count;
        private final Broadcast broadcast;
        private final int aZeroPoint;
        private final int bZeroPoint;
        private final int outZeroPoint;
        private final QuantizedMultiplier aMultiplier;
        private final QuantizedMultiplier bMultiplier;
        private final QuantizedMultiplier outMultiplier;
        private final int sign;
        private final int min;
        private final int max;

        private QuantizedSum(TensorView a, TensorView b, TensorView out, Broadcast broadcast, AddParams params) {
            this.params = params;
            this.aData = a.data();
            this.bData = b.data();
            this.outData = out.data();
            this.aOff = a.offset();
            this.bOff = b.offset();
            this.outOff = out.offset();
            this.count = out.elementCount();
            this.broadcast = broadcast;
            this.aZeroPoint = -params.inputOffsetA();
            this.bZeroPoint = -params.inputOffsetB();
            this.outZeroPoint = params.outputZeroPoint();
            this.aMultiplier = params.multiplierA();
            this.bMultiplier = params.multiplierB();
            this.outMultiplier = params.outputMultiplier();
            this.sign = params.subtract() ? -1 : 1;
            this.min = params.range().min();
            this.max = params.range().max();
        }

        static QuantizedSum prepare(Node node, TensorView a, TensorView b, TensorView out,
                dev.littlebrain.tflite.Activation activation, Broadcast broadcast, boolean subtract) {
            Operands.quantized(node, a);
            Operands.quantized(node, b);
            Operands.quantized(node, out);
            Int8Rescale r = Int8Rescale.of(node, a, b, out, subtract);
            AddParams params = new AddParams(-a.zeroPoint(), -b.zeroPoint(), out.zeroPoint(), r.a(), r.b(), r.out(),
                    QuantizedActivationRange.of(node, activation, out), subtract, broadcast.index());
            return new QuantizedSum(a, b, out, broadcast, params);
        }

        @Override
        public AddParams params() {
            return params;
        }

        @Override
        public void eval() {
            for (int i = 0; i < count; i++) {
                int x = aData[aOff + broadcast.indexA(i)] - aZeroPoint;
                int y = bData[bOff + broadcast.indexB(i)] - bZeroPoint;
                int scaledX = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(x * (1 << LEFT_SHIFT),
                        aMultiplier.multiplier(), aMultiplier.shift());
                int scaledY = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(y * (1 << LEFT_SHIFT),
                        bMultiplier.multiplier(), bMultiplier.shift());
                int raw = scaledX + sign * scaledY;
                int result = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(raw, outMultiplier.multiplier(),
                        outMultiplier.shift()) + outZeroPoint;
                outData[outOff + i] = (byte) FixedPoint.clamp(result, min, max);
            }
        }
    }

    /**
     * The three multipliers of TFLM's int8 ADD/SUB (all below one): each input to twice the larger input
     * scale, after both are shifted left by {@link #LEFT_SHIFT} bits, and the sum to the output.
     */
    private record Int8Rescale(QuantizedMultiplier a, QuantizedMultiplier b, QuantizedMultiplier out) {
        private static final int LEFT_SHIFT = AddParams.LEFT_SHIFT;

        static Int8Rescale of(Node node, TensorView a, TensorView b, TensorView out, boolean subtract) {
            double aReal;
            double bReal;
            double outReal;
            if (!subtract) {
                // add_common.cc does this arithmetic in double (after a float max).
                double twiceMaxInputScale = 2 * (double) Math.max(a.scale(), b.scale());
                aReal = a.scale() / twiceMaxInputScale;
                bReal = b.scale() / twiceMaxInputScale;
                outReal = twiceMaxInputScale / ((1 << LEFT_SHIFT) * (double) out.scale());
            } else {
                // sub_common.cc does the same arithmetic in float and only then widens to double.
                float twiceMaxInputScale = 2 * Math.max(a.scale(), b.scale());
                aReal = a.scale() / twiceMaxInputScale;
                bReal = b.scale() / twiceMaxInputScale;
                outReal = twiceMaxInputScale / ((1 << LEFT_SHIFT) * out.scale());
            }
            return new Int8Rescale(smallerThanOne(node, aReal), smallerThanOne(node, bReal),
                    smallerThanOne(node, outReal));
        }

        private static QuantizedMultiplier smallerThanOne(Node node, double real) {
            if (!(real > 0 && real < 1)) {
                throw new KernelException(node, "needs rescaling multipliers in (0, 1) (TFLite's"
                        + " QuantizeMultiplierSmallerThanOneExp), got " + real + "; the output scale is too small for"
                        + " the input scales");
            }
            QuantizedMultiplier m = QuantizedMultiplier.of(real);
            if (m.shift() > 0) {
                throw new KernelException(node, "needs rescaling multipliers below one, got " + real);
            }
            return m;
        }
    }
}
