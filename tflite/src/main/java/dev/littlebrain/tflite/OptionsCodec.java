package dev.littlebrain.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.littlebrain.tflite.fb.BuiltinOptions;
import java.util.List;

/** Converts between {@link OperatorOptions} records and the flatbuffer options tables. */
final class OptionsCodec {
    private OptionsCodec() {
    }

    static OperatorOptions read(dev.littlebrain.tflite.fb.Operator op) {
        int type = op.builtinOptionsType() & 0xFF;
        switch (type) {
            case BuiltinOptions.NONE:
                return new OperatorOptions.None();
            case BuiltinOptions.Conv2DOptions: {
                var o = (dev.littlebrain.tflite.fb.Conv2DOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.Conv2DOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.Conv2D(Padding.of(o.padding()),
                        o.strideW(), o.strideH(), activation(o.fusedActivationFunction()), o.dilationWFactor(),
                        o.dilationHFactor());
            }
            case BuiltinOptions.DepthwiseConv2DOptions: {
                var o = (dev.littlebrain.tflite.fb.DepthwiseConv2DOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.DepthwiseConv2DOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.DepthwiseConv2D(Padding.of(o.padding()),
                        o.strideW(), o.strideH(), o.depthMultiplier(), activation(o.fusedActivationFunction()),
                        o.dilationWFactor(), o.dilationHFactor());
            }
            case BuiltinOptions.Pool2DOptions: {
                var o = (dev.littlebrain.tflite.fb.Pool2DOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.Pool2DOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.Pool2D(Padding.of(o.padding()),
                        o.strideW(), o.strideH(), o.filterWidth(), o.filterHeight(),
                        activation(o.fusedActivationFunction()));
            }
            case BuiltinOptions.FullyConnectedOptions: {
                var o = (dev.littlebrain.tflite.fb.FullyConnectedOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.FullyConnectedOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.FullyConnected(
                        activation(o.fusedActivationFunction()), o.weightsFormat(), o.keepNumDims(),
                        o.asymmetricQuantizeInputs());
            }
            case BuiltinOptions.SoftmaxOptions: {
                var o = (dev.littlebrain.tflite.fb.SoftmaxOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.SoftmaxOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.Softmax(o.beta());
            }
            case BuiltinOptions.ConcatenationOptions: {
                var o = (dev.littlebrain.tflite.fb.ConcatenationOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.ConcatenationOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.Concatenation(o.axis(),
                        activation(o.fusedActivationFunction()));
            }
            case BuiltinOptions.AddOptions: {
                var o = (dev.littlebrain.tflite.fb.AddOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.AddOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.AddSub(type,
                        activation(o.fusedActivationFunction()), o.potScaleInt16());
            }
            case BuiltinOptions.SubOptions: {
                var o = (dev.littlebrain.tflite.fb.SubOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.SubOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.AddSub(type,
                        activation(o.fusedActivationFunction()), o.potScaleInt16());
            }
            case BuiltinOptions.MulOptions: {
                var o = (dev.littlebrain.tflite.fb.MulOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.MulOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.MulDiv(type,
                        activation(o.fusedActivationFunction()));
            }
            case BuiltinOptions.DivOptions: {
                var o = (dev.littlebrain.tflite.fb.DivOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.DivOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.MulDiv(type,
                        activation(o.fusedActivationFunction()));
            }
            case BuiltinOptions.ReshapeOptions: {
                var o = (dev.littlebrain.tflite.fb.ReshapeOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.ReshapeOptions());
                if (o == null) {
                    return new OperatorOptions.Unknown(type);
                }
                var v = o.newShapeAsByteBuffer();
                return new OperatorOptions.Reshape(v == null ? null : TfliteReader.ints(v));
            }
            case BuiltinOptions.ReducerOptions: {
                var o = (dev.littlebrain.tflite.fb.ReducerOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.ReducerOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.Reducer(o.keepDims());
            }
            case BuiltinOptions.SqueezeOptions: {
                var o = (dev.littlebrain.tflite.fb.SqueezeOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.SqueezeOptions());
                return o == null ? new OperatorOptions.Unknown(type)
                        : new OperatorOptions.Squeeze(TfliteReader.ints(o.squeezeDimsAsByteBuffer()));
            }
            case BuiltinOptions.StridedSliceOptions: {
                var o = (dev.littlebrain.tflite.fb.StridedSliceOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.StridedSliceOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.StridedSlice(o.beginMask(),
                        o.endMask(), o.ellipsisMask(), o.newAxisMask(), o.shrinkAxisMask(), o.offset());
            }
            case BuiltinOptions.ShapeOptions: {
                var o = (dev.littlebrain.tflite.fb.ShapeOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.ShapeOptions());
                if (o == null) {
                    return new OperatorOptions.Unknown(type);
                }
                int code = o.outType();
                if (code < 0 || code > TensorType.INT4.code()) {
                    throw new TfliteFormatException("SHAPE options have unknown out_type " + code);
                }
                return new OperatorOptions.Shape(TensorType.of(code));
            }
            case BuiltinOptions.PackOptions: {
                var o = (dev.littlebrain.tflite.fb.PackOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.PackOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.Pack(o.valuesCount(), o.axis());
            }
            case BuiltinOptions.LeakyReluOptions: {
                var o = (dev.littlebrain.tflite.fb.LeakyReluOptions) op.builtinOptions(new dev.littlebrain.tflite.fb.LeakyReluOptions());
                return o == null ? new OperatorOptions.Unknown(type) : new OperatorOptions.LeakyRelu(o.alpha());
            }
            case BuiltinOptions.PadOptions:
            case BuiltinOptions.PadV2Options:
            case BuiltinOptions.TransposeOptions:
            case BuiltinOptions.DequantizeOptions:
            case BuiltinOptions.QuantizeOptions:
            case BuiltinOptions.ExpandDimsOptions:
            case BuiltinOptions.MaximumMinimumOptions:
            case BuiltinOptions.HardSwishOptions:
                return new OperatorOptions.Empty(type);
            default:
                return new OperatorOptions.Unknown(type);
        }
    }

    private static Activation activation(byte code) {
        if (code < 0 || code > Activation.SIGN_BIT.code()) {
            throw new TfliteFormatException("unknown fused activation code " + code);
        }
        return Activation.of(code);
    }

    /** Writes the options table; returns its offset, or 0 when the operator has none. */
    static int write(FlatBufferBuilder b, OperatorOptions options) {
        if (options instanceof OperatorOptions.None) {
            return 0;
        }
        if (options instanceof OperatorOptions.Unknown u) {
            throw new TfliteFormatException("cannot write builtin options of union type " + u.unionType()
                    + ": LittleBrain does not decode them");
        }
        if (options instanceof OperatorOptions.Empty) {
            b.startTable(0);
            return b.endTable();
        }
        if (options instanceof OperatorOptions.Conv2D o) {
            return dev.littlebrain.tflite.fb.Conv2DOptions.createConv2DOptions(b, (byte) o.padding().code(),
                    o.strideW(), o.strideH(), (byte) o.activation().code(), o.dilationW(), o.dilationH(), (byte) 0);
        }
        if (options instanceof OperatorOptions.DepthwiseConv2D o) {
            return dev.littlebrain.tflite.fb.DepthwiseConv2DOptions.createDepthwiseConv2DOptions(b,
                    (byte) o.padding().code(), o.strideW(), o.strideH(), o.depthMultiplier(),
                    (byte) o.activation().code(), o.dilationW(), o.dilationH());
        }
        if (options instanceof OperatorOptions.Pool2D o) {
            return dev.littlebrain.tflite.fb.Pool2DOptions.createPool2DOptions(b, (byte) o.padding().code(),
                    o.strideW(), o.strideH(), o.filterWidth(), o.filterHeight(), (byte) o.activation().code());
        }
        if (options instanceof OperatorOptions.FullyConnected o) {
            return dev.littlebrain.tflite.fb.FullyConnectedOptions.createFullyConnectedOptions(b,
                    (byte) o.activation().code(), (byte) o.weightsFormat(), o.keepNumDims(),
                    o.asymmetricQuantizeInputs(), (byte) 0);
        }
        if (options instanceof OperatorOptions.Softmax o) {
            return dev.littlebrain.tflite.fb.SoftmaxOptions.createSoftmaxOptions(b, o.beta());
        }
        if (options instanceof OperatorOptions.Concatenation o) {
            return dev.littlebrain.tflite.fb.ConcatenationOptions.createConcatenationOptions(b, o.axis(),
                    (byte) o.activation().code());
        }
        if (options instanceof OperatorOptions.AddSub o) {
            // AddOptions and SubOptions have the same layout.
            return dev.littlebrain.tflite.fb.AddOptions.createAddOptions(b, (byte) o.activation().code(),
                    o.potScaleInt16());
        }
        if (options instanceof OperatorOptions.MulDiv o) {
            return dev.littlebrain.tflite.fb.MulOptions.createMulOptions(b, (byte) o.activation().code());
        }
        if (options instanceof OperatorOptions.Reshape o) {
            int shape = o.newShape() == null ? 0
                    : dev.littlebrain.tflite.fb.ReshapeOptions.createNewShapeVector(b, unboxed(o.newShape()));
            return dev.littlebrain.tflite.fb.ReshapeOptions.createReshapeOptions(b, shape);
        }
        if (options instanceof OperatorOptions.Reducer o) {
            return dev.littlebrain.tflite.fb.ReducerOptions.createReducerOptions(b, o.keepDims());
        }
        if (options instanceof OperatorOptions.Squeeze o) {
            int dims = dev.littlebrain.tflite.fb.SqueezeOptions.createSqueezeDimsVector(b, unboxed(o.squeezeDims()));
            return dev.littlebrain.tflite.fb.SqueezeOptions.createSqueezeOptions(b, dims);
        }
        if (options instanceof OperatorOptions.StridedSlice o) {
            return dev.littlebrain.tflite.fb.StridedSliceOptions.createStridedSliceOptions(b, o.beginMask(),
                    o.endMask(), o.ellipsisMask(), o.newAxisMask(), o.shrinkAxisMask(), o.offset());
        }
        if (options instanceof OperatorOptions.Shape o) {
            return dev.littlebrain.tflite.fb.ShapeOptions.createShapeOptions(b, (byte) o.outType().code());
        }
        if (options instanceof OperatorOptions.Pack o) {
            return dev.littlebrain.tflite.fb.PackOptions.createPackOptions(b, o.valuesCount(), o.axis());
        }
        if (options instanceof OperatorOptions.LeakyRelu o) {
            return dev.littlebrain.tflite.fb.LeakyReluOptions.createLeakyReluOptions(b, o.alpha());
        }
        throw new IllegalStateException("no writer for " + options);
    }

    static int[] unboxed(List<Integer> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
