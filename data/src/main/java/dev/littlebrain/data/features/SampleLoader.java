package dev.littlebrain.data.features;

import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import java.io.IOException;
import java.util.Locale;

/** Reads a sample's file as the signal a feature extractor gets. */
@FunctionalInterface
public interface SampleLoader {
    Signal load(Sample sample) throws IOException;

    /**
     * WAV files conformed to {@code audio}; CSV / JSON sensor files as a signal with one channel
     * per axis at the sensor frequency rounded to whole hertz (a signal's rate is an integer;
     * sensor blocks that need the exact interval should read {@link SensorSeries} themselves).
     */
    static SampleLoader standard(AudioRequirement audio) {
        return sample -> {
            if (sample.kind() == SampleKind.AUDIO) {
                return WavReader.read(sample.source(), audio);
            }
            String name = sample.source().getFileName().toString().toLowerCase(Locale.ROOT);
            SensorSeries series = name.endsWith(".csv") ? SensorCsv.read(sample.source())
                    : EdgeImpulseJson.read(sample.source());
            int rate = (int) Math.max(1, Math.round(series.frequencyHz()));
            return new Signal(rate, series.axes().size(), series.interleaved());
        };
    }
}
