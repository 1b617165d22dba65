package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeImpulseJsonTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            {"protected": {"ver": "v1", "alg": "HS256", "iat": 1603792920},
             "signature": "abc",
             "payload": {
               "device_name": "ac:87:a3:0a:2d:1b",
               "device_type": "DISCO-L475VG-IOT01A",
               "interval_ms": 16,
               "sensors": [{"name": "accX", "units": "m/s2"}, {"name": "accY", "units": "m/s2"}],
               "values": [
                 [-9.81, 0.03],
                 [-9.83, 0.04]
               ]}}
            """;

    @Test
    void readsPayload() throws SignalFormatException {
        SensorSeries s = EdgeImpulseJson.parse(VALID.getBytes(StandardCharsets.UTF_8), "a.json");
        assertEquals("DISCO-L475VG-IOT01A", s.deviceType());
        assertEquals(List.of("accX", "accY"), s.axes());
        assertEquals(List.of("m/s2", "m/s2"), s.units());
        assertEquals(16.0, s.intervalMs());
        assertArrayEquals(new float[] {-9.81f, 0.03f, -9.83f, 0.04f}, s.interleaved());
    }

    @Test
    void roundTrips() throws IOException {
        SensorSeries s = new SensorSeries("phone", List.of("x", "y", "z"), List.of("g", "g", "g"), 62.5,
                new float[] {1, 2, 3, 4.25f, -5, 6e-6f});
        Path file = dir.resolve("s.json");
        EdgeImpulseJson.write(file, s);
        assertEquals(s, EdgeImpulseJson.read(file));
    }

    @Test
    void singleAxisFlatValues() throws SignalFormatException {
        String json = "{\"payload\":{\"interval_ms\":1,\"sensors\":[{\"name\":\"t\",\"units\":\"C\"}],"
                + "\"values\":[1,2,3]}}";
        assertEquals(3, EdgeImpulseJson.parse(json.getBytes(StandardCharsets.UTF_8), "t.json").frames());
    }

    @Test
    void badContentNamesFileAndLine() {
        assertError(VALID.replace("[-9.83, 0.04]", "[-9.83]"), "line 10: values row 1 has 1 values");
        assertError(VALID.replace("[-9.83, 0.04]", "[-9.83, null]"), "line 10: missing value (null) in values row 1");
        assertError(VALID.replace("[-9.83, 0.04]", "[-9.83, \"x\"]"), "line 10: values row 1, column 2: 'x' is not");
        assertError(VALID.replace("[-9.83, 0.04]", "[-9.83, NaN]"), "line 10, column");
        assertError(VALID.replace("\"interval_ms\": 16,", ""), "no \"interval_ms\"");
        assertError("{\"protected\": {}}", "no \"payload\"");
        assertError(VALID.replace("\"interval_ms\": 16", "\"interval_ms\": 1e999"), "line 6: \"interval_ms\" must be");
        assertError("{\"payload\": {", "malformed JSON");
        assertError("", "file is empty");
    }

    private static void assertError(String json, String expected) {
        SignalFormatException e = assertThrows(SignalFormatException.class,
                () -> EdgeImpulseJson.parse(json.getBytes(StandardCharsets.UTF_8), "e.json"));
        assertTrue(e.getMessage().startsWith("e.json: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
