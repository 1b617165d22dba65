package dev.littlebrain.impulse.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.evaluation.Interval;
import dev.littlebrain.impulse.evaluation.StreamEvaluation;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FAR/FRR curve draws the suggested point's 95 % intervals as a cross around it. */
class FarFrrPlotTest {

    private static final int MARK = 0xC83C3C; // the suggested point's colour (200, 60, 60)

    @Test
    void intervalsAddACrossAroundTheSuggestedPoint(@TempDir Path tmp) throws Exception {
        List<StreamEvaluation.Point> points = List.of(
                new StreamEvaluation.Point(0.5f, 0.92, 240, 300, 12, 4),
                new StreamEvaluation.Point(0.85f, 0.77, 0, 400, 10, 0));
        StreamEvaluation.Point suggested = points.get(1);
        Path plain = tmp.resolve("plain.png");
        Path crossed = tmp.resolve("crossed.png");
        FarFrrPlot.plot(points, suggested, null, null, plain);
        FarFrrPlot.plot(points, suggested, Interval.ofProportion(10, 13), Interval.ofRate(0, 60 / 3600.0),
                crossed);
        int without = marked(ImageIO.read(plain.toFile()));
        int with = marked(ImageIO.read(crossed.toFile()));
        // The horizontal bar alone spans 0-221 FA/h of a 240 FA/h axis: hundreds of pixels.
        assertTrue(with > without + 300, "marked pixels without intervals " + without + ", with " + with);
    }

    @Test
    void everyKeywordGetsItsOwnCurve(@TempDir Path tmp) throws Exception {
        List<StreamEvaluation.Point> points = List.of(
                new StreamEvaluation.Point(0.5f, 0.92, 240, 300, 12, 4),
                new StreamEvaluation.Point(0.85f, 0.77, 0, 400, 10, 0));
        java.util.Map<String, List<StreamEvaluation.Point>> perKeyword = new java.util.LinkedHashMap<>();
        perKeyword.put("yes", List.of(new StreamEvaluation.Point(0.5f, 1.0, 60, Double.NaN, 4, 1),
                new StreamEvaluation.Point(0.85f, 1.0, 0, Double.NaN, 4, 0)));
        perKeyword.put("no", List.of(new StreamEvaluation.Point(0.5f, 0.89, 180, Double.NaN, 8, 3),
                new StreamEvaluation.Point(0.85f, 0.67, 0, Double.NaN, 6, 0)));
        Path pooled = tmp.resolve("pooled.png");
        Path split = tmp.resolve("split.png");
        FarFrrPlot.plot(points, points.get(1), null, null, pooled);
        FarFrrPlot.plot(points, points.get(1), null, null, perKeyword, split);
        BufferedImage without = ImageIO.read(pooled.toFile());
        BufferedImage with = ImageIO.read(split.toFile());
        for (int k = 0; k < 2; k++) {
            int rgb = FarFrrPlot.KEYWORD_COLOURS[k].getRGB() & 0xFFFFFF;
            assertTrue(count(without, rgb) == 0 && count(with, rgb) > 100, "keyword " + k + "'s colour: "
                    + count(without, rgb) + " pixels without, " + count(with, rgb) + " with");
        }
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int marked(BufferedImage image) {
        return count(image, MARK);
    }
}
