package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.params.ConvParams;
import dev.littlebrain.runtime.params.DepthwiseParams;
import dev.littlebrain.runtime.params.KernelParams;
import dev.littlebrain.runtime.params.SoftmaxParams;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An interpreter hands out the params each kernel was prepared with, and says clearly when the type is not it. */
class KernelParamsTest {

    private static Model conformance(String name) throws Exception {
        Path dir = ConformanceCases.all().stream().filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow();
        return TfliteReader.read(dir.resolve("model.tflite"));
    }

    @Test
    void int8KernelsYieldTheirParamsAndTwoPreparationsAgree() throws Exception {
        Model model = conformance("dscnn_small_int8");
        Interpreter a = new Interpreter(model);
        Interpreter b = new Interpreter(model);
        int conv = 0;
        int depthwise = 0;
        for (int i = 0; i < model.mainSubgraph().operators().size(); i++) {
            KernelParams p = a.params(i);
            assertEquals(p, b.params(i), "operator " + i);
            conv += p instanceof ConvParams ? 1 : 0;
            depthwise += p instanceof DepthwiseParams ? 1 : 0;
        }
        assertTrue(conv > 0 && depthwise > 0, "a DS-CNN has convolutions and depthwise convolutions");
        int last = model.mainSubgraph().operators().size() - 1;
        SoftmaxParams softmax = a.params(last, SoftmaxParams.class);
        assertEquals(8, softmax.outputBits());
        assertTrue(softmax.diffMin() < 0 && softmax.inputMultiplier().multiplier() >= 1 << 30);
    }

    @Test
    void floatKernelsYieldNoneAndAskingForATypeNamesTheOperator() throws Exception {
        Interpreter interpreter = new Interpreter(conformance("dense_gesture_float"));
        assertSame(KernelParams.NONE, interpreter.params(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> interpreter.params(0, ConvParams.class));
        assertTrue(e.getMessage().startsWith("operator 0 (FULLY_CONNECTED) was prepared with None, not ConvParams"),
                e.getMessage());
    }
}
