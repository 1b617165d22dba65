package dev.littlebrain.data.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A feature vector (one frame: spectral analysis, raw, a trajectory) as bars over an 800 x 400 plot with a zero
 * line, so a person sees each feature's value, not a one-pixel strip.
 *
 * @param title  what is shown
 * @param xLabel what the bars are (e.g. "feature")
 * @param yLabel what their height means, with its unit
 */
public record BarChart(String title, String xLabel, String yLabel) {

    public BufferedImage render(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("nothing to draw: no values");
        }
        double min = 0;
        double max = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double pad = (max - min) * 0.05;
        ChartFrame.Axis y = new ChartFrame.Axis(yLabel, min < 0 ? min - pad : 0, max + pad);
        ChartFrame frame = new ChartFrame(HeatMapChart.PLOT_WIDTH, HeatMapChart.PLOT_HEIGHT, false);
        Graphics2D g = frame.graphics();
        double scale = frame.plotHeight() / (y.max() - y.min());
        int zero = frame.plotY() + frame.plotHeight() - (int) Math.round((0 - y.min()) * scale);
        double width = frame.plotWidth() / (double) values.length;
        g.setColor(new Color(33, 102, 172));
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                continue;
            }
            int x0 = frame.plotX() + (int) Math.round(i * width);
            int x1 = frame.plotX() + (int) Math.round((i + 1) * width);
            int top = frame.plotY() + frame.plotHeight() - (int) Math.round((values[i] - y.min()) * scale);
            int gap = x1 - x0 > 3 ? 1 : 0;
            g.fillRect(x0, Math.min(top, zero), Math.max(1, x1 - x0 - gap), Math.max(1, Math.abs(zero - top)));
        }
        g.setColor(Color.GRAY);
        g.drawLine(frame.plotX(), zero, frame.plotX() + frame.plotWidth(), zero);
        frame.decorate(title, new ChartFrame.Axis(xLabel, 0, values.length), y);
        frame.dispose();
        return frame.image();
    }
}
