package dev.littlebrain.data.stats;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and durations of a dataset per class and split, and the sample rates found — what a
 * person checks before training (is a class tiny? is a split empty? is a file at the wrong rate?).
 *
 * @param rows        one row per label, sorted by label
 * @param sampleRates number of samples at each rate (Hz)
 */
public record DatasetStats(List<ClassStats> rows, Map<Double, Integer> sampleRates) {
    /** Counts of one label. */
    public record ClassStats(String label, int train, int validation, int test, double seconds) {
        public int total() {
            return train + validation + test;
        }
    }

    public DatasetStats {
        rows = List.copyOf(rows);
        sampleRates = Map.copyOf(sampleRates);
    }

    public static DatasetStats of(Dataset dataset) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Double> seconds = new TreeMap<>();
        Map<Double, Integer> rates = new TreeMap<>();
        for (Sample s : dataset.samples()) {
            counts.computeIfAbsent(s.label(), x -> new int[Split.values().length])[s.split().ordinal()]++;
            seconds.merge(s.label(), s.durationSeconds(), Double::sum);
            rates.merge(s.sampleRateHz(), 1, Integer::sum);
        }
        List<ClassStats> rows = new ArrayList<>();
        counts.forEach((label, c) -> rows.add(new ClassStats(label, c[0], c[1], c[2], seconds.get(label))));
        return new DatasetStats(rows, rates);
    }

    public int totalSamples() {
        return rows.stream().mapToInt(ClassStats::total).sum();
    }

    public double totalSeconds() {
        return rows.stream().mapToDouble(ClassStats::seconds).sum();
    }

    /** A plain-text table, one line per class plus a total, then the sample rates. */
    public String toTable() {
        int width = Math.max(5, rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        String format = "%-" + width + "s %7s %10s %6s %7s %10s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "label", "train", "validation", "test", "total", "duration"));
        int train = 0;
        int validation = 0;
        int test = 0;
        for (ClassStats r : rows) {
            sb.append(String.format(Locale.ROOT, format, r.label(), r.train(), r.validation(), r.test(), r.total(),
                    duration(r.seconds())));
            train += r.train();
            validation += r.validation();
            test += r.test();
        }
        sb.append(String.format(Locale.ROOT, format, "total", train, validation, test, totalSamples(),
                duration(totalSeconds())));
        sb.append("sample rates:");
        new TreeMap<>(sampleRates).forEach((rate, n) -> sb.append(String.format(Locale.ROOT, " %s Hz (%d)",
                rate == Math.rint(rate) ? String.valueOf(rate.longValue()) : rate.toString(), n)));
        return sb.append(System.lineSeparator()).toString();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
