package dev.littlebrain.data.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A DSP block's output as a chart: a feature matrix (frames x coefficients, frame-major as blocks produce it) as a
 * heat map with time along x and the coefficients up y, coloured between the matrix's own minimum and maximum; a
 * single frame (spectral analysis, raw, a trajectory) as bars, one per feature.
 *
 * @param title              what is shown (e.g. the file and block)
 * @param frameStepSeconds   seconds between frames, or 0 to number the frames instead
 * @param coefficientLabel   what a row is (e.g. "cepstral coefficient", "mel filter")
 */
public record FeatureMatrixImage(String title, double frameStepSeconds, String coefficientLabel) {

    public BufferedImage render(float[] features, int frames, int coefficients) {
        if (frames * coefficients != features.length || frames < 1 || coefficients < 1) {
            throw new IllegalArgumentException(features.length + " values do not form " + frames + " x " + coefficients);
        }
        if (frames == 1) {
            return new BarChart(title, coefficientLabel, "feature value").render(features);
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        float[][] cells = new float[frames][coefficients];
        for (int t = 0; t < frames; t++) {
            for (int c = 0; c < coefficients; c++) {
                float v = features[t * coefficients + c];
                cells[t][c] = v;
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        HeatMapChart.Axis x = frameStepSeconds > 0 ? new HeatMapChart.Axis("time (s)", 0, frameStepSeconds)
                : new HeatMapChart.Axis("frame", 0, 1);
        HeatMapChart chart = new HeatMapChart(title, x, new HeatMapChart.Axis(coefficientLabel, 0, 1),
                "feature value");
        return chart.render(cells, min, max);
    }

    public void writePng(float[] features, int frames, int coefficients, Path file) throws IOException {
        PngFiles.write(render(features, frames, coefficients), file);
    }
}
