package dev.littlebrain.impulse.report;

import dev.littlebrain.data.viz.PngFiles;
import dev.littlebrain.train.EpochStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A training's loss (left) and accuracy (right) per epoch as a PNG, training solid and validation dashed. Draws on
 * an off-screen image only, so it needs no display; a program that must not touch a window system at all runs with
 * {@code java.awt.headless=true} (the CLI does).
 */
public final class TrainingCurves {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 360;

    private TrainingCurves() {
    }

    /** Writes the curves of {@code history} to {@code file} (atomically). */
    public static void write(List<EpochStats> history, Path file) throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        float maxLoss = 0;
        for (EpochStats s : history) {
            maxLoss = Math.max(maxLoss, Math.max(s.loss(), Float.isFinite(s.valLoss()) ? s.valLoss() : 0));
        }
        panel(g, history, 40, "loss", Math.max(maxLoss, 1e-3f), true);
        panel(g, history, 40 + WIDTH / 2, "accuracy", 1f, false);
        g.dispose();
        PngFiles.write(img, file);
    }

    private static void panel(Graphics2D g, List<EpochStats> history, int x0, String title, float yMax, boolean loss) {
        int pw = 380;
        int ph = 280;
        int y0 = 40;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f)); // the previous panel leaves its dashed series stroke set
        g.drawString(title + " (solid: train, dashed: validation)", x0, 25);
        g.drawRect(x0, y0, pw, ph);
        g.drawString(String.format(Locale.ROOT, "%.2f", yMax), x0 - 35, y0 + 10);
        g.drawString("0", x0 - 12, y0 + ph);
        g.drawString("epoch " + history.size(), x0 + pw - 60, y0 + ph + 15);
        int n = history.size();
        for (int series = 0; series < 2; series++) {
            g.setColor(series == 0 ? new Color(0x1f77b4) : new Color(0xff7f0e));
            g.setStroke(series == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < n; i++) {
                EpochStats s = history.get(i);
                float v = loss ? (series == 0 ? s.loss() : s.valLoss()) : (series == 0 ? s.accuracy() : s.valAccuracy());
                if (!Float.isFinite(v)) {
                    continue;
                }
                int x = x0 + (n == 1 ? pw / 2 : Math.round((float) i / (n - 1) * pw));
                int y = y0 + ph - Math.round(Math.min(v / yMax, 1f) * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                } else {
                    g.fillOval(x - 2, y - 2, 4, 4);
                }
                px = x;
                py = y;
            }
        }
    }
}
