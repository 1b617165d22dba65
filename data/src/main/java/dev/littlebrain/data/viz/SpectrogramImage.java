package dev.littlebrain.data.viz;

import dev.littlebrain.dsp.io.Signal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A spectrogram picture of an audio clip: time left to right, frequency bottom to top, level as
 * colour (a perceptually ordered dark-blue → red → yellow map) over {@code rangeDb} below the
 * loudest bin. Uses only {@link BufferedImage} and ImageIO, which work headless.
 *
 * @param fftSize  FFT length (power of two), e.g. 512 at 16 kHz = 32 ms
 * @param hop      samples between frames
 * @param rangeDb  dynamic range shown, e.g. 80
 * @param scale    pixels per frame and per bin (1 or more)
 */
public record SpectrogramImage(int fftSize, int hop, double rangeDb, int scale) {
    public SpectrogramImage {
        if (Integer.bitCount(fftSize) != 1 || hop <= 0 || !(rangeDb > 0) || scale < 1) {
            throw new IllegalArgumentException("need a power-of-two FFT size, hop > 0, range > 0, scale >= 1");
        }
    }

    public static SpectrogramImage defaults() {
        return new SpectrogramImage(512, 128, 80, 2);
    }

    /** The bare picture: one pixel block per frame and bin, no axes (what {@link #chart} draws into its frame). */
    public BufferedImage render(Signal signal) {
        float[][] db = levels(signal);
        int frames = db.length;
        int bins = db[0].length;
        BufferedImage image = new BufferedImage(frames * scale, bins * scale, BufferedImage.TYPE_INT_RGB);
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < bins; k++) {
                double level = 1 + db[f][k] / rangeDb; // 1 = loudest, 0 = range floor
                int rgb = colour(Math.max(0, Math.min(1, level)));
                int y0 = (bins - 1 - k) * scale;
                for (int dx = 0; dx < scale; dx++) {
                    for (int dy = 0; dy < scale; dy++) {
                        image.setRGB(f * scale + dx, y0 + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** The picture a person looks at: time in seconds, frequency in Hz, a dB scale and a title. */
    public BufferedImage chart(Signal signal, String title) {
        double rate = signal.sampleRate();
        HeatMapChart chart = new HeatMapChart(title, new HeatMapChart.Axis("time (s)", 0, hop / rate),
                new HeatMapChart.Axis("frequency (Hz)", 0, rate / fftSize), "level (dB below the loudest bin)");
        return chart.render(levels(signal), -rangeDb, 0);
    }

    /** Level of every frame and bin in dB relative to the loudest one (0 = loudest). */
    private float[][] levels(Signal signal) {
        float[][] db = Stft.magnitudeDb(signal.toMono().interleaved(), fftSize, hop);
        float max = -120;
        for (float[] frame : db) {
            for (float v : frame) {
                max = Math.max(max, v);
            }
        }
        for (float[] frame : db) {
            for (int k = 0; k < frame.length; k++) {
                frame[k] -= max;
            }
        }
        return db;
    }

    /** Writes the chart as PNG, atomically. */
    public void writePng(Signal signal, String title, Path file) throws IOException {
        PngFiles.write(chart(signal, title), file);
    }

    /** Piecewise-linear colour map through dark blue, purple, red, orange and pale yellow. */
    static int colour(double t) {
        double[][] stops = {{0, 0, 4}, {50, 18, 120}, {180, 40, 110}, {250, 100, 40}, {252, 250, 160}};
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double u = x - i;
        int r = (int) Math.round(stops[i][0] + u * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + u * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + u * (stops[i + 1][2] - stops[i][2]));
        return r << 16 | g << 8 | b;
    }
}
