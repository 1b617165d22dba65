package dev.littlebrain.impulse.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream ground-truth CSV ({@code streams.csv}, {@code streams_detail.csv}) as text: the header's column names and
 * each row's fields, columns found by name. A spreadsheet may save the file with a byte-order mark in front of the
 * first name, and blank lines are skipped; a row with the wrong number of fields is one error naming the file and line.
 *
 * @param file   the CSV
 * @param header the column names, stripped (empty for an empty file)
 * @param rows   the rows that are not blank
 */
record TruthTable(Path file, List<String> header, List<Row> rows) {

    /** One row: its line number in the file (1 is the header) and its fields. */
    record Row(int line, String[] fields) {
        String get(int column) {
            return fields[column].strip();
        }
    }

    static TruthTable read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            return new TruthTable(csv, List.of(), List.of());
        }
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").strip().split(",", -1)).stream()
                .map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected " + header.size()
                        + " fields (" + String.join(",", header) + "), got " + f.length);
            }
            rows.add(new Row(i + 1, f));
        }
        return new TruthTable(csv, header, rows);
    }

    /** The index of the column {@code name}, or -1. */
    int column(String name) {
        return header.indexOf(name);
    }
}
