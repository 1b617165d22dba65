package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.evaluation.Interval;
import dev.littlebrain.impulse.evaluation.StreamEvaluation.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code test --stream}'s picture: the threshold sweep as a FAR/FRR curve, per keyword too. */
public final class FarFrrPlot {
    private FarFrrPlot() {
    }

    /**
     * Draws the sweep as a FAR/FRR curve: FRR (1 - detection rate) against false accepts per hour, one point per
     * threshold; with {@code detection} and {@code falseAcceptsPerHour} (95 % intervals of
     * the suggested point, or null) also a cross of those intervals around it, clipped to the plot.
     */
    public static void plot(List<Point> points, Point suggested, Interval detection, Interval falseAcceptsPerHour, Path png)
            throws IOException {
        plot(points, suggested, detection, falseAcceptsPerHour, Map.of(), png);
    }

    /** Colours of the per-keyword curves, in keyword order (then again); none is the pooled curve's or the mark's. */
    public static final Color[] KEYWORD_COLOURS = {new Color(230, 140, 20), new Color(40, 150, 70), new Color(140, 80, 180),
        new Color(120, 90, 50), new Color(210, 90, 170), new Color(110, 110, 110)};

    /**
     * As {@link #plot(List, Point, Interval, Interval, Path)}, with a thinner curve per keyword under the pooled one
     * ({@code perKeyword}: each keyword's points at the same thresholds) and a legend.
     */
    public static void plot(List<Point> points, Point suggested, Interval detection, Interval falseAcceptsPerHour,
            Map<String, List<Point>> perKeyword, Path png) throws IOException {
        int w = 720;
        int h = 480;
        int left = 80;
        int right = 30;
        int top = 50;
        int bottom = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double xMax = 10;
        for (Point p : points) {
            xMax = Math.max(xMax, p.falseAcceptsPerHour());
        }
        xMax = Math.ceil(xMax / 10) * 10;
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - ph * i / 5;
            int x = left + pw * i / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left, y, left + pw, y);
            g.drawLine(x, top, x, top + ph);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", i / 5.0), left - 30, y + 4);
            g.drawString(String.format(Locale.ROOT, "%.0f", xMax * i / 5), x - 8, top + ph + 18);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("FAR / FRR: continuous keyword spotting (one point per threshold)", left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("false accepts per hour", left + pw / 2 - 70, h - 25);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString("false reject rate (1 - detection rate)", -(top + ph / 2 + 110), 25);
        g.setTransform(saved);
        g.setColor(new Color(200, 60, 60));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 5}, 0));
        int x10 = left + (int) Math.round(pw * 10 / xMax);
        g.drawLine(x10, top, x10, top + ph);
        g.setStroke(new BasicStroke(2f));
        int[] xs = new int[points.size()];
        int[] ys = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            xs[i] = left + (int) Math.round(pw * p.falseAcceptsPerHour() / xMax);

            ys[i] = top + ph - (int) Math.round(ph * (1 - p.detectionRate()));
        }
        // The legend goes top right, under the interval caption: high false-accept rates come with low false
        // rejects, so no curve passes there.
        int legendX = left + pw - 130;
        int legendY = top + 42;
        int k = 0;
        for (Map.Entry<String, List<Point>> e : perKeyword.entrySet()) {
            Color colour = KEYWORD_COLOURS[k++ % KEYWORD_COLOURS.length];
            List<Point> kp = e.getValue();
            int[] kx = new int[kp.size()];
            int[] ky = new int[kp.size()];
            for (int i = 0; i < kp.size(); i++) {
                kx[i] = left + (int) Math.round(pw * Math.min(kp.get(i).falseAcceptsPerHour(), xMax) / xMax);
                ky[i] = top + ph - (int) Math.round(ph * (1 - kp.get(i).detectionRate()));
            }
            g.setColor(colour);
            g.setStroke(new BasicStroke(1.2f));
            g.drawPolyline(kx, ky, kx.length);
            for (int i = 0; i < kx.length; i++) {
                g.fillRect(kx[i] - 2, ky[i] - 2, 4, 4);
            }
            g.fillRect(legendX, legendY - 8, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(e.getKey(), legendX + 20, legendY - 2);
            legendY += 16;
        }
        if (!perKeyword.isEmpty()) {
            g.setColor(new Color(40, 90, 180));
            g.fillRect(legendX, legendY - 8, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString("all keywords", legendX + 20, legendY - 2);
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(40, 90, 180));
        g.drawPolyline(xs, ys, xs.length);
        for (int i = 0; i < xs.length; i++) {
            g.fillOval(xs[i] - 3, ys[i] - 3, 7, 7);
        }
        if (suggested != null) {
            int i = points.indexOf(suggested);
            g.setColor(new Color(200, 60, 60));
            g.drawOval(xs[i] - 7, ys[i] - 7, 14, 14);
            g.drawString(String.format(Locale.ROOT, "suggested %.2f", suggested.threshold()), xs[i] + 10, ys[i] - 8);
            if (detection != null && falseAcceptsPerHour != null) {
                g.setStroke(new BasicStroke(1.5f));
                int x0 = left + (int) Math.round(pw * Math.min(falseAcceptsPerHour.low(), xMax) / xMax);
                int x1 = left + (int) Math.round(pw * Math.min(falseAcceptsPerHour.high(), xMax) / xMax);
                int y0 = top + ph - (int) Math.round(ph * (1 - detection.high()));
                int y1 = top + ph - (int) Math.round(ph * (1 - detection.low()));
                g.drawLine(x0, ys[i], x1, ys[i]);
                g.drawLine(xs[i], y0, xs[i], y1);
                for (int end : new int[] {x0, x1}) {
                    g.drawLine(end, ys[i] - 4, end, ys[i] + 4);
                }
                for (int end : new int[] {y0, y1}) {
                    g.drawLine(xs[i] - 4, end, xs[i] + 4, end);
                }
                String caption = String.format(Locale.ROOT, "95 %% interval: detection %.2f-%.2f, %.0f-%.0f FA/h%s",
                        detection.low(), detection.high(), falseAcceptsPerHour.low(), falseAcceptsPerHour.high(),
                        falseAcceptsPerHour.high() > xMax ? " (beyond the axis)" : "");
                g.drawString(caption, left + pw - 8 - g.getFontMetrics().stringWidth(caption), top + 18);
            }
        }
        g.dispose();
        dev.littlebrain.data.viz.PngFiles.write(img, png);
    }
}
