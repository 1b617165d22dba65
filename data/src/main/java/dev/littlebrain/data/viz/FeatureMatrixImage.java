package dev.littlebrain.data.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders a feature matrix (frames × coefficients, frame-major as DSP blocks produce it) as a heat
 * map: time runs left to right, coefficient 0 at the bottom, colour scaled between the matrix's own
 * minimum and maximum. Each cell becomes a {@code scale × scale} block so small matrices stay legible.
 */
public record FeatureMatrixImage(int scale) {

    public FeatureMatrixImage {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1");
        }
    }

    public static FeatureMatrixImage defaults() {
        return new FeatureMatrixImage(6);
    }

    public BufferedImage render(float[] features, int frames, int coefficients) {
        if (frames * coefficients != features.length || frames < 1 || coefficients < 1) {
            throw new IllegalArgumentException(features.length + " values do not form " + frames + " x " + coefficients);
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : features) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double range = max > min ? max - min : 1;
        BufferedImage image = new BufferedImage(frames * scale, coefficients * scale, BufferedImage.TYPE_INT_RGB);
        for (int t = 0; t < frames; t++) {
            for (int c = 0; c < coefficients; c++) {
                float v = features[t * coefficients + c];
                int rgb = Float.isFinite(v) ? SpectrogramImage.colour((v - min) / range) : 0;
                int y0 = (coefficients - 1 - c) * scale;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(t * scale + dx, y0 + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    public void writePng(float[] features, int frames, int coefficients, Path file) throws IOException {
        PngFiles.write(render(features, frames, coefficients), file);
    }
}
