package dev.littlebrain.data;

import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.dsp.io.WavReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sample file's bytes read whole by its extension: a WAV file, a sensor CSV or an Edge Impulse JSON file. The one
 * place that decides how a sample file is read: {@code data import} inspects every file with it, the studio every
 * upload, so that a file that reaches a project is known to be usable: what it holds, at which rate, how long.
 *
 * @param name       the file's name, as its owner gave it (errors name it)
 * @param samplingHz samples (frames) per second, exact
 * @param frames     samples per axis (channel)
 * @param axes       the sensor axes; for audio one "ch" name per channel
 */
public record SampleFile(String name, byte[] bytes, SampleKind kind, double samplingHz, int frames,
        List<String> axes) {
    public SampleFile {
        axes = List.copyOf(axes);
    }

    /** The extensions a sample file may have: audio, sensor CSV, Edge Impulse JSON. */
    public static final List<String> EXTENSIONS = List.of(".wav", ".csv", ".json");

    /**
     * Reads {@code bytes} by the extension of {@code name}.
     *
     * @throws SignalFormatException naming {@code name} and what is wrong (truncated WAV, NaN in a CSV, ...)
     */
    public static SampleFile check(String name, byte[] bytes) throws SignalFormatException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".wav")) {
            Signal s = WavReader.decode(bytes, name).signal();
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < s.channels(); i++) {
                channels.add("ch" + i);
            }
            return new SampleFile(name, bytes, SampleKind.AUDIO, s.sampleRate(), s.frames(), channels);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".json")) {
            SensorSeries series = lower.endsWith(".csv")
                    ? SensorCsv.parse(new String(bytes, StandardCharsets.UTF_8), name)
                    : EdgeImpulseJson.parse(bytes, name);
            return new SampleFile(name, bytes, SampleKind.SENSOR, series.frequencyHz(), series.frames(),
                    series.axes());
        }
        throw new SignalFormatException(name, "not a sample file; expected " + String.join(", ", EXTENSIONS));
    }
}
