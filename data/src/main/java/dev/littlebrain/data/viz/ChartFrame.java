package dev.littlebrain.data.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frame every LittleBrain chart is drawn in: a white canvas sized for a person (not for the data), a title,
 * a plot area with a labelled x and y axis and round-numbered ticks, and room on the right for a colour scale.
 * Charts draw their data into {@link #plotX()}, {@link #plotY()}, {@link #plotWidth()} by {@link #plotHeight()}.
 */
final class ChartFrame {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int LEFT = 90;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int RIGHT_WITH_SCALE = 130;
    private static final int RIGHT_PLAIN = 30;

    private final BufferedImage image;
    private final Graphics2D g;
    private final int plotWidth;
    private final int plotHeight;

    /** An axis: what it shows and the data range that maps onto the plot's edges. */
    record Axis(String label, double min, double max) {
        Axis {
            if (!(max > min)) {
                max = min + 1;
            }
        }
    }

    ChartFrame(int plotWidth, int plotHeight, boolean colourScale) {
        this.plotWidth = plotWidth;
        this.plotHeight = plotHeight;
        int width = LEFT + plotWidth + (colourScale ? RIGHT_WITH_SCALE : RIGHT_PLAIN);
        int height = TOP + plotHeight + BOTTOM;
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    Graphics2D graphics() {
        return g;
    }

    BufferedImage image() {
        return image;
    }

    int plotX() {
        return LEFT;
    }

    int plotY() {
        return TOP;
    }

    int plotWidth() {
        return plotWidth;
    }

    int plotHeight() {
        return plotHeight;
    }

    /** Title, axes with their ticks and labels, and the plot's outline; call after the data is drawn. */
    void decorate(String title, Axis x, Axis y) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        FontMetrics tm = g.getFontMetrics();
        g.drawString(fit(title, tm, image.getWidth() - 20), (image.getWidth() - Math.min(tm.stringWidth(title),
                image.getWidth() - 20)) / 2, 30);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        for (double v : ticks(x.min(), x.max())) {
            int px = LEFT + (int) Math.round((v - x.min()) / (x.max() - x.min()) * plotWidth);
            g.drawLine(px, TOP + plotHeight, px, TOP + plotHeight + 5);
            String text = format(v);
            g.drawString(text, px - fm.stringWidth(text) / 2, TOP + plotHeight + 20);
        }
        for (double v : ticks(y.min(), y.max())) {
            int py = TOP + plotHeight - (int) Math.round((v - y.min()) / (y.max() - y.min()) * plotHeight);
            g.drawLine(LEFT - 5, py, LEFT, py);
            String text = format(v);
            g.drawString(text, LEFT - 8 - fm.stringWidth(text), py + fm.getAscent() / 2 - 1);
        }
        g.setFont(LABEL);
        FontMetrics lm = g.getFontMetrics();
        g.drawString(x.label(), LEFT + (plotWidth - lm.stringWidth(x.label())) / 2, TOP + plotHeight + 45);
        drawVertical(y.label(), 20, TOP + plotHeight / 2);
    }

    /** A vertical colour scale right of the plot, from {@code min} (bottom) to {@code max} (top). */
    void colourScale(String label, double min, double max) {
        int x0 = LEFT + plotWidth + 20;
        int barWidth = 18;
        for (int py = 0; py < plotHeight; py++) {
            double t = 1 - py / (double) (plotHeight - 1);
            g.setColor(new Color(SpectrogramImage.colour(t)));
            g.drawLine(x0, TOP + py, x0 + barWidth, TOP + py);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x0, TOP, barWidth, plotHeight);
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        double hi = max > min ? max : min + 1;
        for (double v : ticks(min, hi)) {
            int py = TOP + plotHeight - (int) Math.round((v - min) / (hi - min) * plotHeight);
            g.drawLine(x0 + barWidth, py, x0 + barWidth + 4, py);
            g.drawString(format(v), x0 + barWidth + 7, py + fm.getAscent() / 2 - 1);
        }
        g.setFont(LABEL);
        drawVertical(label, x0 + barWidth + 68, TOP + plotHeight / 2);
    }

    private void drawVertical(String text, int x, int centreY) {
        FontMetrics fm = g.getFontMetrics();
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, centreY);
        g.drawString(text, x - fm.stringWidth(text) / 2, centreY + fm.getAscent() / 2);
        g.setTransform(saved);
    }

    void dispose() {
        g.dispose();
    }

    /** Round tick values (1, 2 or 5 times a power of ten apart) inside [min, max], about six of them. */
    static List<Double> ticks(double min, double max) {
        double raw = (max - min) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "...") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "...";
    }
}
