package dev.littlebrain.impulse.quantization;

import java.nio.file.Path;

/**
 * A float model converted to int8 ({@code littlebrain quantize}).
 *
 * @param source             the float model
 * @param calibrationInputs  representative inputs the ranges were calibrated on
 * @param out                the int8 model written
 * @param bytes              its size
 */
public record QuantizedModel(Path source, int calibrationInputs, Path out, long bytes) {
}
