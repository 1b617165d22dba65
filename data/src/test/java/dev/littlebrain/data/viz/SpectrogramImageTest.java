package dev.littlebrain.data.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.io.Signal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramImageTest {
    @TempDir
    Path dir;

    @Test
    void aSineIsABrightRowAtItsFrequency() throws IOException {
        System.setProperty("java.awt.headless", "true");
        float[] s = new float[16000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / 16000.0));
        }
        SpectrogramImage spectrogram = new SpectrogramImage(256, 128, 80, 1);
        Path png = dir.resolve("sine.png");
        spectrogram.writePng(Signal.mono(16000, s), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1 + (16000 - 256) / 128, image.getWidth());
        assertEquals(129, image.getHeight());
        int bin = 2000 * 256 / 16000; // 32
        int row = 128 - bin;
        int column = image.getWidth() / 2;
        assertEquals(SpectrogramImage.colour(1.0), image.getRGB(column, row) & 0xFFFFFF, "loudest colour at 2 kHz");
        assertTrue(brightness(image.getRGB(column, 10)) < brightness(image.getRGB(column, row)));
    }

    private static int brightness(int rgb) {
        return (rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF);
    }
}
