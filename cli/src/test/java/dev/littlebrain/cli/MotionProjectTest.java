package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.features.SampleLoader;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A motion impulse end to end from the CLI on data the project generates itself: {@code init motion},
 * {@code data generate motion}, {@code data import} (Edge Impulse training/testing export), {@code features}
 * (spectral analysis), {@code train} (dense-motion), {@code test}.
 */
@Tag("slow")
class MotionProjectTest {

    @Test
    void motionEndToEnd(@TempDir Path tmp) throws Exception {
        Path p = SensorImpulse.build(tmp, "motion", "[accX, accY, accZ] at 62.5 Hz",
                "spectral-analysis features for 240 samples", "idle", "wave", "circle", "updown").project();
        // In process, the library returns the very record the command prints.
        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
        ClipReport report = Project.open(p).test(0.6, Progress.NONE);
        assertEquals(test.out().strip(), Json.compact().writeValueAsString(report));
        // The classifier, fed each test file's raw signal, answers as the test did from the cached features.
        Project project = Project.open(p);
        Classifier classifier = project.classifier();
        ImpulseProject.Features features = project.project().features(ProgressListener.NONE);
        SampleLoader loader = SampleLoader.standard(AudioRequirement.strict(
                Manifest.read(project.layout().data()).sampleRate()));
        int tested = 0;
        int correct = 0;
        for (Sample s : features.samples()) {
            if (s.split() == Split.TEST && features.labels().contains(s.label())) {
                tested++;
                correct += classifier.classify(loader.load(s)).top().equals(s.label()) ? 1 : 0;
            }
        }
        assertEquals(report.testSamples(), tested);
        assertEquals(report.int8Model().accuracy(), correct / (double) tested, 1e-12);
    }

    /**
     * {@code learn.ensemble}: the members are exactly the models their seeds train alone (calibrated on the same
     * samples whatever the seed), and the model written is their join ({@link ModelEnsemble}), for the float and the
     * int8 model alike; it tests like any model.
     */
    @Test
    void ensembleMembersAreTheSingleModelsJoined(@TempDir Path tmp) throws Exception {
        Path p = SensorImpulse.build(tmp, "motion", "[accX, accY, accZ] at 62.5 Hz",
                "spectral-analysis features for 240 samples", "idle", "wave", "circle", "updown").project();
        Path yaml = p.resolve("impulse.yaml");
        String single = Files.readString(yaml);
        List<List<Model>> alone = new ArrayList<>(); // per seed: float, int8
        for (int seed = 1; seed <= 3; seed++) {
            Files.writeString(yaml, single.replace("  seed: 1\n", "  seed: " + seed + "\n"));
            if (seed > 1) {
                CliRun train = CliRun.of("train", "--project", p.toString());
                assertEquals(0, train.exitCode(), train.err());
            }
            alone.add(List.of(TfliteReader.read(p.resolve("models/model_float.tflite")),
                    TfliteReader.read(p.resolve("models/model_int8.tflite"))));
        }
        Files.writeString(yaml, single.replace("labels:", "  ensemble:\n    - {seed: 2}\n    - {seed: 3}\nlabels:"));
        CliRun train = CliRun.of("train", "--project", p.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("member 3/3 (seed 3): training dense-motion")
                && train.out().contains("mean of 3 members' scores in one model"), train.out());
        JsonNode record = new ObjectMapper().readTree(p.resolve("models/training.json").toFile());
        assertEquals(3, record.get("members").size(), record.toString());
        assertEquals(3, record.get("members").get(2).get("seed").asInt());
        assertTrue(Files.size(p.resolve("reports/training_member3.png")) > 0);
        String[] files = {"model_float.tflite", "model_int8.tflite"};
        for (int k = 0; k < 2; k++) {
            int kind = k;
            Model joined = ModelEnsemble.averaging(alone.stream().map(m -> m.get(kind)).toList(), "x");
            Model written = TfliteReader.read(p.resolve("models").resolve(files[k]));
            assertEquals(joined.mainSubgraph(), written.mainSubgraph(), files[k]);
            assertEquals(joined.buffers(), written.buffers(), files[k]);
        }
        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
        double accuracy = new ObjectMapper().readTree(test.out()).get("int8").get("accuracy").asDouble();
        assertTrue(accuracy >= 0.9, test.out());

        // Interrupted in the last member (its checkpoint cannot be written: a non-empty directory sits at its path),
        // the ensemble keeps its finished members' checkpoints; the next run reads them back instead of training
        // them again and writes the very model of the uninterrupted run, then clears every member's checkpoint.
        Path cache = p.resolve("cache");
        assertTrue(memberCheckpoints(cache).isEmpty(), "no checkpoint left after a finished run");
        byte[] straight = Files.readAllBytes(p.resolve("models/model_int8.tflite"));
        Path blocked = Files.createDirectories(cache.resolve("checkpoint-member3.bin"));
        Files.writeString(blocked.resolve("in-the-way"), "x");
        CliRun interrupted = CliRun.of("train", "--project", p.toString());
        assertTrue(interrupted.exitCode() != 0 && interrupted.err().contains("checkpoint-member3.bin"),
                interrupted.out() + interrupted.err());
        assertTrue(Files.isRegularFile(cache.resolve("checkpoint-member1.bin"))
                && Files.isRegularFile(cache.resolve("checkpoint-member2.bin")), memberCheckpoints(cache).toString());
        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        Files.writeString(cache.resolve("checkpoint-member7.bin"), "a member no longer in learn.ensemble");
        CliRun resumed = CliRun.of("train", "--project", p.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        int epochs = record.get("epochs").asInt();
        assertEquals(2, resumed.out().split("trained already: checkpoint at epoch " + epochs + "/" + epochs, -1).length
                - 1, resumed.out());
        assertEquals(epochs, resumed.out().lines().filter(l -> l.startsWith("epoch ")).count(),
                "only the interrupted member trains: " + resumed.out());
        assertArrayEquals(straight, Files.readAllBytes(p.resolve("models/model_int8.tflite")));
        assertTrue(memberCheckpoints(cache).isEmpty(), memberCheckpoints(cache).toString());
    }

    private static List<Path> memberCheckpoints(Path cache) throws java.io.IOException {
        try (var files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().startsWith("checkpoint")).toList();
        }
    }

    /**
     * {@code ensemble}: the project's model joined with a model trained elsewhere (here: another recipe, a cosine
     * schedule) is their join, the members are kept in the project, and wrong members are refused without
     * touching the project's models.
     */
    @Test
    void ensembleCommandJoinsModelsTrainedApart(@TempDir Path tmp) throws Exception {
        Path p = SensorImpulse.build(tmp, "motion", "[accX, accY, accZ] at 62.5 Hz",
                "spectral-analysis features for 240 samples", "idle", "wave", "circle", "updown").project();
        Path first = tmp.resolve("first-recipe");
        Files.createDirectories(first);
        for (String f : new String[] {"model_float.tflite", "model_int8.tflite", "training.json"}) {
            Files.copy(p.resolve("models").resolve(f), first.resolve(f));
        }
        Path yaml = p.resolve("impulse.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("learning_rate_schedule: \\w+",
                "learning_rate_schedule: cosine"));
        assertEquals(0, CliRun.of("train", "--project", p.toString()).exitCode());
        byte[] secondInt8 = Files.readAllBytes(p.resolve("models/model_int8.tflite"));

        Path wrong = tmp.resolve("wrong");
        Files.createDirectories(wrong);
        Files.copy(first.resolve("model_float.tflite"), wrong.resolve("model_float.tflite"));
        CliRun missing = CliRun.of("ensemble", "--project", p.toString(), wrong.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("has no model_int8.tflite"), missing.err());
        Files.copy(first.resolve("model_int8.tflite"), wrong.resolve("model_int8.tflite"));
        Files.writeString(wrong.resolve("training.json"), "{\"labels\": [\"a\", \"b\", \"c\", \"d\"]}");
        CliRun labels = CliRun.of("ensemble", "--project", p.toString(), wrong.toString());
        assertEquals(1, labels.exitCode());
        assertTrue(labels.err().contains("was trained on labels"), labels.err());
        assertArrayEquals(secondInt8, Files.readAllBytes(p.resolve("models/model_int8.tflite")), "untouched");

        CliRun joined = CliRun.of("ensemble", "--project", p.toString(), first.toString());
        assertEquals(0, joined.exitCode(), joined.err());
        assertTrue(joined.out().contains("joined 2 models"), joined.out());
        Model expected = ModelEnsemble.averaging(List.of(TfliteReader.read(secondInt8),
                TfliteReader.read(first.resolve("model_int8.tflite"))), "x");
        Model written = TfliteReader.read(p.resolve("models/model_int8.tflite"));
        assertEquals(expected.mainSubgraph(), written.mainSubgraph());
        assertEquals(expected.buffers(), written.buffers());
        assertArrayEquals(secondInt8, Files.readAllBytes(p.resolve("models/members/1/model_int8.tflite")));
        JsonNode record = new ObjectMapper().readTree(p.resolve("models/training.json").toFile());
        assertEquals(2, record.get("members").size());
        assertTrue(record.get("members").get(1).get("source").asText().endsWith("first-recipe"), record.toString());
        CliRun again = CliRun.of("ensemble", "--project", p.toString(), first.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("holds an ensemble already"), again.err());
        // Told by the model itself too, whatever training.json says (e.g. after a write cut short).
        Files.copy(first.resolve("training.json"), p.resolve("models/training.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun byModel = CliRun.of("ensemble", "--project", p.toString(), first.toString());
        assertEquals(1, byModel.exitCode());
        assertTrue(byModel.err().contains("holds an ensemble already"), byModel.err());
        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
    }

    @Test
    void sensorDataInAnAudioProjectIsAClearError(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("K");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        assertEquals(0, CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "4")
                .exitCode());
        assertEquals(0, CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString()).exitCode());
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(1, features.exitCode());
        assertTrue(features.err().contains("input.frequency_hz"), features.err());
    }
}
