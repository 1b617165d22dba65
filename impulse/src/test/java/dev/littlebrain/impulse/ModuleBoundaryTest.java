package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library stays a library: no command-line parsing, no console, no exiting the JVM, no drawing. Whoever embeds
 * it (the CLI, a server) decides how to show progress and results. Drawing is confined to {@code impulse.report}.
 */
class ModuleBoundaryTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bpicocli\\.|System\\.(out|err|exit)\\b|\\bjava\\.awt\\b|\\bjavax\\.(imageio|swing|sound)\\b");
    /** The console and the command line stay out of the report package too; only drawing is allowed there. */
    private static final Pattern FORBIDDEN_IN_REPORTS = Pattern.compile("\\bpicocli\\.|System\\.(out|err|exit)\\b");
    /** Renderers of PNG and HTML reports: the one package that draws. */
    private static final Path REPORTS = Path.of("dev/littlebrain/impulse/report");

    @Test
    void theMainCodeUsesNoConsoleNoPicocliAndNoAwtOutsideItsReports() throws IOException {
        Path main = Path.of("src/main/java");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(main)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 10, "the module's sources are found: " + sources);
        List<String> found = new ArrayList<>();
        for (Path f : sources) {
            List<String> lines = Files.readAllLines(f);
            Pattern forbidden = main.relativize(f).getParent().equals(REPORTS) ? FORBIDDEN_IN_REPORTS : FORBIDDEN;
            for (int i = 0; i < lines.size(); i++) {
                if (forbidden.matcher(lines.get(i)).find()) {
                    found.add(main.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
