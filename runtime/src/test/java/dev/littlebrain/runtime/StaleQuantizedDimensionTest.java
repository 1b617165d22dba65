package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TfliteFormatException;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow Lite Micro's own {@code person_detect.tflite} stores biases whose {@code quantized_dimension} is the
 * depthwise filter's (3) although a bias has rank 1; TFLM never reads the field there and runs the model, so the
 * reader and the runtime must too. A tensor of higher rank with an impossible dimension stays an error.
 */
class StaleQuantizedDimensionTest {

    @Test
    void biasesWithAStaleQuantizedDimensionRunAsTflmRunsThem() {
        Path dir = ConformanceCases.all().stream().filter(p -> p.getFileName().toString().equals("dscnn_small_int8"))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(dir != null, "dscnn_small_int8 not in ../shared/conformance");
        ConformanceCase c = ConformanceCase.load(dir);
        int[] changed = {0};
        Model stale = withQuantizedDimension(c.model(), t -> t.shape().size() == 1 && t.quantization().isPerChannel(),
                3, changed);
        assertTrue(changed[0] > 0, "the model has per-channel biases to make stale");

        Model reread = TfliteReader.read(TfliteWriter.write(stale));
        dev.littlebrain.tflite.ModelValidator.validate(reread);
        Interpreter interpreter = new Interpreter(reread);
        for (int k = 0; k < c.examples(); k++) {
            ConformanceCase.feed(interpreter, c.input(k));
            interpreter.invoke();
            assertArrayEquals(c.output(k), ConformanceCase.collect(interpreter), "example " + k);
        }
    }

    @Test
    void aFilterWithAnImpossibleDimensionIsStillRefused() {
        Path dir = ConformanceCases.all().stream().filter(p -> p.getFileName().toString().equals("dscnn_small_int8"))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(dir != null, "dscnn_small_int8 not in ../shared/conformance");
        Model broken = withQuantizedDimension(ConformanceCase.load(dir).model(),
                t -> t.shape().size() == 4 && t.quantization().isPerChannel(), 7, new int[1]);
        TfliteFormatException e = assertThrows(TfliteFormatException.class,
                () -> new Interpreter(TfliteReader.read(TfliteWriter.write(broken))));
        assertTrue(e.getMessage().contains("quantized along dimension 7"), e.getMessage());
    }

    private static Model withQuantizedDimension(Model model, Predicate<Tensor> which, int dimension, int[] changed) {
        Subgraph g = model.mainSubgraph();
        List<Tensor> tensors = new ArrayList<>();
        for (Tensor t : g.tensors()) {
            if (which.test(t)) {
                Quantization q = t.quantization();
                t = new Tensor(t.name(), t.shape(), t.shapeSignature(), t.type(), t.buffer(),
                        new Quantization(q.scale(), q.zeroPoint(), dimension, q.min(), q.max()), t.isVariable());
                changed[0]++;
            }
            tensors.add(t);
        }
        List<Subgraph> subgraphs = new ArrayList<>(model.subgraphs());
        subgraphs.set(0, new Subgraph(g.name(), tensors, g.inputs(), g.outputs(), g.operators()));
        return new Model(model.version(), model.operatorCodes(), subgraphs, model.description(), model.buffers(),
                model.metadata(), model.signatureDefs());
    }
}
