package dev.littlebrain.tflite;

/** Element types of TFLite tensors, with their file-format codes and element sizes. */
public enum TensorType {
    FLOAT32(0, 4),
    FLOAT16(1, 2),
    INT32(2, 4),
    UINT8(3, 1),
    INT64(4, 8),
    STRING(5, 0),
    BOOL(6, 1),
    INT16(7, 2),
    COMPLEX64(8, 8),
    INT8(9, 1),
    FLOAT64(10, 8),
    COMPLEX128(11, 16),
    UINT64(12, 8),
    RESOURCE(13, 0),
    VARIANT(14, 0),
    UINT32(15, 4),
    UINT16(16, 2),
    INT4(17, 0);

    private final int code;
    private final int byteSize;

    TensorType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    public int code() {
        return code;
    }

    /** Bytes per element; 0 for types without a fixed element size (strings, resources, packed int4). */
    public int byteSize() {
        return byteSize;
    }

    public boolean hasFixedSize() {
        return byteSize > 0;
    }

    /** Whether tensors of this type must carry quantization parameters to be meaningful. */
    public boolean isQuantizedInteger() {
        return this == INT8 || this == UINT8 || this == INT16;
    }

    /** The type for a file-format code. */
    public static TensorType of(int code) {
        for (TensorType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tensor type code " + code);
    }

    /** Lower-case name as numpy and the conformance files spell it ({@code int8}, {@code float32}). */
    public String dtypeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
