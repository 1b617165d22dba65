package dev.littlebrain.tflite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a parsed model is internally consistent before anything runs it: every index in
 * range, constant data the size its shape says, quantized tensors with usable parameters, and
 * operators in an order where each reads only tensors that already exist. The first problem found
 * is reported with the index (and name) of the tensor, operator or buffer involved.
 */
public final class ModelValidator {
    private ModelValidator() {
    }

    public static void validate(Model model) {
        if (model.version() != Model.SCHEMA_VERSION) {
            throw new TfliteFormatException("schema version " + model.version() + " is not supported (expected "
                    + Model.SCHEMA_VERSION + ")");
        }
        if (model.subgraphs().isEmpty()) {
            throw new TfliteFormatException("model has no subgraph");
        }
        for (int i = 0; i < model.metadata().size(); i++) {
            Metadata m = model.metadata().get(i);
            if (m.buffer() < 0 || m.buffer() >= model.buffers().size()) {
                throw new TfliteFormatException("metadata '" + m.name() + "' points at buffer " + m.buffer()
                        + " but the model has " + model.buffers().size() + " buffers");
            }
        }
        for (int s = 0; s < model.subgraphs().size(); s++) {
            validateSubgraph(model, model.subgraphs().get(s), s);
        }
    }

    private static void validateSubgraph(Model model, Subgraph g, int subgraphIndex) {
        String where = model.subgraphs().size() > 1 ? "subgraph " + subgraphIndex + ": " : "";
        List<Tensor> tensors = g.tensors();
        for (int i = 0; i < tensors.size(); i++) {
            validateTensor(model, tensors.get(i), i, where);
        }
        int n = tensors.size();
        boolean[] available = new boolean[n];
        for (int input : g.inputs()) {
            checkTensorIndex(input, n, where + "subgraph input");
            available[input] = true;
        }
        for (int i = 0; i < n; i++) {
            if (model.isConstant(tensors.get(i)) || tensors.get(i).isVariable()) {
                available[i] = true;
            }
        }
        Map<Integer, Integer> producer = new HashMap<>();
        for (int o = 0; o < g.operators().size(); o++) {
            for (int t : g.operators().get(o).outputs()) {
                producer.putIfAbsent(t, o);
            }
        }
        for (int o = 0; o < g.operators().size(); o++) {
            Operator op = g.operators().get(o);
            if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
                throw new TfliteFormatException(where + "operator " + o + " uses opcode index " + op.opcodeIndex()
                        + " but the model has " + model.operatorCodes().size() + " operator codes");
            }
            String opName = "operator " + o + " (" + model.operatorCode(op).displayName() + ")";
            for (int t : op.inputs()) {
                if (t == -1) {
                    continue; // an omitted optional input
                }
                checkTensorIndex(t, n, where + opName + " input");
                if (!available[t]) {
                    Integer p = producer.get(t);
                    if (p != null && p >= o) {
                        throw new TfliteFormatException(where + opName + " reads tensor " + t + " ('"
                                + tensors.get(t).name() + "') which operator " + p
                                + " writes later: the graph has a cycle or is not in execution order");
                    }
                    throw new TfliteFormatException(where + opName + " reads tensor " + t + " ('"
                            + tensors.get(t).name() + "') that no earlier operator writes and that is neither an"
                            + " input nor a constant");
                }
            }
            for (int t : op.outputs()) {
                checkTensorIndex(t, n, where + opName + " output");
                if (available[t] && !tensors.get(t).isVariable()) {
                    throw new TfliteFormatException(where + opName + " writes tensor " + t + " ('"
                            + tensors.get(t).name() + "') which is already an input, a constant or another"
                            + " operator's output");
                }
                available[t] = true;
            }
        }
        for (int out : g.outputs()) {
            checkTensorIndex(out, n, where + "subgraph output");
            if (!available[out]) {
                throw new TfliteFormatException(where + "subgraph output tensor " + out + " ('"
                        + tensors.get(out).name() + "') is never written");
            }
        }
    }

    private static void validateTensor(Model model, Tensor t, int index, String where) {
        String name = where + "tensor " + index + " ('" + t.name() + "')";
        if (t.buffer() < 0 || t.buffer() >= model.buffers().size()) {
            throw new TfliteFormatException(name + " points at buffer " + Integer.toUnsignedString(t.buffer())
                    + " but the model has " + model.buffers().size() + " buffers");
        }
        long elements = 1;
        for (int d : t.shape()) {
            if (d < 0) {
                throw new TfliteFormatException(name + " has a negative dimension in shape " + t.shape());
            }
            elements *= d;
            if (elements > Integer.MAX_VALUE) {
                throw new TfliteFormatException(name + " has more than 2^31 elements: shape " + t.shape());
            }
        }
        Buffer data = model.buffers().get(t.buffer());
        if (!data.isEmpty() && t.type().hasFixedSize()) {
            long expected = elements * t.type().byteSize();
            if (data.size() != expected) {
                throw new TfliteFormatException(name + " has shape " + t.shape() + " of " + t.type().dtypeName()
                        + " (" + expected + " bytes) but its buffer " + t.buffer() + " holds " + data.size()
                        + " bytes");
            }
        }
        Quantization q = t.quantization();
        if (t.type().isQuantizedInteger() && !q.isPresent()) {
            throw new TfliteFormatException(name + " is " + t.type().dtypeName()
                    + " but has no quantization parameters (scale/zero point); re-convert the model with"
                    + " full-integer quantization");
        }
        if (q.isPresent()) {
            for (float s : q.scale()) {
                if (!Float.isFinite(s) || s < 0) {
                    throw new TfliteFormatException(name + " has an invalid quantization scale " + s);
                }
            }
            if (!q.zeroPoint().isEmpty() && q.zeroPoint().size() != q.scale().size()) {
                throw new TfliteFormatException(name + " has " + q.scale().size() + " scales but "
                        + q.zeroPoint().size() + " zero points");
            }
            // TFLM reads quantized_dimension only where a kernel asks for it (filters), so a rank-1 tensor (a bias)
            // with one scale per element may carry a stale dimension, as TFLM's own person_detect.tflite does.
            boolean vectorPerElement = t.rank() == 1 && t.shape().get(0) == q.scale().size();
            if (q.isPerChannel() && !vectorPerElement) {
                int dim = q.quantizedDimension();
                if (dim < 0 || dim >= t.rank()) {
                    throw new TfliteFormatException(name + " is quantized along dimension " + dim
                            + " but has rank " + t.rank());
                }
                if (t.shape().get(dim) != q.scale().size()) {
                    throw new TfliteFormatException(name + " has " + q.scale().size()
                            + " per-channel scales but dimension " + dim + " has size " + t.shape().get(dim));
                }
            }
        }
    }

    private static void checkTensorIndex(int t, int count, String what) {
        if (t < 0 || t >= count) {
            throw new TfliteFormatException(what + " refers to tensor " + t + " but the subgraph has " + count
                    + " tensors");
        }
    }
}
