package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsAxesAndInterval() throws IOException {
        Path file = dir.resolve("wave.csv");
        Files.writeString(file, "timestamp,accX,accY,accZ\n0,1.5,-2,9.81\n16,1.25,-2.5,9.8\n32,1,-3,9.79\n");
        SensorSeries s = SensorCsv.read(file);
        assertEquals(List.of("accX", "accY", "accZ"), s.axes());
        assertEquals(16.0, s.intervalMs());
        assertEquals(3, s.frames());
        assertArrayEquals(new float[] {-2f, -2.5f, -3f}, s.axis(1));
    }

    @Test
    void roundTrips() throws IOException {
        SensorSeries s = new SensorSeries("", List.of("gx", "gy"), List.of("", ""), 10,
                new float[] {0.1f, -0.2f, 1e-7f, 3f, 4.5f, -6f});
        Path file = dir.resolve("out.csv");
        SensorCsv.write(file, s);
        assertEquals(s, SensorCsv.read(file));
        assertTrue(Files.readString(file).startsWith("timestamp,gx,gy\n0,0.1,-0.2\n10,"));
    }

    @Test
    void badContentNamesFileAndLine() {
        assertError("t,x,y\n0,1,2\n10,,3\n", "line 3: missing value in column x");
        assertError("t,x,y\n0,1,2\n10,abc,3\n", "line 3: 'abc' in column x is not a number");
        assertError("t,x,y\n0,1,2\n10,NaN,3\n", "line 3: 'NaN' in column x is not a finite number");
        assertError("t,x,y\n0,1,2\n10,1\n", "line 3: 2 values, but the header has 3 columns");
        assertError("t,x,y\n0,1,2\n20,1,2\n10,1,2\n", "line 4: timestamp 10 is not after the previous one (20)");
        assertError("t,x,y\n0,1,2\n0,1,2\n", "line 3: timestamp 0 is not after");
        assertError("0,1,2\n10,1,2\n", "add a header");
        assertError("", "file is empty");
        assertError("t,x\n0,1\n", "at least 2 are needed");
        assertError("t,x\n-1.7e308,1\n1.7e308,2\n", "timestamps span more than");
    }

    private static void assertError(String csv, String expected) {
        SignalFormatException e = assertThrows(SignalFormatException.class, () -> SensorCsv.parse(csv, "m.csv"));
        assertTrue(e.getMessage().startsWith("m.csv: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
