package dev.littlebrain.tflite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One model that runs several classifiers on the same input and outputs the mean of their scores: an ensemble an
 * interpreter, TFLite Micro or the generated C runs as it runs any model.
 *
 * <p>Every member must have one input and one output, of the same shapes and types. The first member's input
 * tensor becomes the ensemble's; a member whose input is quantized differently reads it through a QUANTIZE
 * (requantization). Each member's {@code [1, C]} output is reshaped to {@code [1, 1, C]} (requantized to the first
 * member's output parameters if they differ), the k of them concatenated to {@code [1, k, C]} and averaged over
 * that axis by MEAN, whose output has the first member's output shape and quantization. For int8 softmax outputs
 * (scale 1/256) the mean is rounded to the same 1/256 steps.
 */
public final class ModelEnsemble {
    /** The name of an ensemble's output tensor. */
    public static final String SCORES = "ensemble/scores";

    private ModelEnsemble() {
    }

    /** Whether {@code model} is an ensemble this class made (its output is the members' mean). */
    public static boolean isEnsemble(Model model) {
        Subgraph g = model.mainSubgraph();
        return g.outputs().size() == 1 && g.outputTensor(0).name().equals(SCORES);
    }

    /** The averaging ensemble of {@code members} (at least two), described as {@code description}. */
    public static Model averaging(List<Model> members, String description) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two members, got " + members.size());
        }
        Model first = members.get(0);
        Tensor input = singleIo(first, 0).inputTensor(0);
        Tensor output = singleIo(first, 0).outputTensor(0);
        if (output.rank() != 2 || output.shape().get(0) != 1) {
            throw new IllegalArgumentException("ensemble members must output [1, classes], member 1 outputs "
                    + output.shape());
        }
        for (int m = 1; m < members.size(); m++) {
            Subgraph g = singleIo(members.get(m), m);
            requireSameShapeAndType("input", input, g.inputTensor(0), m);
            requireSameShapeAndType("output", output, g.outputTensor(0), m);
        }

        Builder b = new Builder();
        int ensembleInput = -1;
        List<Integer> reshaped = new ArrayList<>();
        int classes = output.shape().get(1);
        for (int m = 0; m < members.size(); m++) {
            Model member = members.get(m);
            Subgraph g = member.mainSubgraph();
            String prefix = "member" + (m + 1) + "/";
            int[] tensorMap = new int[g.tensors().size()];
            Map<Integer, Integer> bufferMap = new HashMap<>();
            // A member quantized as the first reads the ensemble's input tensor itself; the others get their own,
            // written by a requantization.
            boolean sharesInput = m > 0 && g.inputTensor(0).quantization().equals(input.quantization());
            for (int t = 0; t < g.tensors().size(); t++) {
                Tensor tensor = g.tensor(t);
                if (sharesInput && t == g.inputs().get(0)) {
                    tensorMap[t] = ensembleInput;
                    continue;
                }
                int buffer = 0;
                if (member.isConstant(tensor)) {
                    buffer = bufferMap.computeIfAbsent(tensor.buffer(), i -> b.buffer(member.buffers().get(i)));
                }
                tensorMap[t] = b.tensor(new Tensor(prefix + tensor.name(), tensor.shape(), tensor.shapeSignature(),
                        tensor.type(), buffer, tensor.quantization(), tensor.isVariable()));
            }
            int memberInput = tensorMap[g.inputs().get(0)];
            if (m == 0) {
                ensembleInput = memberInput;
            } else if (!sharesInput) {
                b.op(code(BuiltinOperator.QUANTIZE, output.type()), new int[] {ensembleInput},
                        new int[] {memberInput}, new OperatorOptions.None());
            }
            for (Operator op : g.operators()) {
                b.op(member.operatorCode(op), mapped(op.inputs(), tensorMap), mapped(op.outputs(), tensorMap),
                        op.options(), op.customOptions(), op.intermediates().isEmpty() ? List.of()
                                : Arrays.stream(mapped(op.intermediates(), tensorMap)).boxed().toList());
            }
            int memberOutput = tensorMap[g.outputs().get(0)];
            Tensor out = b.tensors.get(memberOutput);
            if (!out.quantization().equals(output.quantization())) {
                int requantized = b.tensor(new Tensor(prefix + "scores_requantized", out.shapeArray(), out.type(), 0,
                        output.quantization()));
                b.op(code(BuiltinOperator.QUANTIZE, output.type()), new int[] {memberOutput},
                        new int[] {requantized}, new OperatorOptions.None());
                memberOutput = requantized;
            }
            int row = b.tensor(new Tensor(prefix + "scores_row", new int[] {1, 1, classes}, out.type(), 0,
                    output.quantization()));
            int shape = b.constantInt32(prefix + "scores_row_shape", new int[] {1, 1, classes});
            b.op(code(BuiltinOperator.RESHAPE, output.type()), new int[] {memberOutput, shape}, new int[] {row},
                    new OperatorOptions.Reshape(List.of(1, 1, classes)));
            reshaped.add(row);
        }
        int stacked = b.tensor(new Tensor("ensemble/member_scores", new int[] {1, members.size(), classes},
                output.type(), 0, output.quantization()));
        b.op(code(BuiltinOperator.CONCATENATION, output.type()),
                reshaped.stream().mapToInt(Integer::intValue).toArray(), new int[] {stacked},
                new OperatorOptions.Concatenation(1, Activation.NONE));
        int axis = b.constantInt32("ensemble/member_axis", new int[] {1});
        int mean = b.tensor(new Tensor(SCORES, output.shapeArray(), output.type(), 0,
                output.quantization()));
        b.op(code(BuiltinOperator.MEAN, output.type()), new int[] {stacked, axis}, new int[] {mean},
                new OperatorOptions.Reducer(false));

        Subgraph graph = new Subgraph(first.mainSubgraph().name(), b.tensors, List.of(ensembleInput), List.of(mean),
                b.operators);
        List<SignatureDef> signatures = new ArrayList<>();
        for (SignatureDef s : first.signatureDefs()) {
            if (s.inputs().size() == 1 && s.outputs().size() == 1) {
                signatures.add(new SignatureDef(s.key(), 0, Map.of(s.inputs().keySet().iterator().next(),
                        ensembleInput), Map.of(s.outputs().keySet().iterator().next(), mean)));
            }
        }
        return new Model(Model.SCHEMA_VERSION, b.codes, List.of(graph), description, b.buffers, List.of(),
                signatures);
    }

    private static Subgraph singleIo(Model model, int index) {
        if (model.subgraphs().size() != 1) {
            throw new IllegalArgumentException("ensemble member " + (index + 1) + " has " + model.subgraphs().size()
                    + " subgraphs; members must have one");
        }
        Subgraph g = model.mainSubgraph();
        if (g.inputs().size() != 1 || g.outputs().size() != 1) {
            throw new IllegalArgumentException("ensemble member " + (index + 1) + " has " + g.inputs().size()
                    + " inputs and " + g.outputs().size() + " outputs; members must have one of each");
        }
        return g;
    }

    private static void requireSameShapeAndType(String what, Tensor expected, Tensor actual, int index) {
        if (!expected.shape().equals(actual.shape()) || expected.type() != actual.type()) {
            throw new IllegalArgumentException("ensemble member " + (index + 1) + "'s " + what + " is "
                    + actual.type().dtypeName() + " " + actual.shape() + " but member 1's is "
                    + expected.type().dtypeName() + " " + expected.shape());
        }
    }

    /** TFLite's operator version for this tensor type ({@code op_version.cc}: int8 is version 2 but for RESHAPE). */
    private static OperatorCode code(BuiltinOperator op, TensorType type) {
        return OperatorCode.builtin(op, type == TensorType.INT8 && op != BuiltinOperator.RESHAPE ? 2 : 1);
    }

    private static int[] mapped(List<Integer> indices, int[] map) {
        int[] out = new int[indices.size()];
        for (int i = 0; i < out.length; i++) {
            int t = indices.get(i);
            out[i] = t < 0 ? t : map[t]; // -1 marks an omitted optional operand
        }
        return out;
    }

    /** The merged tensors, operators, operator codes (deduplicated) and buffers (buffer 0: the empty sentinel). */
    private static final class Builder {
        final List<Tensor> tensors = new ArrayList<>();
        final List<Operator> operators = new ArrayList<>();
        final List<OperatorCode> codes = new ArrayList<>();
        final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));

        int tensor(Tensor t) {
            tensors.add(t);
            return tensors.size() - 1;
        }

        int buffer(Buffer data) {
            buffers.add(data);
            return buffers.size() - 1;
        }

        int constantInt32(String name, int[] values) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4 * values.length)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                bytes.putInt(v);
            }
            return tensor(new Tensor(name, new int[] {values.length}, TensorType.INT32, buffer(Buffer.of(
                    bytes.array())), Quantization.NONE));
        }

        void op(OperatorCode code, int[] inputs, int[] outputs, OperatorOptions options) {
            op(code, inputs, outputs, options, null, List.of());
        }

        void op(OperatorCode code, int[] inputs, int[] outputs, OperatorOptions options,
                byte[] customOptions, List<Integer> intermediates) {
            int index = codes.indexOf(code);
            if (index < 0) {
                codes.add(code);
                index = codes.size() - 1;
            }
            operators.add(new Operator(index, Arrays.stream(inputs).boxed().toList(),
                    Arrays.stream(outputs).boxed().toList(), options, customOptions, intermediates));
        }
    }
}
