package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * SHAPE: the input's (static) shape as int32 or int64. The bytes are fixed at preparation and copied
 * on each eval, since the output lives in the arena that earlier operators reuse.
 */
final class ShapeOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 1);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        if (out.type() != TensorType.INT32 && out.type() != TensorType.INT64) {
            throw Operands.unsupportedType(node, out);
        }
        if (out.elementCount() != in.rank()) {
            throw new KernelException(node, "output '" + out.name() + "' holds " + out.elementCount()
                    + " values but the input has rank " + in.rank());
        }
        ByteBuffer bytes = ByteBuffer.allocate(out.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int d : in.shape()) {
            if (out.type() == TensorType.INT32) {
                bytes.putInt(d);
            } else {
                bytes.putLong(d);
            }
        }
        byte[] shape = bytes.array();
        return () -> System.arraycopy(shape, 0, out.data(), out.offset(), shape.length);
    }
}
