package dev.littlebrain.impulse.data;

import dev.littlebrain.data.SampleFile;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.dsp.io.WavContent;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The span {@code [startMs, endMs)} of a sample file, in the file's own format (a WAV keeps its encoding, a CSV or
 * Edge Impulse JSON its axes, units and interval), checked by {@link SampleFile#check} as an upload is. A span that is
 * empty, leaves the sample, or is shorter than the impulse's window (which could then not classify the crop) is
 * refused in one line naming the sample.
 */
final class SampleCrop {
    private SampleCrop() {
    }

    static SampleFile of(SampleFile sample, long startMs, long endMs, int windowMs) throws SignalFormatException {
        String name = sample.name();
        double durationMs = sample.frames() * 1000.0 / sample.samplingHz();
        if (startMs < 0 || endMs <= startMs) {
            throw new SignalFormatException(name, "a crop needs 0 <= start < end, got " + startMs + "-" + endMs
                    + " ms");
        }
        if (endMs > Math.ceil(durationMs)) {
            throw new SignalFormatException(name, "the crop " + startMs + "-" + endMs + " ms leaves the sample,"
                    + " which is " + Math.round(durationMs) + " ms long");
        }
        if (endMs - startMs < windowMs) {
            throw new SignalFormatException(name, "a crop of " + (endMs - startMs) + " ms is shorter than the"
                    + " impulse's " + windowMs + " ms window");
        }
        int from = (int) Math.round(startMs * sample.samplingHz() / 1000.0);
        int to = (int) Math.min(sample.frames(), Math.round(endMs * sample.samplingHz() / 1000.0));
        return SampleFile.check(name, bytes(sample, from, to));
    }

    private static byte[] bytes(SampleFile sample, int from, int to) throws SignalFormatException {
        String name = sample.name();
        if (sample.kind() == SampleKind.AUDIO) {
            WavContent wav = WavReader.decode(sample.bytes(), name);
            return WavWriter.encode(wav.signal().slice(from, to), wav.encoding());
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        SensorSeries s = json ? EdgeImpulseJson.parse(sample.bytes(), name)
                : SensorCsv.parse(new String(sample.bytes(), StandardCharsets.UTF_8), name);
        int axes = s.axes().size();
        SensorSeries cropped = new SensorSeries(s.deviceType(), s.axes(), s.units(), s.intervalMs(),
                Arrays.copyOfRange(s.interleaved(), from * axes, to * axes));
        return json ? EdgeImpulseJson.format(cropped)
                : SensorCsv.format(cropped).getBytes(StandardCharsets.UTF_8);
    }
}
