package dev.littlebrain.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One inference of each keyword-spotting conformance model: LittleBrain's {@code Interpreter.invoke()}
 * against TensorFlow Lite's native optimized kernels (DJL's TFLite engine) on the same input in the
 * same JVM, so the ratio between the two is what to read.
 *
 * <pre>java -jar bench/target/benchmarks.jar InterpreterBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterpreterBenchmark {

    @Param({"conv1d_kws_int8", "conv2d_kws_int8", "dscnn_small_int8", "tflm_micro_speech"})
    public String model;

    private Interpreter interpreter;
    private byte[] input;
    private ZooModel<NDList, NDList> djlModel;
    private Predictor<NDList, NDList> djlPredictor;
    private NDList djlInput;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = BenchModels.caseDir(model);
        Model parsed = TfliteReader.read(dir.resolve("model.tflite"));
        interpreter = new Interpreter(parsed);
        input = Files.readAllBytes(dir.resolve("input_0.bin"));

        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(dir.resolve("model.tflite")).optEngine("TFLite").build();
        djlModel = criteria.loadModel();
        djlPredictor = djlModel.newPredictor();
        Tensor in = parsed.mainSubgraph().inputTensor(0);
        ByteBuffer data = ByteBuffer.allocateDirect(input.length).order(ByteOrder.nativeOrder());
        data.put(input).flip();
        djlInput = new NDList(djlModel.getNDManager().create(data,
                new Shape(java.util.Arrays.stream(in.shapeArray()).asLongStream().toArray()),
                in.type() == TensorType.FLOAT32 ? DataType.FLOAT32 : DataType.INT8));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        djlPredictor.close();
        djlModel.close();
    }

    @Benchmark
    public byte littlebrain() {
        interpreter.input(0).copyFrom(input);
        interpreter.invoke();
        return interpreter.output(0).int8(0);
    }

    @Benchmark
    public Object tfliteNativeOptimized() throws Exception {
        return djlPredictor.predict(djlInput);
    }
}
