package dev.littlebrain.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Int8QuantizerTest {

    /** A conformance case's float model and its example inputs (one float[] per graph input). */
    record FloatCase(String name, Model model, List<float[][]> examples) {
        static FloatCase load(String name) throws IOException {
            Path dir = dev.littlebrain.tflite.SharedFolder.require("conformance").resolve(name);
            Model model = TfliteReader.read(dir.resolve("model.tflite"));
            Subgraph g = model.mainSubgraph();
            List<float[][]> examples = new ArrayList<>();
            for (int k = 0; Files.exists(dir.resolve("input_" + k + ".bin")); k++) {
                ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("input_" + k + ".bin")))
                        .order(ByteOrder.LITTLE_ENDIAN);
                float[][] ex = new float[g.inputs().size()][];
                for (int i = 0; i < ex.length; i++) {
                    ex[i] = new float[(int) g.inputTensor(i).elementCount()];
                    for (int j = 0; j < ex[i].length; j++) {
                        ex[i][j] = b.getFloat();
                    }
                }
                examples.add(ex);
            }
            return new FloatCase(name, model, examples);
        }

        /** The examples plus perturbed copies (scaled and with noise), for more calibration data. */
        List<float[][]> calibrationSet(int copies, long seed) {
            Random random = new Random(seed);
            List<float[][]> out = new ArrayList<>(examples);
            for (float[][] ex : examples) {
                for (int c = 0; c < copies; c++) {
                    float[][] p = new float[ex.length][];
                    float gain = (float) (1 + 0.1 * random.nextGaussian());
                    for (int i = 0; i < ex.length; i++) {
                        float spread = spread(ex[i]);
                        p[i] = new float[ex[i].length];
                        for (int j = 0; j < p[i].length; j++) {
                            p[i][j] = ex[i][j] * gain + (float) (0.05 * spread * random.nextGaussian());
                        }
                    }
                    out.add(p);
                }
            }
            return out;
        }

        private static float spread(float[] v) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            return hi - lo;
        }
    }

    static float[] runFloat(Model model, float[][] inputs) {
        Interpreter interpreter = new Interpreter(model);
        for (int i = 0; i < inputs.length; i++) {
            interpreter.input(i).copyFrom(Calibration.floatBytes(inputs[i]));
        }
        interpreter.invoke();
        TensorView out = interpreter.output(0);
        float[] v = new float[out.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = out.float32(i);
        }
        return v;
    }

    static byte[] quantizeInput(Tensor t, float[] x) {
        byte[] q = new byte[x.length];
        for (int j = 0; j < x.length; j++) {
            double r = Int8Quantizer.roundHalfAway(x[j] / t.quantization().scale0()) + t.quantization().zeroPoint0();
            q[j] = (byte) Math.max(-128, Math.min(127, r));
        }
        return q;
    }

    /** Runs the int8 model on quantized inputs; returns the raw int8 output. */
    static byte[] runInt8(Model model, float[][] inputs) {
        Interpreter interpreter = new Interpreter(model);
        for (int i = 0; i < inputs.length; i++) {
            interpreter.input(i).copyFrom(quantizeInput(model.mainSubgraph().inputTensor(i), inputs[i]));
        }
        interpreter.invoke();
        return interpreter.output(0).bytes();
    }

    static float[] dequantize(Tensor t, byte[] q) {
        float[] v = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = t.quantization().scale0() * (q[i] - t.quantization().zeroPoint0());
        }
        return v;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Float vs int8 agreement on each case's example inputs. Thresholds: max |float - dequantized
     * int8| over all outputs (in the output's units), and how many of the 8 examples keep their
     * arg-max (checked for multi-value outputs only).
     */
    @ParameterizedTest
    @CsvSource({
        // Measured (seed 42, 8 examples + 32 perturbed copies): 0.0070, 0.0052, 0.0188, 0.0421; arg-max 8/8.
        "conv1d_kws_float, 0.02, 7",
        "dense_gesture_float, 0.02, 7",
        "misc_elementwise_float, 0.04, 7",
        "tflm_hello_world_float, 0.06, 0",
    })
    void int8ModelTracksTheFloatModel(String name, double maxAbsDiff, int minArgMaxAgreement) throws IOException {
        FloatCase c = FloatCase.load(name);
        Calibration calibration = Calibration.collect(c.model(), c.calibrationSet(4, 42));
        Model int8 = Int8Quantizer.quantize(c.model(), calibration);
        Model roundTripped = TfliteReader.read(TfliteWriter.write(int8));

        Tensor out = roundTripped.mainSubgraph().outputTensor(0);
        assertEquals(TensorType.INT8, roundTripped.mainSubgraph().inputTensor(0).type());
        assertEquals(TensorType.INT8, out.type());
        for (Tensor t : roundTripped.mainSubgraph().tensors()) {
            assertTrue(t.type() != TensorType.FLOAT32, "float tensor left: " + t.name());
        }
        double worst = 0;
        int agree = 0;
        for (float[][] ex : c.examples()) {
            float[] expected = runFloat(c.model(), ex);
            float[] actual = dequantize(out, runInt8(roundTripped, ex));
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            if (argMax(expected) == argMax(actual)) {
                agree++;
            }
        }
        System.out.printf("%s: int8 %d bytes vs float %d bytes; max |float - int8| = %.4f (output scale %.5f);"
                + " arg-max agrees on %d/%d%n", name, TfliteWriter.write(int8).length,
                TfliteWriter.write(c.model()).length, worst, out.quantization().scale0(), agree, c.examples().size());
        assertTrue(worst <= maxAbsDiff, name + ": max abs diff " + worst + " > " + maxAbsDiff);
        assertTrue(agree >= minArgMaxAgreement, name + ": arg-max agrees on only " + agree);
    }
}
