package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.littlebrain.runtime.ConformanceCase;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.InterpreterOptions;
import dev.littlebrain.runtime.OpResolver;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.ConformanceCases;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels of this package accept the real conformance models: every operator they implement
 * prepares and evaluates without error on each model. Operators implemented elsewhere are replaced
 * by no-op stubs, so this checks validation and shapes, not values (ConformanceTest does that).
 */
class ConformanceModelsPrepareTest {

    static Stream<Path> cases() {
        return ConformanceCases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void opsOfThisPackagePrepareOnRealModels(Path dir) {
        ConformanceCase c = ConformanceCase.load(dir);
        OpResolver real = BuiltinOps.resolver();
        OpResolver.Builder b = OpResolver.builder();
        for (BuiltinOperator op : BuiltinOperator.values()) {
            b.add(op, real.find(op).orElse(node -> () -> { }));
        }
        Interpreter interpreter = assertDoesNotThrow(() -> new Interpreter(c.model(),
                InterpreterOptions.defaults().withResolver(b.build())));
        ConformanceCase.feed(interpreter, c.input(0));
        assertDoesNotThrow(interpreter::invoke);
    }
}
