package dev.littlebrain.tflite;

/**
 * An entry of the model's operator-code table.
 *
 * @param builtinCode the resolved builtin code: files store small codes in the deprecated byte
 *     field and large ones in the int field, and a reader must take the larger of the two
 * @param customCode the custom op name when {@code builtinCode} is CUSTOM, else null
 */
public record OperatorCode(int builtinCode, String customCode, int version) {

    public static OperatorCode builtin(BuiltinOperator op) {
        return new OperatorCode(op.code(), null, 1);
    }

    public static OperatorCode builtin(BuiltinOperator op, int version) {
        return new OperatorCode(op.code(), null, version);
    }

    public BuiltinOperator builtin() {
        return BuiltinOperator.of(builtinCode);
    }

    public boolean isCustom() {
        return builtinCode == BuiltinOperator.CUSTOM.code();
    }

    /** The name an error message or listing should show. */
    public String displayName() {
        return isCustom() ? "CUSTOM(" + customCode + ")" : BuiltinOperator.nameOf(builtinCode);
    }
}
