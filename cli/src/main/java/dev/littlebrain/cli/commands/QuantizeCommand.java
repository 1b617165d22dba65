package dev.littlebrain.cli.commands;

import dev.littlebrain.quantize.Calibration;
import dev.littlebrain.quantize.Int8Quantizer;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain quantize FLOAT.tflite --calibrate IN.bin ... --out INT8.tflite}: full-integer
 * post-training quantization, calibrated on representative inputs (raw float32 bytes of all inputs,
 * the layout {@code run} reads).
 */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Quantize a float .tflite model to int8 (per-channel weights), calibrated on representative inputs.")
public final class QuantizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FLOAT.tflite")
    Path modelFile;

    @Option(names = "--calibrate", required = true, paramLabel = "IN.bin",
            description = "Representative inputs: raw little-endian float32 bytes of all inputs, concatenated.")
    List<Path> calibration = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "INT8.tflite")
    Path out;

    @Option(names = "--float-io", description = "Keep float32 inputs/outputs (QUANTIZE/DEQUANTIZE at the edges).")
    boolean floatIo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Model model = TfliteReader.read(modelFile);
        List<Tensor> inputs = new ArrayList<>();
        for (int i : model.mainSubgraph().inputs()) {
            Tensor t = model.mainSubgraph().tensor(i);
            if (t.type() != TensorType.FLOAT32) {
                throw new IllegalArgumentException(modelFile + ": input '" + t.name() + "' is " + t.type().dtypeName()
                        + "; quantize takes a float32 model");
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
        PrintWriter o = spec.commandLine().getOut();
        o.printf("quantized %s with %d calibration inputs -> %s (%,d bytes)%n", modelFile, examples.size(), out,
                Files.size(out));
        o.flush();
        return 0;
    }

    private static float[][] split(Path file, byte[] bytes, List<Tensor> inputs) {
        long expected = 0;
        for (Tensor t : inputs) {
            expected += t.byteSize();
        }
        if (bytes.length != expected) {
            throw new IllegalArgumentException(file + ": holds " + bytes.length + " bytes, the model's float inputs take "
                    + expected);
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
