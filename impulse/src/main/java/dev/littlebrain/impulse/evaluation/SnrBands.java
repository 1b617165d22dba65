package dev.littlebrain.impulse.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Detection per SNR band of 5 dB: a spotter that finds the keywords spoken over quiet noise and misses those at 0-5 dB
 * looks fine in the pooled rate, and real rooms are the loud end. The SNRs come from {@code streams_detail.csv}'s
 * {@code snr_db} column ({@code data streams} and espeak-kws write it); without one there are no bands.
 */
public final class SnrBands {
    public static final double WIDTH_DB = 5;

    /** One band {@code [lowDb, lowDb + 5)}: its keyword utterances and those found. */
    public record Band(double lowDb, int utterances, int hits) {
        public double detectionRate() {
            return utterances == 0 ? 0 : hits / (double) utterances;
        }

        public String name() {
            return String.format(Locale.ROOT, "%.0f-%.0f", lowDb, lowDb + WIDTH_DB);
        }
    }

    private SnrBands() {
    }

    /**
     * Each word's SNR in dB by {@link #key}, from the {@code streams_detail.csv} beside {@code streamsCsv}; empty when
     * there is no such file or it has no {@code snr_db} column. A value that is not a number is one clear error.
     */
    public static Map<String, Double> read(Path streamsCsv) throws IOException {
        Path detail = streamsCsv.resolveSibling(StreamEvaluation.DETAIL);
        if (!Files.isRegularFile(detail)) {
            return Map.of();
        }
        TruthTable table = TruthTable.read(detail);
        int file = table.column("file");
        int start = table.column("start_ms");
        int snr = table.column("snr_db");
        if (file < 0 || start < 0 || snr < 0) {
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        for (TruthTable.Row row : table.rows()) {
            try {
                out.put(key(row.get(file), Long.parseLong(row.get(start))), Double.parseDouble(row.get(snr)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(detail + " line " + row.line() + ": start_ms and snr_db must be"
                        + " numbers, got " + row.get(start) + " and " + row.get(snr));
            }
        }
        return out;
    }

    /** The keywords' detection per 5 dB band, lowest band first; empty when no keyword has a known SNR. */
    public static List<Band> of(List<StreamEvaluation.Utterance> truth, Set<String> keywords,
            List<StreamEvaluation.Utterance> misses, Map<String, Double> snrByWord) {
        Map<Double, int[]> bands = new java.util.TreeMap<>(); // low edge -> {hits, utterances}
        Set<String> missed = new java.util.HashSet<>();
        for (StreamEvaluation.Utterance u : misses) {
            missed.add(key(u.file(), u.startMs()));
        }
        for (StreamEvaluation.Utterance u : truth) {
            Double snr = snrByWord.get(key(u.file(), u.startMs()));
            if (!keywords.contains(u.label()) || snr == null) {
                continue;
            }
            int[] c = bands.computeIfAbsent(Math.floor(snr / WIDTH_DB) * WIDTH_DB, b -> new int[2]);
            c[1]++;
            if (!missed.contains(key(u.file(), u.startMs()))) {
                c[0]++;
            }
        }
        List<Band> out = new ArrayList<>();
        bands.forEach((low, c) -> out.add(new Band(low, c[1], c[0])));
        return out;
    }

    /** One line: each band's detection rate and counts. */
    public static String line(List<Band> bands) {
        List<String> parts = new ArrayList<>();
        for (Band b : bands) {
            parts.add(String.format(Locale.ROOT, "%s dB %.3f (%d of %d)", b.name(), b.detectionRate(), b.hits(),
                    b.utterances()));
        }
        return "  by SNR: " + String.join(", ", parts);
    }

    /** A band as {@code test --stream --json} prints it. */
    @JsonPropertyOrder({"band", "min_db", "max_db", "utterances", "hits", "detection_rate"})
    public record BandJson(String band, @JsonProperty("min_db") double minDb, @JsonProperty("max_db") double maxDb,
            int utterances, int hits, @JsonProperty("detection_rate") double detectionRate) {
    }

    /** The bands as JSON; null when there are none, so the key is left out. */
    public static List<BandJson> json(List<Band> bands) {
        if (bands.isEmpty()) {
            return null;
        }
        return bands.stream().map(b -> new BandJson(b.name(), b.lowDb(), b.lowDb() + WIDTH_DB, b.utterances(),
                b.hits(), b.detectionRate())).toList();
    }

    private static String key(String file, long startMs) {
        return file + "@" + startMs;
    }
}
