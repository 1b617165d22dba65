package dev.littlebrain.tflite;

import java.util.Arrays;

/** Raw constant data of a model (weights, biases, metadata). Immutable: the bytes are never exposed for writing. */
public final class Buffer {
    public static final Buffer EMPTY = new Buffer(new byte[0]);

    private final byte[] data;

    private Buffer(byte[] data) {
        this.data = data;
    }

    /** A buffer holding a copy of {@code data}. */
    public static Buffer of(byte[] data) {
        return data.length == 0 ? EMPTY : new Buffer(data.clone());
    }

    /** Takes ownership of {@code data}; the caller must not modify it afterwards. */
    static Buffer wrapping(byte[] data) {
        return data.length == 0 ? EMPTY : new Buffer(data);
    }

    public int size() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return data.clone();
    }

    /** A read-only little-endian view of the bytes, without copying. */
    public java.nio.ByteBuffer asReadOnlyByteBuffer() {
        return java.nio.ByteBuffer.wrap(data).asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies {@code length} bytes starting at {@code from} into {@code dst} at {@code dstOffset}. */
    public void copyTo(int from, byte[] dst, int dstOffset, int length) {
        System.arraycopy(data, from, dst, dstOffset, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Buffer b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Buffer[" + data.length + " bytes]";
    }
}
