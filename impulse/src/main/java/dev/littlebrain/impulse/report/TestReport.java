package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.data.viz.PngFiles;
import dev.littlebrain.files.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The pictures a person looks at after {@code test}: the float and int8 confusion matrices side by
 * side as a PNG (cells shaded by their share of the actual class), and one self-contained HTML page
 * with the metrics, both matrices and the misclassified samples.
 */
public final class TestReport {
    private static final int CELL = 56;
    private static final int MISCLASSIFIED_SHOWN = 200;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private TestReport() {
    }

    /**
     * Writes {@code test}'s pictures of {@code report} where {@code layout} keeps them: the confusion matrices'
     * PNG and the HTML page that embeds it.
     */
    public static void write(ClipReport report, ProjectLayout layout) throws IOException {
        Path png = layout.confusionMatrix();
        confusionPng(report.floatModel(), report.int8Model(), report.labels(), png);
        html(report.floatModel(), report.int8Model(), report.labels(), layout.dir(), png, layout.testReport());
    }

    /** Writes the PNG (float left, int8 right). */
    public static void confusionPng(ClipEvaluation fl, ClipEvaluation q, List<String> labels, Path png) throws IOException {
        int n = labels.size();
        List<String> shown = labels.stream().map(TestReport::shortened).toList();
        // Measure the labels first: the margins are as wide as the longest label needs, never clipped.
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(LABEL_FONT);
        FontMetrics fm = pg.getFontMetrics();
        int longest = shown.stream().mapToInt(fm::stringWidth).max().orElse(0);
        pg.dispose();
        boolean vertical = longest > CELL - 6;
        int labelWidth = Math.max(60, longest + 16);
        int bottom = (vertical ? longest + 12 : 24) + 36;
        int top = 60;
        int matrix = n * CELL;
        int gap = 60;
        int w = 20 + 2 * (labelWidth + matrix) + gap + 20;
        int h = top + matrix + bottom;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        drawMatrix(g, fl, shown, "float", 20 + labelWidth, top, vertical, longest);
        drawMatrix(g, q, shown, "int8", 20 + 2 * labelWidth + matrix + gap, top, vertical, longest);
        g.dispose();
        PngFiles.write(img, png);
    }

    /** Labels past 32 characters end in an ellipsis: the matrix stays readable, the HTML table has them whole. */
    public static String shortened(String label) {
        return label.length() <= 32 ? label : label.substring(0, 31) + "\u2026";
    }

    private static void drawMatrix(Graphics2D g, ClipEvaluation e, List<String> labels, String name, int x0, int y0,
            boolean verticalColumnLabels, int longest) {
        int n = labels.size();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(String.format(Locale.ROOT, "%s: accuracy %.1f %%", name, 100 * e.accuracy()), x0, y0 - 30);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < n; r++) {
            int actual = 0;
            for (int v : e.confusion()[r]) {
                actual += v;
            }
            String label = labels.get(r);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, x0 - 8 - fm.stringWidth(label), y0 + r * CELL + CELL / 2 + 4);
            for (int c = 0; c < n; c++) {
                int count = e.confusion()[r][c];
                double share = actual == 0 ? 0 : (double) count / actual;
                // Blue for hits on the diagonal, red for confusions; darker = larger share of the class.
                Color base = r == c ? new Color(33, 102, 172) : new Color(178, 24, 43);
                g.setColor(mix(Color.WHITE, base, share));
                g.fillRect(x0 + c * CELL, y0 + r * CELL, CELL, CELL);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String text = String.valueOf(count);
                g.drawString(text, x0 + c * CELL + (CELL - fm.stringWidth(text)) / 2, y0 + r * CELL + CELL / 2 + 4);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, n * CELL, n * CELL);
        g.setColor(Color.DARK_GRAY);
        for (int c = 0; c < n; c++) {
            String label = labels.get(c);
            if (verticalColumnLabels) {
                // Read bottom to top, right-aligned under the column, as long labels in any plotting tool.
                int x = x0 + c * CELL + CELL / 2 + fm.getAscent() / 2 - 1;
                int y = y0 + n * CELL + 8 + fm.stringWidth(label);
                java.awt.geom.AffineTransform saved = g.getTransform();
                g.rotate(-Math.PI / 2, x, y);
                g.drawString(label, x, y);
                g.setTransform(saved);
            } else {
                g.drawString(label, x0 + c * CELL + (CELL - fm.stringWidth(label)) / 2, y0 + n * CELL + 18);
            }
        }
        int axis = y0 + n * CELL + (verticalColumnLabels ? longest + 12 : 24) + 16;
        g.drawString("predicted", x0 + (n * CELL - fm.stringWidth("predicted")) / 2, axis);
        g.drawString("actual", x0 - fm.stringWidth("actual") - 8, y0 - 8);
    }

    private static Color mix(Color a, Color b, double t) {
        double s = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * s),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * s),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * s));
    }

    /** Writes the HTML page, self-contained: {@code png} is embedded, so the page can be mailed or moved alone. */
    public static void html(ClipEvaluation fl, ClipEvaluation q, List<String> labels, Path projectDir, Path png, Path html)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>LittleBrain test report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                        + "margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}"
                        + "th{background:#f4f4f4}td.l,th.l{text-align:left}</style></head><body>\n")
                .append("<h1>Test split: ").append(fl.total()).append(" samples, ").append(labels.size())
                .append(" classes</h1>\n<p>Both models were run in LittleBrain's bit-exact runtime, so the int8 column is"
                        + " what the device computes.</p>\n")
                .append("<table><tr><th class=\"l\"></th><th>float</th><th>int8</th></tr>\n");
        row(b, "accuracy", fl.accuracy(), q.accuracy(), "%.4f");
        row(b, "F1 (macro)", fl.f1Macro(), q.f1Macro(), "%.4f");
        row(b, "loss", fl.loss(), q.loss(), "%.4f");
        row(b, "uncertain (top score &lt; " + fmt("%.2f", q.minConfidence()) + ")", fl.uncertainRate(),
                q.uncertainRate(), "%.4f");
        b.append("</table>\n<table><tr><th class=\"l\">label</th><th>float P</th><th>R</th><th>F1</th>"
                + "<th>int8 P</th><th>R</th><th>F1</th></tr>\n");
        for (int c = 0; c < labels.size(); c++) {
            b.append("<tr><td class=\"l\">").append(escape(labels.get(c))).append("</td>");
            for (ClipEvaluation e : List.of(fl, q)) {
                b.append("<td>").append(fmt("%.3f", e.precision(c))).append("</td><td>").append(fmt("%.3f", e.recall(c)))
                        .append("</td><td>").append(fmt("%.3f", e.f1(c))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n<h2>Confusion matrices</h2>\n<p>Rows: actual label; columns: predicted.</p>\n")
                .append("<img alt=\"confusion matrices\" src=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(png)))
                .append("\">\n<h2>Misclassified by the int8 model</h2>\n");
        if (q.misclassified().isEmpty()) {
            b.append("<p>None.</p>\n");
        } else {
            b.append("<table><tr><th class=\"l\">sample</th><th class=\"l\">actual</th><th class=\"l\">predicted</th>"
                    + "<th>confidence</th></tr>\n");
            for (ClipEvaluation.Misclassified m : q.misclassified().subList(0,
                    Math.min(MISCLASSIFIED_SHOWN, q.misclassified().size()))) {
                b.append("<tr><td class=\"l\">").append(escape(relative(projectDir, m.file()))).append("</td><td class=\"l\">")
                        .append(escape(labels.get(m.actual()))).append("</td><td class=\"l\">")
                        .append(escape(labels.get(m.predicted()))).append("</td><td>")
                        .append(fmt("%.3f", m.confidence())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</body></html>\n");
        AtomicFiles.write(html, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String relative(Path projectDir, Path file) {
        return ClipReport.relative(projectDir, file);
    }

    private static void row(StringBuilder b, String name, double a, double c, String format) {
        b.append("<tr><td class=\"l\">").append(name).append("</td><td>").append(fmt(format, a)).append("</td><td>")
                .append(fmt(format, c)).append("</td></tr>\n");
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
