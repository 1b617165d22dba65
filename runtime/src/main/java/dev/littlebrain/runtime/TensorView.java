package dev.littlebrain.runtime;

import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A tensor as the runtime sees it: its metadata plus a window {@code [offset, offset + byteSize)}
 * into a byte array — the interpreter's arena for computed tensors, a copy of the model buffer for
 * constants. Values are little-endian, as on the microcontrollers TFLite Micro targets.
 *
 * <p>Kernels read and write the backing array directly in their inner loops ({@link #data()},
 * {@link #offset()}); the typed accessors here are for preparation code, tests and callers.
 */
public final class TensorView {
    private static final VarHandle INT16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final int index;
    private final Tensor tensor;
    private final int[] shape;
    private final byte[] data;
    private final int offset;
    private final int byteSize;
    private final boolean constant;

    public TensorView(int index, Tensor tensor, byte[] data, int offset, boolean constant) {
        this.index = index;
        this.tensor = tensor;
        this.shape = tensor.shapeArray();
        this.data = data;
        this.offset = offset;
        this.byteSize = (int) Math.max(0, tensor.byteSize());
        this.constant = constant;
    }

    /** Index of the tensor in its subgraph. */
    public int index() {
        return index;
    }

    public Tensor tensor() {
        return tensor;
    }

    public String name() {
        return tensor.name();
    }

    public TensorType type() {
        return tensor.type();
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int i) {
        return shape[i];
    }

    public int elementCount() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public Quantization quantization() {
        return tensor.quantization();
    }

    /** Per-tensor scale (the first one for per-channel tensors). */
    public float scale() {
        return tensor.quantization().isPresent() ? tensor.quantization().scale0() : 0f;
    }

    /** Per-tensor zero point (0 when absent). */
    public int zeroPoint() {
        return tensor.quantization().zeroPoint0();
    }

    public boolean isConstant() {
        return constant;
    }

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int byteSize() {
        return byteSize;
    }

    public byte int8(int i) {
        return data[offset + i];
    }

    public void setInt8(int i, int value) {
        data[offset + i] = (byte) value;
    }

    public int uint8(int i) {
        return data[offset + i] & 0xFF;
    }

    public short int16(int i) {
        return (short) INT16.get(data, offset + 2 * i);
    }

    public void setInt16(int i, int value) {
        INT16.set(data, offset + 2 * i, (short) value);
    }

    public int int32(int i) {
        return (int) INT32.get(data, offset + 4 * i);
    }

    public void setInt32(int i, int value) {
        INT32.set(data, offset + 4 * i, value);
    }

    public long int64(int i) {
        return (long) INT64.get(data, offset + 8 * i);
    }

    public void setInt64(int i, long value) {
        INT64.set(data, offset + 8 * i, value);
    }

    public float float32(int i) {
        return (float) FLOAT32.get(data, offset + 4 * i);
    }

    public void setFloat32(int i, float value) {
        FLOAT32.set(data, offset + 4 * i, value);
    }

    /** Reads element {@code i} of an integer tensor (int8/uint8/int16/int32/int64/bool) as a long. */
    public long integer(int i) {
        return switch (tensor.type()) {
            case INT8 -> data[offset + i];
            case UINT8, BOOL -> data[offset + i] & 0xFF;
            case INT16 -> int16(i);
            case INT32 -> int32(i);
            case INT64 -> int64(i);
            default -> throw new IllegalStateException("tensor '" + name() + "' is " + type().dtypeName()
                    + ", not an integer type");
        };
    }

    /** Element {@code i} as a real number: dequantized for quantized tensors, as is for float tensors. */
    public double real(int i) {
        return switch (tensor.type()) {
            case FLOAT32 -> float32(i);
            case INT8, UINT8, INT16 -> scale() * (double) (integer(i) - zeroPoint());
            default -> integer(i);
        };
    }

    /**
     * Stores a real value: as is in a float tensor, quantized in an integer one the way device code
     * quantizes its features — float division by the scale, rounding halves away from zero (C's
     * {@code roundf}), plus the zero point, clamped to the type's range.
     */
    public void setReal(int i, float value) {
        switch (tensor.type()) {
            case FLOAT32 -> setFloat32(i, value);
            case INT8 -> setInt8(i, (int) quantizeClamped(value, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UINT8 -> data[offset + i] = (byte) quantizeClamped(value, 0, 255);
            case INT16 -> setInt16(i, (int) quantizeClamped(value, Short.MIN_VALUE, Short.MAX_VALUE));
            default -> throw new IllegalStateException("tensor '" + name() + "' is " + type().dtypeName()
                    + "; real values go into float32 or quantized int8/uint8/int16 tensors");
        }
    }

    private long quantizeClamped(float value, long min, long max) {
        float r = value / scale();
        double rounded = r >= 0 ? Math.floor(r + 0.5) : -Math.floor(-(double) r + 0.5);
        // Add the zero point and clamp in double: (long) saturates at +-2^63, and adding a zero point of the
        // wrong sign to that wrapped +inf to the minimum (and -inf to the maximum). NaN stays the zero point.
        double q = (Double.isNaN(rounded) ? 0.0 : rounded) + zeroPoint();
        return (long) Math.max(min, Math.min(max, q));
    }

    /** A copy of the tensor's bytes. */
    public byte[] bytes() {
        byte[] out = new byte[byteSize];
        System.arraycopy(data, offset, out, 0, byteSize);
        return out;
    }

    /** Copies {@code byteSize()} bytes from {@code src} starting at {@code srcOffset} into the tensor. */
    public void copyFrom(byte[] src, int srcOffset) {
        if (constant) {
            throw new IllegalStateException("tensor '" + name() + "' is a constant");
        }
        if (srcOffset < 0 || src.length - srcOffset < byteSize) {
            throw new IllegalArgumentException("tensor '" + name() + "' needs " + byteSize + " bytes, got "
                    + Math.max(0, src.length - srcOffset));
        }
        System.arraycopy(src, srcOffset, data, offset, byteSize);
    }

    public void copyFrom(byte[] src) {
        if (src.length != byteSize) {
            throw new IllegalArgumentException("tensor '" + name() + "' holds " + byteSize + " bytes ("
                    + java.util.Arrays.toString(shape) + " " + type().dtypeName() + "), got " + src.length);
        }
        copyFrom(src, 0);
    }

    @Override
    public String toString() {
        return "TensorView[" + index + " '" + name() + "' " + java.util.Arrays.toString(shape) + " "
                + type().dtypeName() + "]";
    }
}
