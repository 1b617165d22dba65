package dev.littlebrain.runtime.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import dev.littlebrain.runtime.ConformanceCase;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.tflite.oracle.OracleModels;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same check with DJL's TensorFlow Lite engine, the TFLite build on Maven Central. It is
 * TFLite 2.6, which predates per-channel quantized FULLY_CONNECTED weights (it reads only the first
 * scale), so for models with those it is asserted only that our written file loads and runs; every
 * other model must agree with our runtime as in {@link LiteRtOracleTest}.
 */
class DjlTfliteTest {

    static Stream<Path> cases() {
        return ConformanceCases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writtenModelsRunInDjlTflite(Path dir, @TempDir Path tmp) throws Exception {
        ConformanceCase c = ConformanceCase.load(dir);
        Model written = TfliteReader.read(TfliteWriter.write(c.model()));
        Model observed = OracleModels.exposing(written, OracleModels.preSoftmaxTensors(written));
        Path file = tmp.resolve("model.tflite");
        Files.write(file, TfliteWriter.write(observed));

        List<byte[]> examples = new ArrayList<>();
        List<byte[]> theirs = new ArrayList<>();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file).optEngine("TFLite").build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel(); var predictor = model.newPredictor()) {
            for (int k = 0; k < c.examples(); k++) {
                byte[] input = c.input(k);
                examples.add(input);
                NDList inputs = new NDList();
                int offset = 0;
                for (int i = 0; i < observed.mainSubgraph().inputs().size(); i++) {
                    Tensor t = observed.mainSubgraph().inputTensor(i);
                    int bytes = (int) t.byteSize();
                    ByteBuffer data = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
                    data.put(input, offset, bytes).flip();
                    offset += bytes;
                    inputs.add(model.getNDManager().create(data, shape(t), dataType(t.type())));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (NDArray a : predictor.predict(inputs)) {
                    out.writeBytes(a.toByteArray());
                }
                theirs.add(out.toByteArray());
            }
        }
        assertEquals(c.examples(), theirs.size());
        OracleComparison cmp = OracleComparison.of(observed, examples, theirs);
        if (hasPerChannelFullyConnected(observed)) {
            System.out.println("djl-tflite " + c.name() + ": loads and runs; outputs not compared (TFLite 2.6"
                    + " has no per-channel FULLY_CONNECTED)");
            return;
        }
        boolean floatOutputs = observed.mainSubgraph().outputTensor(0).type() == TensorType.FLOAT32;
        double tfliteRefDivergence = c.json().path("tflite_builtin_ref_max_abs_diff").asDouble(0);
        double allowed = floatOutputs ? Math.max(1e-5, c.tolerance()) : Math.max(1, tfliteRefDivergence + 1);
        double worst = cmp.maxDiffPerOutput.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf("djl-tflite %s: max diff %s, arg-max agreement %d/%d%n", c.name(),
                floatOutputs ? String.format("%.2e", worst) : String.format("%.0f LSB", worst),
                cmp.argmaxAgreements, cmp.examples);
        assertTrue(worst <= allowed, c.name() + ": max diff " + worst + " > " + allowed);
        if (tfliteRefDivergence <= 1) {
            assertTrue(cmp.argmaxAgreementRate() >= 0.99);
        }
    }

    private static boolean hasPerChannelFullyConnected(Model m) {
        for (Operator op : m.mainSubgraph().operators()) {
            if (m.operatorCode(op).builtin() == BuiltinOperator.FULLY_CONNECTED
                    && m.mainSubgraph().tensor(op.input(1)).quantization().isPerChannel()) {
                return true;
            }
        }
        return false;
    }

    private static Shape shape(Tensor t) {
        return new Shape(java.util.Arrays.stream(t.shapeArray()).asLongStream().toArray());
    }

    private static DataType dataType(TensorType type) {
        return switch (type) {
            case FLOAT32 -> DataType.FLOAT32;
            case INT8 -> DataType.INT8;
            case UINT8 -> DataType.UINT8;
            case INT32 -> DataType.INT32;
            default -> throw new IllegalArgumentException("input type " + type);
        };
    }
}
