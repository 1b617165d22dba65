package dev.littlebrain.impulse.conformance;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model's inputs or outputs as one file of bytes, the layout of the conformance cases ({@code input_K.bin},
 * {@code output_K.bin}) and of {@code littlebrain run}: every tensor's raw little-endian bytes, concatenated in order.
 */
public final class RawTensors {
    private RawTensors() {
    }

    /** Bytes the concatenated inputs take. */
    public static int inputBytes(Interpreter interpreter) {
        int total = 0;
        for (int i = 0; i < interpreter.inputCount(); i++) {
            total += interpreter.input(i).byteSize();
        }
        return total;
    }

    /** The inputs' shapes and types, {@code [1, 49, 10] int8 + ...}, for a message about a file of the wrong size. */
    public static String describeInputs(Interpreter interpreter) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < interpreter.inputCount(); i++) {
            TensorView t = interpreter.input(i);
            parts.add(Arrays.toString(t.shape()) + " " + t.type().dtypeName());
        }
        return String.join(" + ", parts);
    }

    /** Copies {@code input} (of {@link #inputBytes} bytes) into the input tensors, in order. */
    public static void feed(Interpreter interpreter, byte[] input) {
        int offset = 0;
        for (int i = 0; i < interpreter.inputCount(); i++) {
            TensorView t = interpreter.input(i);
            t.copyFrom(input, offset);
            offset += t.byteSize();
        }
    }

    /** The output tensors' bytes, concatenated in order. */
    public static byte[] outputs(Interpreter interpreter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < interpreter.outputCount(); i++) {
            out.writeBytes(interpreter.output(i).bytes());
        }
        return out.toByteArray();
    }
}
