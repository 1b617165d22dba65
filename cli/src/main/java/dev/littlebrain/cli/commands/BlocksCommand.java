package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.dsp.blocks.BlockType;
import dev.littlebrain.dsp.blocks.ParameterSpec;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.BlockCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain blocks [--json]}: the DSP blocks and learn presets an impulse can use, each with its parameters
 * (kind, default, range or allowed values, help). The JSON is the schema records themselves ({@link BlockCatalog}).
 */
@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = "List the DSP blocks and learn presets with their parameters (impulse.yaml's dsp.block,"
                + " dsp.parameters, learn.preset).")
public final class BlocksCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the parameter schemas as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BlockCatalog catalog = BlockCatalog.all();
        if (json) {
            // A schema file's spelling: kinds and modalities lower case, as impulse.yaml writes them.
            out.println(Json.indented().with(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                    .writeValueAsString(catalog));
        } else {
            out.print(section("DSP blocks (dsp.block, dsp.parameters)", catalog.dsp()));
            out.println();
            out.print(section("Learn presets (learn.preset; their parameters are learn.* keys)", catalog.learn()));
        }
        out.flush();
        return 0;
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
