package dev.littlebrain.deploy.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TensorFlow Lite Micro's figures on the same emulated Cortex-M4F, read from the baseline tables of
 * {@code ../shared/benchmarks/mlperf-tiny/README.md} (rows {@code | model | flash / RAM / instructions | flash /
 * RAM / instructions |}: TFLM reference, then TFLM + CMSIS-NN). The README is the one place these numbers live.
 */
public final class TflmBaselines {
    /** One firmware's figures: flash (text + rodata + data), RAM (data + bss + stack), instructions per inference. */
    public record Figures(long flashBytes, long ramBytes, long instructions) {
    }

    /** Both builds of one model. */
    public record Baseline(String row, Figures reference, Figures cmsisNn) {
    }

    private static final String TRIPLE = "\\s*([0-9][0-9,.]*(?:\\s*M)?)\\s*/\\s*([0-9][0-9,.]*(?:\\s*M)?)\\s*/\\s*"
            + "([0-9][0-9,.]*(?:\\s*M)?)\\s*";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([^|]+?)\\s*\\|" + TRIPLE + "\\|" + TRIPLE + "\\|\\s*$");

    private final Map<String, Baseline> rows;

    private TflmBaselines(Map<String, Baseline> rows) {
        this.rows = rows;
    }

    /** No baselines (the README is absent). */
    public static TflmBaselines none() {
        return new TflmBaselines(Map.of());
    }

    public static TflmBaselines parse(String markdown) {
        Map<String, Baseline> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                String name = m.group(1);
                rows.put(name, new Baseline(name, figures(m, 2), figures(m, 5)));
            }
        }
        return new TflmBaselines(Map.copyOf(rows));
    }

    /** The README's tables, or none when the file is absent. */
    public static TflmBaselines read(Path readme) throws IOException {
        return Files.isRegularFile(readme) ? parse(Files.readString(readme)) : none();
    }

    /**
     * The row for a case folder name. The tables name the MLPerf models without their {@code mlperf_} prefix and
     * sometimes with a note ({@code resnet (pretrainedResnet_quant)}): a row matches the case of its own name, or
     * {@code mlperf_} + its first word, whole or followed by {@code _}.
     */
    public Optional<Baseline> forCase(String caseName) {
        for (Baseline b : rows.values()) {
            String word = b.row().split("\\s+")[0];
            if (caseName.equals(b.row()) || caseName.equals(word) || caseName.equals("mlperf_" + word)
                    || caseName.startsWith("mlperf_" + word + "_")) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return rows.size();
    }

    private static Figures figures(Matcher m, int first) {
        return new Figures(number(m.group(first)), number(m.group(first + 1)), number(m.group(first + 2)));
    }

    /** "141,244" or "7.70 M" (millions, as the tables round them). */
    static long number(String text) {
        String t = text.replace(",", "").trim();
        if (t.endsWith("M")) {
            return Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1_000_000);
        }
        return Long.parseLong(t);
    }
}
