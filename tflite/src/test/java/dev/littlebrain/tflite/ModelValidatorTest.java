package dev.littlebrain.tflite;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

    private static Model model() throws Exception {
        Path dir = ConformanceCases.all().stream()
                .filter(p -> p.getFileName().toString().equals("dense_gesture_int8")).findFirst().orElseThrow();
        return TfliteReader.read(dir.resolve("model.tflite"));
    }

    private static Model withGraph(Model m, Subgraph g) {
        return new Model(m.version(), m.operatorCodes(), List.of(g), m.description(), m.buffers(), m.metadata(),
                m.signatureDefs());
    }

    private static Model withTensor(Model m, int index, UnaryOperator<Tensor> edit) {
        Subgraph g = m.mainSubgraph();
        List<Tensor> tensors = new ArrayList<>(g.tensors());
        tensors.set(index, edit.apply(tensors.get(index)));
        return withGraph(m, new Subgraph(g.name(), tensors, g.inputs(), g.outputs(), g.operators()));
    }

    private static String rejection(Model m) {
        return assertThrows(TfliteFormatException.class, () -> ModelValidator.validate(m)).getMessage();
    }

    @Test
    void acceptsTheOriginal() throws Exception {
        ModelValidator.validate(model());
    }

    @Test
    void outOfRangeTensorIndexInAnOperator() throws Exception {
        Model m = model();
        Subgraph g = m.mainSubgraph();
        List<Operator> ops = new ArrayList<>(g.operators());
        Operator op = ops.get(1);
        ops.set(1, new Operator(op.opcodeIndex(), List.of(op.input(0), 999, op.input(2)), op.outputs(), op.options(),
                null, List.of()));
        String msg = rejection(withGraph(m, new Subgraph(g.name(), g.tensors(), g.inputs(), g.outputs(), ops)));
        assertTrue(msg.contains("operator 1 (FULLY_CONNECTED)") && msg.contains("tensor 999"), msg);
    }

    @Test
    void outOfRangeBufferIndex() throws Exception {
        Model m = model();
        Tensor t = m.mainSubgraph().tensor(2);
        String msg = rejection(withTensor(m, 2, x -> new Tensor(x.name(), x.shape(), x.shapeSignature(), x.type(),
                500, x.quantization(), false)));
        assertTrue(msg.contains("tensor 2 ('" + t.name() + "')") && msg.contains("buffer 500"), msg);
    }

    @Test
    void bufferSizeMustMatchShapeTimesDtype() throws Exception {
        Model m = model();
        int weights = m.mainSubgraph().operators().get(0).input(1);
        String msg = rejection(withTensor(m, weights, x -> new Tensor(x.name(), List.of(64, 601), List.of(), x.type(),
                x.buffer(), x.quantization(), false)));
        assertTrue(msg.contains("tensor " + weights) && msg.contains("38464 bytes") && msg.contains("holds 38400"), msg);
    }

    @Test
    void int8TensorWithoutQuantization() throws Exception {
        Model m = model();
        int input = m.mainSubgraph().inputs().get(0);
        String msg = rejection(withTensor(m, input, x -> new Tensor(x.name(), x.shape(), x.shapeSignature(), x.type(),
                x.buffer(), Quantization.NONE, false)));
        assertTrue(msg.contains("tensor " + input) && msg.contains("no quantization parameters"), msg);
    }

    @Test
    void perChannelScalesMustMatchTheDimension() throws Exception {
        Model m = model();
        int weights = m.mainSubgraph().operators().get(0).input(1);
        String msg = rejection(withTensor(m, weights, x -> new Tensor(x.name(), x.shape(), x.shapeSignature(),
                x.type(), x.buffer(), Quantization.perChannel(new float[] {1f, 2f}, new long[] {0, 0}, 0), false)));
        assertTrue(msg.contains("2 per-channel scales") && msg.contains("size 64"), msg);
    }

    @Test
    void operatorsOutOfOrderAreAGraphCycle() throws Exception {
        Model m = model();
        Subgraph g = m.mainSubgraph();
        List<Operator> ops = new ArrayList<>(g.operators());
        java.util.Collections.swap(ops, 0, 1);
        String msg = rejection(withGraph(m, new Subgraph(g.name(), g.tensors(), g.inputs(), g.outputs(), ops)));
        assertTrue(msg.contains("operator 0 (FULLY_CONNECTED)") && msg.contains("cycle"), msg);
    }

    @Test
    void selfLoopIsAGraphCycle() throws Exception {
        Model m = model();
        Subgraph g = m.mainSubgraph();
        List<Operator> ops = new ArrayList<>(g.operators());
        Operator op = ops.get(1);
        ops.set(1, new Operator(op.opcodeIndex(), List.of(op.output(0), op.input(1), op.input(2)), op.outputs(),
                op.options(), null, List.of()));
        String msg = rejection(withGraph(m, new Subgraph(g.name(), g.tensors(), g.inputs(), g.outputs(), ops)));
        assertTrue(msg.contains("operator 1") && msg.contains("cycle"), msg);
    }

    @Test
    void opcodeIndexOutOfRange() throws Exception {
        Model m = model();
        Subgraph g = m.mainSubgraph();
        List<Operator> ops = new ArrayList<>(g.operators());
        Operator op = ops.get(0);
        ops.set(0, new Operator(7, op.inputs(), op.outputs(), op.options(), null, List.of()));
        String msg = rejection(withGraph(m, new Subgraph(g.name(), g.tensors(), g.inputs(), g.outputs(), ops)));
        assertTrue(msg.contains("operator 0 uses opcode index 7"), msg);
    }

    @Test
    void deprecatedBuiltinCodeIsResolved() throws Exception {
        // Codes above 127 live only in the int field; the byte field carries the placeholder.
        Model m = model();
        List<OperatorCode> codes = new ArrayList<>(m.operatorCodes());
        codes.add(new OperatorCode(BuiltinOperator.GELU.code(), null, 1));
        Model withGelu = new Model(m.version(), codes, m.subgraphs(), m.description(), m.buffers(), m.metadata(),
                m.signatureDefs());
        Model back = TfliteReader.read(TfliteWriter.write(withGelu));
        assertTrue(back.operatorCodes().get(codes.size() - 1).builtin() == BuiltinOperator.GELU);
    }
}
