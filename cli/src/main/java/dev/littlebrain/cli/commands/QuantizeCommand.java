package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.quantization.Quantization;
import dev.littlebrain.impulse.quantization.QuantizedModel;
import java.io.IOException;
import java.io.PrintWriter;
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
        QuantizedModel q = Quantization.quantize(modelFile, calibration, floatIo, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("quantized %s with %d calibration inputs -> %s (%,d bytes)%n", q.source(), q.calibrationInputs(),
                q.out(), q.bytes());
        o.flush();
        return 0;
    }
}
