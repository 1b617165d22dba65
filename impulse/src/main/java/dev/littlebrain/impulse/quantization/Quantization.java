package dev.littlebrain.impulse.quantization;

import dev.littlebrain.quantize.Calibration;
import dev.littlebrain.quantize.Int8Quantizer;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-integer post-training quantization of a float .tflite model on its own, without a project: calibrated on
 * representative inputs given as files of raw little-endian float32 bytes of all inputs, concatenated (the layout
 * {@code littlebrain run} reads).
 */
public final class Quantization {
    private Quantization() {
    }

    /**
     * Quantizes {@code floatModel} to int8 (per-channel weights) into {@code out}.
     *
     * @param floatIo keep float32 inputs and outputs (QUANTIZE / DEQUANTIZE at the edges) instead of int8
     * @throws IllegalArgumentException naming the file when the model is not float32 or an input file does not fit it
     */
    public static QuantizedModel quantize(Path floatModel, List<Path> calibration, boolean floatIo, Path out)
            throws IOException {
        Model model = TfliteReader.read(floatModel);
        List<Tensor> inputs = new ArrayList<>();
        for (int i : model.mainSubgraph().inputs()) {
            Tensor t = model.mainSubgraph().tensor(i);
            if (t.type() != TensorType.FLOAT32) {
                throw new IllegalArgumentException(floatModel + ": input '" + t.name() + "' is "
                        + t.type().dtypeName() + "; quantize takes a float32 model");
            }
            inputs.add(t);
        }
        List<float[][]> examples = new ArrayList<>();
        for (Path file : calibration) {
            examples.add(split(file, Files.readAllBytes(file), inputs));
        }
        Model int8 = Int8Quantizer.quantize(model, Calibration.collect(model, examples),
                floatIo ? Int8Quantizer.Io.FLOAT32 : Int8Quantizer.Io.INT8);
        TfliteWriter.write(int8, out);
        return new QuantizedModel(floatModel, examples.size(), out, Files.size(out));
    }

    /** One calibration file as one example: a float array per model input. */
    private static float[][] split(Path file, byte[] bytes, List<Tensor> inputs) {
        long expected = 0;
        for (Tensor t : inputs) {
            expected += t.byteSize();
        }
        if (bytes.length != expected) {
            throw new IllegalArgumentException(file + ": holds " + bytes.length + " bytes, the model's float inputs"
                    + " take " + expected);
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] example = new float[inputs.size()][];
        for (int i = 0; i < example.length; i++) {
            example[i] = new float[(int) inputs.get(i).elementCount()];
            for (int e = 0; e < example[i].length; e++) {
                float v = bb.getFloat();
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(file + ": value " + e + " of input " + i + " is " + v);
                }
                example[i][e] = v;
            }
        }
        return example;
    }
}
