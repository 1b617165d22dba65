package dev.littlebrain.data.importer;

import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.dsp.io.WavReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sample file completely — hashing its bytes and decoding it — so that a file that is
 * listed in a dataset is known to be usable before anything is built on it.
 */
final class SampleInspector {
    private SampleInspector() {
    }

    static boolean isSampleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".wav") || name.endsWith(".csv") || name.endsWith(".json"));
    }

    static Sample inspect(Candidate c) throws IOException {
        Path file = c.file();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignalFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        String hash = ContentHash.sha256(bytes);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) {
            Signal s = WavReader.decode(bytes, file.toString()).signal();
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < s.channels(); i++) {
                channels.add("ch" + i);
            }
            return new Sample(c.label(), c.split(), file, hash, c.speakerId(), SampleKind.AUDIO, s.sampleRate(),
                    s.frames(), channels);
        }
        SensorSeries series = name.endsWith(".csv")
                ? SensorCsv.parse(new String(bytes, StandardCharsets.UTF_8), file.toString())
                : EdgeImpulseJson.parse(bytes, file.toString());
        return new Sample(c.label(), c.split(), file, hash, c.speakerId(), SampleKind.SENSOR, series.frequencyHz(),
                series.frames(), series.axes());
    }
}
