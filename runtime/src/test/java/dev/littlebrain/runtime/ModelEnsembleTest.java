package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.tflite.ModelValidator;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ModelEnsemble}: one graph whose scores are the mean of its members' scores, run by the interpreter. */
class ModelEnsembleTest {

    /** int8 [1, 4] in, SOFTMAX (beta {@code beta}), int8 [1, 4] out at 1/256, -128: TFLite's softmax output. */
    private static Model softmaxModel(float inputScale, int inputZeroPoint, float beta) {
        List<Tensor> tensors = List.of(
                new Tensor("features", new int[] {1, 4}, TensorType.INT8, 0,
                        Quantization.perTensor(inputScale, inputZeroPoint)),
                new Tensor("scores", new int[] {1, 4}, TensorType.INT8, 0, Quantization.perTensor(1f / 256, -128)));
        Operator softmax = new Operator(0, new int[] {0}, new int[] {1}, new OperatorOptions.Softmax(beta));
        return new Model(Model.SCHEMA_VERSION, List.of(OperatorCode.builtin(BuiltinOperator.SOFTMAX, 2)),
                List.of(new Subgraph("main", tensors, List.of(0), List.of(1), List.of(softmax))), "member",
                List.of(Buffer.EMPTY), List.of(), List.of());
    }

    private static float[] run(Model model, byte[] input) {
        Interpreter it = new Interpreter(model);
        for (int i = 0; i < input.length; i++) {
            it.input(0).setInt8(i, input[i]);
        }
        it.invoke();
        TensorView out = it.output(0);
        float[] scores = new float[out.elementCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) out.real(i);
        }
        return scores;
    }

    @Test
    void scoresAreTheMeanOfTheMembersScores() throws Exception {
        // The second member reads the input through a requantization (other scale and zero point), the third
        // shares the first's input parameters and reads the input tensor itself.
        List<Model> members = List.of(softmaxModel(0.05f, 3, 1f), softmaxModel(0.08f, -7, 1f),
                softmaxModel(0.05f, 3, 0.5f));
        Model ensemble = ModelEnsemble.averaging(members, "three members");
        ModelValidator.validate(ensemble);
        Model reread = TfliteReader.read(TfliteWriter.write(ensemble));
        assertEquals(1, reread.mainSubgraph().inputs().size());
        assertTrue(ModelEnsemble.isEnsemble(reread) && !ModelEnsemble.isEnsemble(members.get(0)));
        long requantizations = reread.mainSubgraph().operators().stream()
                .filter(op -> reread.operatorCode(op).builtin() == BuiltinOperator.QUANTIZE).count();
        assertEquals(1, requantizations, "only the member with other input parameters requantizes");
        // No tensor is left over: each is the input, a constant, or an operator's output (a member sharing the
        // input reads the ensemble's own tensor).
        Subgraph joined = reread.mainSubgraph();
        for (int t = 0; t < joined.tensors().size(); t++) {
            int index = t;
            boolean written = joined.operators().stream().anyMatch(op -> op.outputs().contains(index));
            assertTrue(joined.inputs().contains(t) || reread.isConstant(joined.tensor(t)) || written,
                    joined.tensor(t).name());
        }

        Random rng = new Random(11);
        int differing = 0;
        for (int trial = 0; trial < 200; trial++) {
            byte[] input = new byte[4];
            rng.nextBytes(input);
            // The second member sees the same real values as the others: its input is the requantized tensor.
            float[] expected = new float[4];
            Model secondOnOwnScale = members.get(1);
            float[][] each = {run(members.get(0), input), runRequantized(secondOnOwnScale, input, 0.05f, 3),
                    run(members.get(2), input)};
            for (float[] s : each) {
                for (int c = 0; c < 4; c++) {
                    expected[c] += s[c] / 3;
                }
            }
            float[] actual = run(reread, input);
            for (int c = 0; c < 4; c++) {
                // The mean is rounded back to the output's 1/256 steps.
                assertEquals(expected[c], actual[c], 1f / 256 + 1e-6f, "trial " + trial + " class " + c);
                differing += Math.abs(expected[c] - actual[c]) > 1e-6f ? 1 : 0;
            }
        }
        assertTrue(differing < 800, "the mean is not just one member's scores");
    }

    /** The member run on {@code input} given at (scale, zeroPoint), requantized to its own input parameters. */
    private static float[] runRequantized(Model member, byte[] input, float scale, int zeroPoint) {
        Tensor in = member.mainSubgraph().inputTensor(0);
        byte[] requantized = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            double real = scale * (input[i] - zeroPoint);
            long q = Math.round(real / in.quantization().scale0()) + in.quantization().zeroPoint0();
            requantized[i] = (byte) Math.max(-128, Math.min(127, q));
        }
        return run(member, requantized);
    }

    @Test
    void membersMustAgreeOnShapes() {
        Model four = softmaxModel(0.05f, 3, 1f);
        List<Tensor> tensors = List.of(
                new Tensor("features", new int[] {1, 3}, TensorType.INT8, 0, Quantization.perTensor(0.05f, 3)),
                new Tensor("scores", new int[] {1, 3}, TensorType.INT8, 0, Quantization.perTensor(1f / 256, -128)));
        Model three = new Model(Model.SCHEMA_VERSION, List.of(OperatorCode.builtin(BuiltinOperator.SOFTMAX, 2)),
                List.of(new Subgraph("main", tensors, List.of(0), List.of(1), List.of(new Operator(0, new int[] {0},
                        new int[] {1}, new OperatorOptions.Softmax(1f))))), "member", List.of(Buffer.EMPTY),
                List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelEnsemble.averaging(List.of(four, three), "mismatch"));
        assertTrue(e.getMessage().contains("member 2") && e.getMessage().contains("[1, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelEnsemble.averaging(List.of(four), "one"));
    }
}
