package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.data.curate.HardNegativeMiner;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code littlebrain data mine} on a copy of the trained espeak-kws project: the windows it adds are ones the
 * project's int8 model, run through the impulse's DSP as {@code classify} runs it, answers with a keyword.
 */
@Tag("slow")
class MineCommandTest {

    @Test
    void addsWindowsTheModelAnswersWithAKeyword(@TempDir Path tmp) throws Exception {
        TrainedKwsProject project = TrainedKwsProject.get();
        Path p = tmp.resolve("P");
        copyTree(project.dir().resolve("data"), p.resolve("data"));
        Files.createDirectories(p.resolve("models"));
        Files.copy(project.dir().resolve(ImpulseConfig.FILE_NAME), p.resolve(ImpulseConfig.FILE_NAME));
        for (String f : new String[] {"model_int8.tflite", "training.json"}) {
            Files.copy(project.dir().resolve("models").resolve(f), p.resolve("models").resolve(f));
        }
        Manifest before = Manifest.read(p.resolve("data"));

        CliRun run = CliRun.of("data", "mine", project.dataset().toString(), "--project", p.toString(),
                "--stream-seconds", "600", "--max-windows", "40");
        assertEquals(0, run.exitCode(), run.err());
        System.out.println(run.out());
        Matcher m = Pattern.compile("(\\d+) windows of other words, (\\d+) answered with a keyword").matcher(run.out());
        assertTrue(m.find(), run.out());
        int candidates = Integer.parseInt(m.group(1));
        int fired = Integer.parseInt(m.group(2));
        assertTrue(candidates > 100 && fired < candidates, run.out());

        Manifest after = Manifest.read(p.resolve("data"));
        List<ManifestEntry> added = after.samples().stream()
                .filter(e -> e.source().startsWith(HardNegativeMiner.SOURCE)).toList();
        assertEquals(Math.min(40, fired), added.size(), run.out());
        assertTrue(run.out().contains("Added " + added.size() + " of them"), run.out());
        assertEquals(before.samples().size() + added.size(), after.samples().size());
        assertTrue(added.stream().allMatch(e -> e.label().equals("_unknown_") && e.split().equals("train")));

        // The model itself calls the mined windows keywords.
        List<String> labels = TrainedLabels.of(p);
        for (ManifestEntry e : added.subList(0, Math.min(5, added.size()))) {
            CliRun c = CliRun.of("classify", p.resolve("data").resolve(e.path()).toString(), "--model",
                    p.resolve("models/model_int8.tflite").toString(), "--labels", String.join(",", labels), "--json");
            assertEquals(0, c.exitCode(), c.err());
            JsonNode answer = new ObjectMapper().readTree(c.out());
            String label = answer.get("label").asText();
            assertTrue(label.equals("yes") || label.equals("no"), e.path() + ": " + c.out());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The labels in model order, as training wrote them. */
    private static final class TrainedLabels {
        static List<String> of(Path project) throws IOException {
            JsonNode labels = new ObjectMapper().readTree(project.resolve("models/training.json").toFile()).get("labels");
            List<String> out = new java.util.ArrayList<>();
            labels.forEach(n -> out.add(n.asText()));
            return out;
        }
    }
}
