package dev.littlebrain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TfliteReaderTest {

    static Stream<Path> cases() {
        return ConformanceCases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsConformanceModelsAndTheirDeclaredOps(Path dir) throws IOException {
        Model model = TfliteReader.read(dir.resolve("model.tflite"));
        var caseJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("case.json").toFile());
        List<String> expectedOps = new java.util.ArrayList<>();
        caseJson.get("ops").forEach(n -> expectedOps.add(n.asText()));
        List<String> ops = model.mainSubgraph().operators().stream()
                .map(op -> model.operatorCode(op).displayName()).toList();
        assertEquals(expectedOps, ops);
        var inputs = caseJson.get("inputs");
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = model.mainSubgraph().inputTensor(i);
            assertEquals(inputs.get(i).get("dtype").asText(), t.type().dtypeName());
            List<Integer> shape = new java.util.ArrayList<>();
            inputs.get(i).get("shape").forEach(d -> shape.add(d.asInt()));
            assertEquals(shape, t.shape());
            if (inputs.get(i).get("scale").size() == 1) {
                assertEquals(inputs.get(i).get("scale").get(0).floatValue(), t.quantization().scale0());
                assertEquals(inputs.get(i).get("zero_point").get(0).asInt(), t.quantization().zeroPoint0());
            }
        }
        assertTrue(model.buffers().get(0).isEmpty(), "buffer 0 is the empty sentinel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writeThenReadGivesAnEqualModel(Path dir) throws IOException {
        Model model = TfliteReader.read(dir.resolve("model.tflite"));
        byte[] written = TfliteWriter.write(model);
        Model again = TfliteReader.read(written);
        ModelValidator.validate(again);
        assertEquals(model, again);
        assertArrayEquals(written, TfliteWriter.write(again), "writing is deterministic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writtenBuffersAre16ByteAligned(Path dir) throws IOException {
        Model model = TfliteReader.read(dir.resolve("model.tflite"));
        byte[] written = TfliteWriter.write(model);
        var fb = dev.littlebrain.tflite.fb.Model.getRootAsModel(
                java.nio.ByteBuffer.wrap(written).order(java.nio.ByteOrder.LITTLE_ENDIAN));
        int checked = 0;
        for (int i = 0; i < fb.buffersLength(); i++) {
            var data = fb.buffers(i).dataAsByteBuffer();
            if (data != null && data.remaining() > 0) {
                assertEquals(0, data.position() % 16, "buffer " + i + " starts at " + data.position());
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void largeModelBufferFormIsRead(Path dir) throws IOException {
        // The offset/size layout TFLite uses for models over 2 GB.
        Model model = TfliteReader.read(dir.resolve("model.tflite"));
        byte[] appended = TfliteWriter.writeWithAppendedBuffers(model);
        Model again = TfliteReader.read(appended);
        assertEquals(model, again);
        assertFalse(again.buffers().isEmpty());
    }

    @org.junit.jupiter.api.Test
    void rejectsAppendedBufferWhoseOffsetPlusSizeOverflows() {
        // Regression (found by ModelFuzzTest): offset + size overflowed, the check passed and the
        // reader allocated gigabytes before failing.
        var b = new com.google.flatbuffers.FlatBufferBuilder();
        int buffer = dev.littlebrain.tflite.fb.Buffer.createBuffer(b, 0, 16, Long.MAX_VALUE - 8);
        int buffers = b.createVectorOfTables(new int[] {buffer});
        int root = dev.littlebrain.tflite.fb.Model.createModel(b, 3, 0, 0, 0, buffers, 0, 0, 0);
        b.finish(root, "TFL3");
        byte[] bytes = b.sizedByteArray();
        var e = org.junit.jupiter.api.Assertions.assertThrows(TfliteFormatException.class, () -> TfliteReader.read(bytes));
        // Rejected by the range check itself, before any allocation, not by a failing copy afterwards.
        assertTrue(e.getMessage().contains("buffer 0 points at bytes") && e.getMessage().contains("outside"),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void rejectsNonTfliteBytes() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(TfliteFormatException.class,
                () -> TfliteReader.read("hello, this is not a model".getBytes()));
        assertTrue(e.getMessage().contains("TFL3"), e.getMessage());
        var t = org.junit.jupiter.api.Assertions.assertThrows(TfliteFormatException.class,
                () -> TfliteReader.read(new byte[5]));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
    }

    @org.junit.jupiter.api.Test
    void reportsTheFileNameOnError(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("broken.tflite");
        Files.write(f, new byte[] {1, 2, 3});
        var e = org.junit.jupiter.api.Assertions.assertThrows(TfliteFormatException.class, () -> TfliteReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
