package dev.littlebrain.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small helpers for emitting C text: identifiers, byte tables, atomic file writes. */
final class CSource {
    private CSource() {
    }

    /** A valid C identifier from arbitrary text ("my-model.tflite" becomes "my_model_tflite"). */
    static String identifier(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString();
    }

    /** Comment-safe text: no comment terminators, no control characters. */
    static String commentText(String text) {
        return text.replace("*/", "* /").replaceAll("[\\p{Cntrl}]", " ");
    }

    /** Unsigned bytes as a brace-less, 12-per-line list of hex literals, each line indented by 4 spaces. */
    static void appendHexBytes(StringBuilder out, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (i % 12 == 0) {
                out.append(i == 0 ? "    " : "\n    ");
            } else {
                out.append(' ');
            }
            out.append(String.format(Locale.ROOT, "0x%02x", bytes[i] & 0xff));
            if (i + 1 < bytes.length) {
                out.append(',');
            }
        }
        out.append('\n');
    }

    /** Signed integers, {@code perLine} per line, indented by 4 spaces. */
    static void appendInts(StringBuilder out, long[] values, int perLine) {
        for (int i = 0; i < values.length; i++) {
            if (i % perLine == 0) {
                out.append(i == 0 ? "    " : "\n    ");
            } else {
                out.append(' ');
            }
            out.append(intLiteral(values[i]));
            if (i + 1 < values.length) {
                out.append(',');
            }
        }
        out.append('\n');
    }

    /** A C literal for a 32-bit value; INT32_MIN cannot be written as a negated literal of type int. */
    static String intLiteral(long v) {
        if (v == Integer.MIN_VALUE) {
            return "INT32_MIN";
        }
        return Long.toString(v);
    }

    /**
     * {@code lb_model.h}, the one contract every model back end (standalone C, TFLM) keeps: the raw I/O byte
     * counts and {@code lb_invoke}; {@code defines} and {@code declarations} add a back end's own.
     */
    static String modelHeader(String banner, int inputBytes, int outputBytes, String defines, String declarations) {
        return banner
                + "#ifndef LB_MODEL_H\n"
                + "#define LB_MODEL_H\n"
                + "\n"
                + "#include <stddef.h>\n"
                + "#include <stdint.h>\n"
                + "\n"
                + "#ifdef __cplusplus\n"
                + "extern \"C\" {\n"
                + "#endif\n"
                + "\n"
                + "/* Raw tensor bytes: all inputs concatenated in input order, likewise the outputs. */\n"
                + "#define LB_INPUT_BYTES " + inputBytes + "\n"
                + "#define LB_OUTPUT_BYTES " + outputBytes + "\n"
                + defines
                + "\n"
                + declarations
                + "\n"
                + "#ifdef __cplusplus\n"
                + "}\n"
                + "#endif\n"
                + "\n"
                + "#endif /* LB_MODEL_H */\n";
    }

    static void write(Path file, String text) throws IOException {
        dev.littlebrain.files.AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void requireDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
