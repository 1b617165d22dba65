package dev.littlebrain.impulse.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's conformance part as a library call: TFLM's recorded outputs reproduced, and a difference caught. */
class ConformanceCheckTest {

    @Test
    void anInt8CaseMatchesTfliteMicroByteForByte() throws IOException {
        Path dir = SharedFolder.require("conformance").resolve("dense_gesture_int8");
        ConformanceCase c = ConformanceCheck.run(dir);
        assertEquals("dense_gesture_int8", c.model());
        assertEquals(c.examples(), c.exact());
        assertTrue(c.examples() > 0 && c.ops() > 0 && c.arenaBytes() > 0 && c.macs() > 0, c.toString());
        assertTrue(c.passed());
        assertTrue(c.verdict().startsWith("PASS " + c.examples() + "/" + c.examples()), c.verdict());
        assertTrue(ConformanceCheck.cases(dir.getParent()).contains(dir), "the case is listed");
    }

    @Test
    void oneChangedOutputByteFailsAnInt8Case(@TempDir Path tmp) throws IOException {
        Path dir = SharedFolder.require("conformance").resolve("dense_gesture_int8");
        Path copy = tmp.resolve("dense_gesture_int8");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        byte[] out = Files.readAllBytes(copy.resolve("output_0.bin"));
        out[0] ^= 1;
        Files.write(copy.resolve("output_0.bin"), out);
        ConformanceCase c = ConformanceCheck.run(copy);
        assertEquals(c.examples() - 1, c.exact());
        assertFalse(c.passed());
        assertTrue(c.verdict().startsWith("FAIL"), c.verdict());
    }
}
