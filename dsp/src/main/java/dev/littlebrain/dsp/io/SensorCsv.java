package dev.littlebrain.dsp.io;

import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sensor samples as CSV: a header row naming the columns, the first column a timestamp in
 * milliseconds, then one column per axis ({@code timestamp,accX,accY,accZ}).
 *
 * <p>Timestamps must increase strictly; the sampling interval is taken as their mean step
 * (first to last), since loggers jitter by a millisecond or so. Units are not part of the format
 * and read as "".
 */
public final class SensorCsv {
    private SensorCsv() {
    }

    public static SensorSeries read(Path file) throws IOException {
        return parse(new String(WavReader.readBytes(file), StandardCharsets.UTF_8), file.toString());
    }

    /** Parses CSV text; {@code source} names the file in error messages. */
    public static SensorSeries parse(String text, String source) throws SignalFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // byte-order mark written by spreadsheet exports
        }
        String[] lines = text.split("\r?\n|\r", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw new SignalFormatException(source, "file is empty; expected a header like timestamp,accX,accY,accZ");
        }
        String[] header = splitRow(lines[headerLine]);
        if (header.length < 2) {
            throw new SignalFormatException(source, "line " + (headerLine + 1) + ": header has " + header.length
                    + " column(s); expected a timestamp column and at least one axis, e.g. timestamp,accX,accY,accZ");
        }
        if (isNumber(header[0])) {
            throw new SignalFormatException(source, "line " + (headerLine + 1) + ": the first line holds numbers; "
                    + "add a header naming the columns, e.g. timestamp,accX,accY,accZ");
        }
        List<String> axes = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new SignalFormatException(source, "line " + (headerLine + 1) + ": column " + (c + 1)
                        + " of the header has no name");
            }
            axes.add(header[c]);
        }
        int columns = header.length;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            String[] cells = splitRow(lines[i]);
            if (cells.length != columns) {
                throw new SignalFormatException(source, "line " + lineNo + ": " + cells.length
                        + " values, but the header has " + columns + " columns (ragged row)");
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = parseCell(cells[c], c == 0 ? header[0] : header[c], source, lineNo);
            }
            if (!rows.isEmpty()) {
                double previous = rows.get(rows.size() - 1)[0];
                if (!(row[0] > previous)) {
                    throw new SignalFormatException(source, "line " + lineNo + ": timestamp " + cells[0]
                            + " is not after the previous one (" + format(previous)
                            + "); timestamps must increase");
                }
            }
            rows.add(row);
            rowLines.add(lineNo);
        }
        if (rows.size() < 2) {
            throw new SignalFormatException(source, "has " + rows.size() + " data row(s); at least 2 are needed "
                    + "to know the sampling interval");
        }
        double interval = (rows.get(rows.size() - 1)[0] - rows.get(0)[0]) / (rows.size() - 1);
        if (!Double.isFinite(interval) || !(interval > 0)) {
            throw new SignalFormatException(source, "timestamps span more than a double can hold; "
                    + "timestamps must be milliseconds");
        }
        int n = axes.size();
        float[] values = new float[rows.size() * n];
        for (int r = 0; r < rows.size(); r++) {
            for (int a = 0; a < n; a++) {
                double v = rows.get(r)[a + 1];
                if (Float.isInfinite((float) v)) {
                    throw new SignalFormatException(source, "line " + rowLines.get(r) + ": value " + v
                            + " in column " + axes.get(a) + " is too large for a float");
                }
                values[r * n + a] = (float) v;
            }
        }
        return new SensorSeries("", axes, Collections.nCopies(n, ""), interval, values);
    }

    public static void write(Path file, SensorSeries series) throws IOException {
        AtomicFiles.write(file, format(series).getBytes(StandardCharsets.UTF_8));
    }

    /** CSV text with timestamps {@code i * interval} starting at 0. */
    public static String format(SensorSeries series) {
        StringBuilder sb = new StringBuilder("timestamp");
        for (String axis : series.axes()) {
            sb.append(',').append(axis);
        }
        sb.append('\n');
        int n = series.axes().size();
        for (int f = 0; f < series.frames(); f++) {
            sb.append(format(f * series.intervalMs()));
            for (int a = 0; a < n; a++) {
                sb.append(',').append(series.value(f, a));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String format(double ms) {
        return ms == Math.rint(ms) && Math.abs(ms) < 1e15 ? Long.toString((long) ms) : Double.toString(ms);
    }

    private static String[] splitRow(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).trim();
            }
            cells[i] = c;
        }
        return cells;
    }

    private static double parseCell(String cell, String column, String source, int lineNo)
            throws SignalFormatException {
        if (cell.isEmpty()) {
            throw new SignalFormatException(source, "line " + lineNo + ": missing value in column " + column);
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new SignalFormatException(source, "line " + lineNo + ": '" + cell + "' in column " + column
                    + " is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new SignalFormatException(source, "line " + lineNo + ": '" + cell + "' in column " + column
                    + " is not a finite number (NaN/Infinity are not allowed)");
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
