package dev.littlebrain.data.viz;

import java.awt.image.BufferedImage;

/**
 * A grid of values as a chart a person reads: the cells stretched over an 800 x 400 plot whatever their
 * number, time or frames along x, frequency or coefficient up y, a colour scale with its unit, and a title.
 *
 * @param title      what is shown (e.g. the file and block)
 * @param x          the quantity along x, and the value at the left edge and per column
 * @param y          the quantity up y, and the value at the bottom edge and per row
 * @param scaleLabel what the colours mean, with its unit
 */
public record HeatMapChart(String title, Axis x, Axis y, String scaleLabel) {
    static final int PLOT_WIDTH = 800;
    static final int PLOT_HEIGHT = 400;

    /** An axis of cells: cell i spans {@code [start + i * step, start + (i + 1) * step)}. */
    public record Axis(String label, double start, double step) {
    }

    /**
     * Draws {@code cells[column][row]} (row 0 at the bottom), coloured from {@code min} (darkest) to {@code max}
     * (brightest); values outside are clamped, NaN is black.
     */
    public BufferedImage render(float[][] cells, double min, double max) {
        int columns = cells.length;
        int rows = columns == 0 ? 0 : cells[0].length;
        if (columns == 0 || rows == 0) {
            throw new IllegalArgumentException("nothing to draw: " + columns + " x " + rows + " cells");
        }
        ChartFrame frame = new ChartFrame(PLOT_WIDTH, PLOT_HEIGHT, true);
        BufferedImage image = frame.image();
        double range = max > min ? max - min : 1;
        for (int px = 0; px < PLOT_WIDTH; px++) {
            int column = Math.min(columns - 1, px * columns / PLOT_WIDTH);
            for (int py = 0; py < PLOT_HEIGHT; py++) {
                int row = Math.min(rows - 1, (PLOT_HEIGHT - 1 - py) * rows / PLOT_HEIGHT);
                float v = cells[column][row];
                int rgb = Float.isNaN(v) ? 0 : SpectrogramImage.colour(Math.max(0, Math.min(1, (v - min) / range)));
                image.setRGB(frame.plotX() + px, frame.plotY() + py, rgb);
            }
        }
        frame.decorate(title, new ChartFrame.Axis(x.label(), x.start(), x.start() + columns * x.step()),
                new ChartFrame.Axis(y.label(), y.start(), y.start() + rows * y.step()));
        frame.colourScale(scaleLabel, min, max);
        frame.dispose();
        return image;
    }

    /** The plot area's top-left corner and size in the rendered image, for tests that read pixels back. */
    static java.awt.Rectangle plotArea() {
        ChartFrame probe = new ChartFrame(PLOT_WIDTH, PLOT_HEIGHT, true);
        probe.dispose();
        return new java.awt.Rectangle(probe.plotX(), probe.plotY(), PLOT_WIDTH, PLOT_HEIGHT);
    }
}
