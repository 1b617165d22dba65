package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.tflite.TfliteReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at seeded random moments of {@code data import} (audio), {@code features}, {@code train} and
 * {@code deploy} (a small motion project), each run as a separate JVM. After every kill the project opens, each
 * earlier result (data/, the feature cache, models/, the deploy folder) is the complete old or new version, never
 * missing, truncated or mixed, no file a user sees is a leftover; then the command runs again: it takes over the
 * stale lock, succeeds, and leaves the project exactly as an uninterrupted run does, staging leftovers gone.
 */
@Tag("slow")
class FaultInjectionTest {
    private static final long SEED = 18;
    private static final int KILLS_PER_COMMAND = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command under test and the project it writes into. */
    private record Case(String name, Path project, List<String> args) {
    }

    @Test
    void killedCommandsNeverLoseAResultAndRunAgain(@TempDir Path tmp) throws Exception {
        Path audio = tmp.resolve("audio");
        Path motion = tmp.resolve("motion");
        Path raw = tmp.resolve("motion-raw");
        ok(CliRun.of("init", "kws", audio.toString()));
        ok(CliRun.of("init", "motion", motion.toString()));
        ok(CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "30", "--seed", "3"));
        ok(CliRun.of("data", "import", raw.toString(), "--out", motion.resolve("data").toString()));
        ok(CliRun.of("features", "--project", motion.toString()));
        ok(CliRun.of("train", "--project", motion.toString(), "--epochs", "2"));
        ok(CliRun.of("deploy", "--project", motion.toString(), "--format", "c-standalone", "--out",
                motion.resolve("deploy").toString()));
        Path kws = SharedFolder.require("datasets/espeak-kws");
        List<Case> cases = List.of(
                new Case("data import", audio, List.of("data", "import", kws.toString(), "--keywords", "yes,no",
                        "--samples-per-class", "60", "--training-copies", "1", "--stream-seconds", "0",
                        "--out", audio.resolve("data").toString())),
                new Case("features", motion, List.of("features", "--project", motion.toString())),
                new Case("train", motion, List.of("train", "--project", motion.toString(), "--epochs", "3")),
                new Case("deploy", motion, List.of("deploy", "--project", motion.toString(), "--format", "c-standalone",
                        "--out", motion.resolve("deploy").toString())));

        Random random = new Random(SEED);
        int kills = 0;
        int killsWhileLocked = 0;
        for (Case c : cases) {
            // An uninterrupted run: when the command starts work (takes the lock, after the JVM's start-up), how
            // long it takes, and what a complete result looks like.
            prepare(c);
            long started = System.nanoTime();
            Process first = child(c);
            Path lock = c.project().resolve(ProjectLock.FILE_NAME);
            while (first.isAlive() && !(Files.exists(lock) && Files.size(lock) > 0)) {
                Thread.sleep(2);
            }
            long workStartsMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(0, first.waitFor(), c.name() + " without a kill");
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            Map<String, String> complete = snapshot(c.project());
            int killed = 0;
            int takenOver = 0;
            for (int attempt = 0; killed < KILLS_PER_COMMAND && attempt < 6 * KILLS_PER_COMMAND; attempt++) {
                prepare(c);
                // Within the work, so that kills land mid-work rather than in the JVM's start-up.
                long delayMs = workStartsMs + (long) (random.nextDouble() * (durationMs - workStartsMs));
                long spawned = System.nanoTime();
                Process p = child(c);
                if (p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                    assertEquals(0, p.exitValue(), c.name());
                    // Finished before the kill (not counted): later runs are often faster than the first (warm
                    // caches), so draw the next delays within the quickest run seen.
                    durationMs = Math.min(durationMs, (System.nanoTime() - spawned) / 1_000_000);
                    workStartsMs = Math.min(workStartsMs, durationMs / 2);
                    continue;
                }
                p.destroyForcibly();
                p.waitFor();
                killed++;
                String where = c.name() + ", kill " + killed + " after " + delayMs + " ms (work from " + workStartsMs
                        + " to " + durationMs + " ms)";
                checkAfterKill(c, complete, where);

                boolean staleLock = Files.size(c.project().resolve(ProjectLock.FILE_NAME)) > 0;
                CliRun again = CliRun.of(c.args().toArray(String[]::new));
                assertEquals(0, again.exitCode(), where + ": re-run failed: " + again.err());
                if (staleLock) {
                    assertTrue(again.err().contains("taking over the lock of"), where + ": " + again.err());
                    takenOver++;
                }
                assertSameResult(complete, snapshot(c.project()), where + ", re-run");
                List<Path> hidden = hiddenLeftovers(c.project());
                assertTrue(hidden.isEmpty(), where + ": the re-run left staging behind: " + hidden);
            }
            System.out.printf("fault injection: %s, %d kills (uninterrupted run %d ms, work from %d ms), %d of them"
                    + " while the command held the project's lock%n", c.name(), killed, durationMs, workStartsMs,
                    takenOver);
            kills += killed;
            killsWhileLocked += takenOver;
        }
        assertTrue(kills >= 30, "only " + kills + " kills landed");
        // Kills land mid-work, many of them while a command held the lock (JVM start-up times vary; deploy's work
        // is short, so the share is counted over all commands).
        assertTrue(killsWhileLocked >= kills / 4, "only " + killsWhileLocked + " kills while a command held the lock");
    }

    /** Work to interrupt for features: the cache is computed anew (the entries a kill leaves must be whole). */
    private static void prepare(Case c) throws IOException {
        if (c.name().equals("features")) {
            deleteTree(c.project().resolve("cache/features"));
        }
    }

    /**
     * The project right after a kill: it opens (which puts back a data/ a kill took out of place between the two
     * renames of its swap), and every result is complete.
     */
    private static void checkAfterKill(Case c, Map<String, String> complete, String where) throws IOException {
        ImpulseProject project = ImpulseProject.require(c.project());
        Map<String, String> now = snapshot(c.project());
        for (Map.Entry<String, String> f : now.entrySet()) {
            String name = f.getKey();
            if (name.startsWith("cache/checkpoint") && c.name().equals("train")) {
                continue; // train's resume point, removed when a run completes
            }
            if (!complete.containsKey(name)) {
                fail(where + ": " + name + " is a leftover a user sees");
            }
        }
        for (Map.Entry<String, String> f : complete.entrySet()) {
            String name = f.getKey();
            String got = now.get(name);
            if (got == null && c.name().equals("features") && name.startsWith("cache/features/")) {
                continue; // the test emptied the cache; what is there must be whole
            }
            assertEquals(f.getValue(), got, where + ": " + name);
        }
        // The models, where the project has them, still load.
        Path model = project.models().resolve("model_int8.tflite");
        if (complete.containsKey("models/model_int8.tflite")) {
            TfliteReader.read(model);
        }
    }

    private static void assertSameResult(Map<String, String> expected, Map<String, String> actual, String where) {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), where + ": files");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), where + ": " + e.getKey());
        }
    }

    /**
     * Every file a user sees (no hidden name on its path), relative path to SHA-256; models/training.json carries
     * the run's timings, so it stands for its set of keys once it parses whole.
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = root.relativize(p);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (hidden) {
                    continue;
                }
                String name = rel.toString().replace(File.separatorChar, '/');
                files.put(name, name.equals("models/training.json") ? jsonKeys(p) : sha256(p));
            }
        }
        return files;
    }

    private static String jsonKeys(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return "json " + keys;
        } catch (IOException e) {
            return "not whole JSON: " + e.getMessage();
        }
    }

    /** Hidden files and folders other than the project lock: staging, swap and temporary files. */
    private static List<Path> hiddenLeftovers(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root) && p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals(ProjectLock.FILE_NAME)).toList();
        }
    }

    /** The command in its own JVM, its output discarded. */
    private static Process child(Case c) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LittleBrain.class.getName()));
        cmd.addAll(c.args());
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void ok(CliRun run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
