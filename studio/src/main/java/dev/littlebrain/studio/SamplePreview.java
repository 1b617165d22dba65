package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.dsp.fft.RealFft;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Data page draws for one sample: the waveform of every axis as a min/max envelope (a column per pixel
 * pair, not every sample), and for audio a small spectrogram, as numbers the page paints on a canvas. A few
 * kilobytes whatever the file's length, so a page of samples loads quickly.
 *
 * @param envelope    one per axis (audio: one, in -1..1; sensor: the recorded values)
 * @param spectrogram audio only
 */
public record SamplePreview(String id, @JsonProperty("sample_rate_hz") double sampleRateHz,
        @JsonProperty("duration_s") double durationS, List<Envelope> envelope, Optional<Spectrogram> spectrogram) {

    /** An axis drawn as {@code min.length} columns, each the lowest and highest value of its stretch. */
    public record Envelope(String axis, float[] min, float[] max) {
    }

    /**
     * Level per time frame and frequency bin, 0 (60 dB below the loudest cell, or quieter) to 255 (the loudest),
     * frame by frame.
     */
    public record Spectrogram(int frames, int bins, @JsonProperty("max_hz") double maxHz, int[] levels) {
    }

    /** Columns of an envelope: enough for a table row's canvas. */
    static final int COLUMNS = 200;
    private static final int FFT_SIZE = 128;
    /** Bins drawn: pairs of the FFT's bins, as many as a table row's canvas has pixels in height. */
    private static final int BINS = FFT_SIZE / 4;
    private static final int MAX_FRAMES = 64;
    private static final double RANGE_DB = 60;

    /** The preview of the sample file {@code file}, read by its extension as {@code data import} reads it. */
    static SamplePreview of(String id, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) {
            Signal signal = WavReader.read(file).signal().toMono();
            float[] audio = signal.interleaved();
            return new SamplePreview(id, signal.sampleRate(), signal.durationSeconds(),
                    List.of(envelope("audio", audio)), Optional.of(spectrogram(audio, signal.sampleRate())));
        }
        SensorSeries series = name.endsWith(".csv") ? SensorCsv.read(file) : EdgeImpulseJson.read(file);
        List<Envelope> axes = new ArrayList<>();
        for (int a = 0; a < series.axes().size(); a++) {
            axes.add(envelope(series.axes().get(a), series.axis(a)));
        }
        return new SamplePreview(id, series.frequencyHz(), series.durationMs() / 1000, axes, Optional.empty());
    }

    private static Envelope envelope(String axis, float[] values) {
        int n = values.length;
        int columns = Math.max(1, Math.min(COLUMNS, n));
        float[] min = new float[columns];
        float[] max = new float[columns];
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * n / columns);
            int to = Math.max(from + 1, (int) ((long) (c + 1) * n / columns));
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to && i < n; i++) {
                float v = values[i];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            min[c] = n == 0 ? 0 : lo;
            max[c] = n == 0 ? 0 : hi;
        }
        return new Envelope(axis, min, max);
    }

    /** Hann-windowed power spectra of up to {@value #MAX_FRAMES} frames spread over the clip, in dB. */
    private static Spectrogram spectrogram(float[] audio, int sampleRate) {
        int frames = audio.length <= FFT_SIZE ? 1 : Math.min(MAX_FRAMES, 1 + (audio.length - FFT_SIZE) / (FFT_SIZE / 4));
        int hop = frames == 1 ? 0 : (audio.length - FFT_SIZE) / (frames - 1);
        RealFft fft = RealFft.create(FFT_SIZE);
        double[] frame = new double[FFT_SIZE];
        double[] re = new double[FFT_SIZE];
        double[] im = new double[FFT_SIZE];
        double[] db = new double[frames * BINS];
        double loudest = -300;
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < FFT_SIZE; i++) {
                int at = f * hop + i;
                double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT_SIZE);
                frame[i] = at < audio.length ? audio[at] * hann : 0;
            }
            fft.forward(frame, re, im);
            for (int k = 0; k < BINS; k++) {
                double power = re[2 * k] * re[2 * k] + im[2 * k] * im[2 * k]
                        + re[2 * k + 1] * re[2 * k + 1] + im[2 * k + 1] * im[2 * k + 1];
                double level = 10 * Math.log10(power + 1e-20);
                db[f * BINS + k] = level;
                loudest = Math.max(loudest, level);
            }
        }
        int[] levels = new int[db.length];
        for (int i = 0; i < db.length; i++) {
            double relative = (db[i] - loudest + RANGE_DB) / RANGE_DB;
            levels[i] = (int) Math.round(255 * Math.max(0, Math.min(1, relative)));
        }
        return new Spectrogram(frames, BINS, sampleRate / 2.0, levels);
    }
}
