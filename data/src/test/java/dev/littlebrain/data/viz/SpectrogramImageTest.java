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
        BufferedImage image = spectrogram.render(Signal.mono(16000, s));
        assertEquals(1 + (16000 - 256) / 128, image.getWidth());
        assertEquals(129, image.getHeight());
        int bin = 2000 * 256 / 16000; // 32
        int row = 128 - bin;
        int column = image.getWidth() / 2;
        assertEquals(SpectrogramImage.colour(1.0), image.getRGB(column, row) & 0xFFFFFF, "loudest colour at 2 kHz");
        assertTrue(brightness(image.getRGB(column, 10)) < brightness(image.getRGB(column, row)));
    }

    /** The chart a person opens: a readable size, the tone where the frequency axis says 2 kHz. */
    @Test
    void theChartPutsTheToneAtItsFrequencyOnAnAxisInHertz() throws IOException {
        System.setProperty("java.awt.headless", "true");
        float[] s = new float[16000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / 16000.0));
        }
        Path png = dir.resolve("sine.png");
        new SpectrogramImage(256, 128, 80, 1).writePng(Signal.mono(16000, s), "sine.wav", png);
        BufferedImage image = ImageIO.read(png.toFile());
        java.awt.Rectangle plot = HeatMapChart.plotArea();
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 450, image.getWidth() + " x " + image.getHeight());
        // 2 kHz of the 0-8 kHz axis is a quarter of the way up the plot.
        int row = plot.y + plot.height - plot.height / 4 - 1;
        int column = plot.x + plot.width / 2;
        assertEquals(SpectrogramImage.colour(1.0), image.getRGB(column, row) & 0xFFFFFF, "loudest colour at 2 kHz");
        assertTrue(brightness(image.getRGB(column, plot.y + 10)) < brightness(image.getRGB(column, row)));
        assertTrue(brightness(image.getRGB(5, 5)) == 3 * 255, "white margin for the title and labels");
    }

    @Test
    void ticksAreRoundNumbersInsideTheRange() {
        assertEquals(java.util.List.of(0.0, 2000.0, 4000.0, 6000.0, 8000.0),
                ChartFrame.ticks(0, 8000));
        assertEquals(java.util.List.of(-80.0, -60.0, -40.0, -20.0, 0.0), ChartFrame.ticks(-80, 0));
        assertEquals("0.25", ChartFrame.format(0.25));
    }

    private static int brightness(int rgb) {
        return (rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF);
    }
}
