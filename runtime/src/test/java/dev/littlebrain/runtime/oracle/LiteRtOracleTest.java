package dev.littlebrain.runtime.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.ConformanceCase;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.tflite.oracle.LiteRtOracle;
import dev.littlebrain.tflite.oracle.OracleModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance: every conformance model, after a read → write round trip through our writer, loads
 * and runs in real TensorFlow Lite (LiteRT), and computes what our runtime computes. TFLite's
 * optimized kernels round differently from the reference kernels by ±1 LSB, so int8 logits (the
 * tensors before SOFTMAX, exposed as extra outputs) must agree within 1 LSB — or within the
 * documented TFLM-vs-TFLite divergence of the case, where TFLM deliberately computes differently —
 * and the arg-max must agree on at least 99 % of inputs. Float models must agree within 1e-5.
 */
@Tag("toolchain")
class LiteRtOracleTest {
    private static Optional<LiteRtOracle> oracle;

    @BeforeAll
    static void findOracle() {
        oracle = LiteRtOracle.find();
    }

    static Stream<Path> cases() {
        return ConformanceCases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writtenModelsRunInRealTfliteLikeInOurs(Path dir) throws Exception {
        Assumptions.assumeTrue(oracle.isPresent(), "LiteRT oracle not installed (see output)");
        ConformanceCase c = ConformanceCase.load(dir);
        Model written = TfliteReader.read(TfliteWriter.write(c.model()));
        Model observed = OracleModels.exposing(written, OracleModels.preSoftmaxTensors(written));
        List<byte[]> examples = new ArrayList<>();
        for (int k = 0; k < c.examples(); k++) {
            examples.add(c.input(k));
        }
        List<byte[]> theirs = oracle.get().run(observed, examples);
        OracleComparison cmp = OracleComparison.of(observed, examples, theirs);

        boolean floatOutputs = observed.mainSubgraph().outputTensor(0).type() == TensorType.FLOAT32;
        // Where TFLM itself departs from TFLite's reference kernels (case.json records by how much),
        // our TFLM-exact runtime departs from TFLite by as much; beyond that, one LSB of rounding.
        double tfliteRefDivergence = c.json().path("tflite_builtin_ref_max_abs_diff").asDouble(0);
        double allowed = floatOutputs ? Math.max(1e-5, c.tolerance()) : Math.max(1, tfliteRefDivergence + 1);
        int logitsOutput = observed.mainSubgraph().outputs().size() > written.mainSubgraph().outputs().size()
                ? written.mainSubgraph().outputs().size() : 0;
        double logitsDiff = cmp.maxDiffPerOutput.get(logitsOutput);
        System.out.printf("litert %s: max diff %s (%s), arg-max agreement %d/%d%n", c.name(),
                floatOutputs ? String.format("%.2e", logitsDiff) : String.format("%.0f LSB", logitsDiff),
                logitsOutput == 0 ? "outputs" : "pre-softmax", cmp.argmaxAgreements, cmp.examples);
        assertTrue(logitsDiff <= allowed, c.name() + ": max diff " + logitsDiff + " > " + allowed);
        if (tfliteRefDivergence <= 1) {
            assertTrue(cmp.argmaxAgreementRate() >= 0.99, c.name() + ": arg-max agreement "
                    + cmp.argmaxAgreements + "/" + cmp.examples);
        }
        assertEquals(c.examples(), cmp.examples);
    }
}
