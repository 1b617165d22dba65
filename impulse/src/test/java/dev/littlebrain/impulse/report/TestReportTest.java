package dev.littlebrain.impulse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test report's pictures and page as a person gets them: long labels legible, the page on its own. */
class TestReportTest {
    private static final List<String> LONG_LABELS = List.of("right_hand_circle_clockwise", "left_hand_wave_slow",
            "idle", "a_label_much_longer_than_anyone_should_ever_type_here");

    private static ClipEvaluation evaluation() {
        int[][] confusion = {{9, 1, 0, 0}, {0, 8, 2, 0}, {0, 0, 10, 0}, {1, 0, 0, 9}};
        return new ClipEvaluation(confusion, 0.3, 1, 0.6, List.of(new ClipEvaluation.Misclassified(
                Path.of("data/testing/x.json"), 0, 1, 0.7)));
    }

    @Test
    void longLabelsGetTheRoomTheyNeedAndStayOutOfTheCells(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path png = dir.resolve("confusion.png");
        TestReport.confusionPng(evaluation(), evaluation(), LONG_LABELS, png);
        BufferedImage image = ImageIO.read(png.toFile());
        // Four 56 px columns per matrix, plus label margins as wide as a 27-character label needs.
        assertTrue(image.getWidth() > 2 * (4 * 56 + 150), "width " + image.getWidth());
        // Vertical column labels need more than the two lines short labels get below the matrix.
        assertTrue(image.getHeight() > 60 + 4 * 56 + 150, "height " + image.getHeight());
        // Nothing is drawn off the left edge: the first column of pixels is background.
        for (int y = 0; y < image.getHeight(); y++) {
            assertEquals(0xFFFFFF, image.getRGB(0, y) & 0xFFFFFF, "pixel (0," + y + ")");
        }
        assertEquals("a_label_much_longer_than_anyone\u2026", TestReport.shortened(LONG_LABELS.get(3)));
    }

    @Test
    void thePageCarriesItsPictureInside(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("confusion.png");
        Path html = dir.resolve("test.html");
        TestReport.confusionPng(evaluation(), evaluation(), LONG_LABELS, png);
        TestReport.html(evaluation(), evaluation(), LONG_LABELS, dir, png, html);
        String page = Files.readString(html);
        assertFalse(page.contains("src=\"confusion.png\""), "no link to a file beside the page");
        String prefix = "src=\"data:image/png;base64,";
        int start = page.indexOf(prefix) + prefix.length();
        assertTrue(start > prefix.length(), "an inline image");
        byte[] inline = Base64.getDecoder().decode(page.substring(start, page.indexOf('"', start)));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(png), inline), "the inline image is the PNG");
        assertTrue(page.contains("a_label_much_longer_than_anyone_should_ever_type_here"), "tables keep whole labels");
    }
}
