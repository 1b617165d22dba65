package dev.littlebrain.train.pytorch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.littlebrain.train.ModelSpec;
import dev.littlebrain.train.TrainedParameters;
import dev.littlebrain.train.TrainingDevice;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ModelSpec} instantiated in PyTorch (CPU) through DJL. Owns native memory: close it.
 */
public final class Network implements AutoCloseable {
    private final NDManager manager;
    private final SpecBlock block;
    private final ParameterStore store;

    private Network(NDManager manager, SpecBlock block) {
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
    }

    /** The PyTorch engine, loaded offline (the native library ships in the pytorch-native-cpu jar). */
    static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return Engine.getEngine("PyTorch");
    }

    /** A network with fresh Keras-style initial weights (glorot uniform, zero biases) drawn from {@code seed}. */
    public static Network initialize(ModelSpec spec, long seed) {
        return initialize(spec, seed, TrainingDevice.CPU);
    }

    /** As {@link #initialize(ModelSpec, long)}, its parameters and every array of its training on {@code device}. */
    public static Network initialize(ModelSpec spec, long seed, TrainingDevice device) {
        Engine engine = engine();
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        NDManager manager = engine.newBaseManager(PyTorchTrainer.resolve(device, engine));
        SpecBlock block = new SpecBlock(spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.inputSize()));
        return new Network(manager, block);
    }

    public ModelSpec spec() {
        return block.spec();
    }

    SpecBlock block() {
        return block;
    }

    NDManager manager() {
        return manager;
    }

    ParameterStore store() {
        return store;
    }

    /** Inference-mode forward pass (dropout off, BatchNorm running statistics); softmax applied if the spec ends in one. */
    public float[][] predict(float[][] inputs) {
        int size = spec().inputSize();
        float[] flat = new float[inputs.length * size];
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, flat, i * size, size);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(flat, new Shape(inputs.length, size));
            NDArray y = block.forward(store, new NDList(x), false).singletonOrThrow();
            y = y.reshape(inputs.length, -1);
            if (block.endsInSoftmax()) {
                y = y.softmax(1);
            }
            float[] out = y.toFloatArray();
            int k = out.length / inputs.length;
            float[][] rows = new float[inputs.length][k];
            for (int i = 0; i < inputs.length; i++) {
                System.arraycopy(out, i * k, rows[i], 0, k);
            }
            return rows;
        }
    }

    /** A copy of the current parameters. */
    public TrainedParameters parameters() {
        Map<String, TrainedParameters.Weights> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : block.parametersByKey().entrySet()) {
            NDArray a = e.getValue().getArray();
            long[] dims = a.getShape().getShape();
            int[] shape = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = (int) dims[i];
            }
            out.put(e.getKey(), new TrainedParameters.Weights(shape, a.toFloatArray()));
        }
        return new TrainedParameters(out);
    }

    /** Overwrites the parameters with {@code values} (same keys and shapes as {@link #parameters()}). */
    void load(TrainedParameters values) {
        Map<String, Parameter> params = block.parametersByKey();
        if (!params.keySet().equals(values.values().keySet())) {
            throw new IllegalArgumentException("parameter keys differ: " + values.values().keySet());
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray a = e.getValue().getArray();
            float[] v = values.values().get(e.getKey()).values();
            if (v.length != a.getShape().size()) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " size differs");
            }
            a.set(java.nio.FloatBuffer.wrap(v));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
