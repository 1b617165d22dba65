package dev.littlebrain.quantize;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The observed value range of every float activation tensor of a model's main graph (graph inputs
 * and every tensor an operator computes), over a representative dataset.
 *
 * <pre>{@code
 * Calibration calibration = Calibration.collect(floatModel, examples); // one float[] per graph input
 * Model int8 = Int8Quantizer.quantize(floatModel, calibration);
 * }</pre>
 */
public final class Calibration {
    /** The closed interval of values a tensor took. */
    public record Range(float min, float max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("empty or NaN range [" + min + ", " + max + "]");
            }
        }

        Range union(float lo, float hi) {
            return new Range(Math.min(min, lo), Math.max(max, hi));
        }
    }

    private final Map<Integer, Range> ranges;
    private final int examples;

    private Calibration(Map<Integer, Range> ranges, int examples) {
        this.ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
        this.examples = examples;
    }

    /** A calibration with the given ranges (tensor index to range), e.g. from another tool. */
    public static Calibration of(Map<Integer, Range> ranges) {
        return new Calibration(ranges, 0);
    }

    /**
     * Runs {@code floatModel} in our runtime on every example and records each float activation's
     * min/max. An example holds one float array per graph input, in graph-input order.
     */
    public static Calibration collect(Model floatModel, Iterable<float[][]> examples) {
        Subgraph g = floatModel.mainSubgraph();
        List<Integer> observed = activationTensors(floatModel);
        // Intermediate tensors share arena memory, so each observed tensor is made a graph output:
        // the planner then keeps it alive (and intact) until the end of the invocation.
        Interpreter interpreter = new Interpreter(exposing(floatModel, observed));
        Map<Integer, Range> ranges = new LinkedHashMap<>();
        int count = 0;
        for (float[][] example : examples) {
            if (example.length != g.inputs().size()) {
                throw new IllegalArgumentException("example " + count + " has " + example.length
                        + " input arrays, the model has " + g.inputs().size() + " inputs");
            }
            for (int i = 0; i < example.length; i++) {
                TensorView in = interpreter.input(i);
                if (in.elementCount() != example[i].length) {
                    throw new IllegalArgumentException("example " + count + " input " + i + " has "
                            + example[i].length + " values, tensor '" + in.name() + "' has " + in.elementCount());
                }
                in.copyFrom(floatBytes(example[i]));
            }
            interpreter.invoke();
            for (int t : observed) {
                TensorView v = interpreter.tensor(t);
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < v.elementCount(); k++) {
                    float x = v.float32(k);
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                if (v.elementCount() == 0) {
                    continue;
                }
                Range old = ranges.get(t);
                ranges.put(t, old == null ? new Range(lo, hi) : old.union(lo, hi));
            }
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("calibration needs at least one example");
        }
        return new Calibration(ranges, count);
    }

    /** The range observed for a tensor, if it was observed. */
    public Optional<Range> range(int tensor) {
        return Optional.ofNullable(ranges.get(tensor));
    }

    /** Tensor index to observed range, in the order tensors were first observed. */
    public Map<Integer, Range> ranges() {
        return ranges;
    }

    /** How many examples were run (0 when built with {@link #of}). */
    public int examples() {
        return examples;
    }

    /** Float32 tensors of the main graph that are graph inputs or computed by an operator. */
    static List<Integer> activationTensors(Model m) {
        Subgraph g = m.mainSubgraph();
        Set<Integer> out = new LinkedHashSet<>();
        for (int i : g.inputs()) {
            out.add(i);
        }
        for (Operator op : g.operators()) {
            out.addAll(op.outputs());
        }
        out.removeIf(t -> t < 0 || g.tensor(t).type() != TensorType.FLOAT32 || m.isConstant(g.tensor(t)));
        return new ArrayList<>(out);
    }

    static Model exposing(Model m, List<Integer> tensors) {
        Subgraph g = m.mainSubgraph();
        Set<Integer> outputs = new LinkedHashSet<>(g.outputs());
        outputs.addAll(tensors);
        List<Subgraph> graphs = new ArrayList<>(m.subgraphs());
        graphs.set(0, new Subgraph(g.name(), g.tensors(), g.inputs(), List.copyOf(outputs), g.operators()));
        return new Model(m.version(), m.operatorCodes(), graphs, m.description(), m.buffers(), m.metadata(),
                m.signatureDefs());
    }

    static byte[] floatBytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
