package dev.littlebrain.impulse.report;

import dev.littlebrain.dsp.blocks.BlockType;
import dev.littlebrain.dsp.blocks.ParameterSpec;
import dev.littlebrain.impulse.BlockCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code littlebrain blocks}' tables: each DSP block and learn preset with its parameters' schema. */
public final class BlockCatalogText {
    private BlockCatalogText() {
    }

    /** The DSP blocks, then the learn presets, a table of parameters each. */
    public static void print(BlockCatalog catalog, PrintWriter out) {
        out.print(section("DSP blocks (dsp.block, dsp.parameters)", catalog.dsp()));
        out.println();
        out.print(section("Learn presets (learn.preset; their parameters are learn.* keys)", catalog.learn()));
    }

    private static String section(String heading, List<? extends BlockType> types) {
        StringBuilder s = new StringBuilder(heading).append('\n');
        for (BlockType type : types) {
            s.append('\n').append(type.name()).append(": ").append(type.title()).append("; input: ")
                    .append(type.accepts().stream().map(Object::toString).collect(Collectors.joining(", ")))
                    .append('\n');
            s.append(String.format(Locale.ROOT, "  %-26s %-6s %-8s %-18s %s%n", "parameter", "kind", "default",
                    "range / values", "help"));
            for (ParameterSpec p : type.parameters()) {
                s.append(String.format(Locale.ROOT, "  %-26s %-6s %-8s %-18s %s%n", p.name(), p.kind(),
                        p.defaultValue().isEmpty() ? "\"\"" : p.defaultValue(), allowed(p), p.help()));
            }
        }
        return s.toString();
    }

    /** {@code [2, 512]}, {@code (0, 10]}, {@code >= 1}, {@code 3 | 4}, or {@code -}. */
    private static String allowed(ParameterSpec p) {
        if (!p.values().isEmpty()) {
            return String.join(" | ", p.values());
        }
        return p.range().map(r -> {
            String min = number(r.min());
            if (r.max() >= Integer.MAX_VALUE) {
                return (r.minExclusive() ? "> " : ">= ") + min;
            }
            return (r.minExclusive() ? "(" : "[") + min + ", " + number(r.max()) + "]";
        }).orElse("-");
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
