package dev.littlebrain.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** One folder of {@code ../shared/conformance}: model, examples and golden outputs (format in its README). */
public record ConformanceCase(Path dir, Model model, JsonNode json) {

    public static ConformanceCase load(Path dir) {
        try {
            return new ConformanceCase(dir, TfliteReader.read(dir.resolve("model.tflite")),
                    new ObjectMapper().readTree(dir.resolve("case.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return dir.getFileName().toString();
    }

    public int examples() {
        return json.get("examples").asInt();
    }

    public double tolerance() {
        return json.get("tolerance").asDouble();
    }

    public boolean isExact() {
        return tolerance() == 0.0;
    }

    public byte[] input(int k) {
        return read("input_" + k + ".bin");
    }

    public byte[] output(int k) {
        return read("output_" + k + ".bin");
    }

    private byte[] read(String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds the concatenated input bytes to the interpreter's inputs, in order. */
    public static void feed(Interpreter interpreter, byte[] input) {
        int offset = 0;
        for (int i = 0; i < interpreter.inputCount(); i++) {
            TensorView t = interpreter.input(i);
            t.copyFrom(input, offset);
            offset += t.byteSize();
        }
        if (offset != input.length) {
            throw new IllegalArgumentException("input holds " + input.length + " bytes, model inputs take " + offset);
        }
    }

    /** All output tensors' bytes, concatenated in order. */
    public static byte[] collect(Interpreter interpreter) {
        int total = 0;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            total += interpreter.output(i).byteSize();
        }
        byte[] out = new byte[total];
        int offset = 0;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            byte[] b = interpreter.output(i).bytes();
            System.arraycopy(b, 0, out, offset, b.length);
            offset += b.length;
        }
        return out;
    }

    /** Largest absolute difference between two float32 byte arrays. */
    public static double maxFloatDiff(byte[] a, byte[] b) {
        ByteBuffer x = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer y = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        double max = 0;
        for (int i = 0; i + 4 <= a.length; i += 4) {
            double d = Math.abs((double) x.getFloat(i) - y.getFloat(i));
            if (Double.isNaN(d)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, d);
        }
        return max;
    }
}
