package dev.littlebrain.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Output(Path file, List<Path> curves, Optional<Integer> epochs, Optional<String> note) {
    }

    record Read(String name) {
    }

    @Test
    void aPathIsItsPlainStringNotAFileUri() throws Exception {
        Output o = new Output(Path.of("models", "model_int8.tflite"), List.of(Path.of("/tmp/curves.png")),
                Optional.of(30), Optional.empty());
        assertEquals("{\"file\":\"models/model_int8.tflite\",\"curves\":[\"/tmp/curves.png\"],\"epochs\":30,"
                + "\"note\":null}", Json.compact().writeValueAsString(o));
    }

    @Test
    void indentedIsTheSameObjectOnSeveralLines() throws Exception {
        Output o = new Output(Path.of("a.wav"), List.of(), Optional.empty(), Optional.of("x"));
        String indented = Json.indented().writeValueAsString(o);
        assertEquals(4, indented.lines().count() - 2, indented);
        assertEquals(Json.reader().readTree(Json.compact().writeValueAsString(o)), Json.reader().readTree(indented));
    }

    @Test
    void aFileFromANewerVersionWithMoreFieldsStillReads() throws Exception {
        Read r = Json.reader().forType(Read.class).readValue("{\"name\": \"kws\", \"added_later\": [1, 2]}");
        assertEquals(new Read("kws"), r);
    }

    @Test
    void aCopyOfTheMapperCanBeChangedWithoutChangingEveryoneElses() throws Exception {
        Json.mapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        assertEquals("{\"name\":\"a\"}", Json.compact().writeValueAsString(new Read("a")));
        assertEquals("{\"name\":\"a\"}", Json.mapper().writeValueAsString(new Read("a")));
    }
}
