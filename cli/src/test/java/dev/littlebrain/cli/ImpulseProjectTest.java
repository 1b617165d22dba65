package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.cli.impulse.ImpulseConfig;
import dev.littlebrain.train.LearningRateSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpulseProjectTest {

    @Test
    void templatesParseAndErrorsNameTheKey(@TempDir Path dir) throws Exception {
        for (String t : ImpulseConfig.TEMPLATES) {
            CliRun r = CliRun.of("init", t, dir.resolve(t).toString());
            assertEquals(0, r.exitCode(), r.err());
            ImpulseConfig c = ImpulseConfig.read(dir.resolve(t).resolve("impulse.yaml"));
            assertTrue(c.labels().isEmpty());
        }
        ImpulseConfig kws = ImpulseConfig.read(dir.resolve("kws/impulse.yaml"));
        assertEquals("mfcc", kws.dsp().block());
        assertEquals("conv1d-kws-m", kws.learn().preset());
        assertEquals(16000.0, kws.input().frequencyHz());
        String yaml = ImpulseConfig.template("kws");
        assertMessage(yaml.replace("epochs: 100", "epochs: 0"), "learn.epochs");
        assertMessage(yaml.replace("block: mfcc", "block: mfccc"), "dsp.block");
        assertMessage(yaml.replace("preset: conv1d-kws-m", "preset: big"), "learn.preset");
        assertMessage(yaml.replace("  seed: 1", "  sed: 1"), "learn.sed: unknown key");
        assertMessage(yaml.replace("parameters: {}", "parameters: {num_cepstral: -3}"), "dsp.parameters");
        assertEquals("none", kws.learn().classWeights());
        assertEquals("balanced", ImpulseConfig.parse(yaml.replace("class_weights: none", "class_weights: balanced"))
                .learn().classWeights());
        assertMessage(yaml.replace("class_weights: none", "class_weights: inverse"), "learn.class_weights");
        assertEquals(LearningRateSchedule.COSINE, ImpulseConfig.parse(yaml.replaceAll(
                "learning_rate_schedule: \\w+", "learning_rate_schedule: cosine")).learn().schedule());
        assertEquals(LearningRateSchedule.CONSTANT, ImpulseConfig.parse(yaml.replaceAll(
                "\\n  learning_rate_schedule:[^\\n]*", "")).learn().schedule(), "absent: constant");
        assertMessage(yaml.replaceAll("learning_rate_schedule: \\w+", "learning_rate_schedule: step"),
                "learn.learning_rate_schedule");
        // continuous: the template's own settings; absent keys (or an absent section) take the defaults.
        assertEquals(kws.continuous(), ImpulseConfig.parse(yaml).continuous());
        String noStream = yaml.substring(0, yaml.indexOf("continuous:"));
        assertEquals(ImpulseConfig.Continuous.DEFAULTS, ImpulseConfig.parse(noStream).continuous());
        assertEquals(new ImpulseConfig.Continuous(8, 2, 0.5, 500), ImpulseConfig.parse(noStream
                + "continuous:\n  slices: 8\n  average: 2\n  threshold: 0.5\n  suppression_ms: 500\n").continuous());
        assertMessage(noStream + "continuous:\n  slices: 7\n", "continuous.slices: 7 must divide the window (16000");
        assertMessage(noStream + "continuous:\n  threshold: 1.5\n", "continuous.threshold");
        assertMessage(noStream + "continuous:\n  averge: 2\n", "continuous.averge: unknown key");
        // test --stream --apply rewrites continuous.threshold only, keeping the comments, or adds it.
        String calibrated = ImpulseConfig.withThreshold(yaml, 0.85);
        assertEquals(0.85, ImpulseConfig.parse(calibrated).continuous().threshold(), 1e-12);
        assertEquals(yaml.replace("threshold: 0.8 ", "threshold: 0.85 "), calibrated);
        assertEquals(0.7, ImpulseConfig.parse(ImpulseConfig.withThreshold(noStream, 0.7)).continuous().threshold(), 1e-12);
        assertEquals(1, CliRun.of("init", "kws", dir.resolve("kws").toString()).exitCode()); // no overwrite
        assertEquals(2, CliRun.of("init", "radar", dir.resolve("x").toString()).exitCode());
    }

    private static void assertMessage(String yaml, String expected) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> ImpulseConfig.parse(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void kwsEndToEnd() throws Exception {
        TrainedKwsProject project = TrainedKwsProject.get();
        Path p = project.dir();
        CliRun train = project.train();
        double trainSeconds = project.trainSeconds();
        System.out.println(train.out());
        assertTrue(train.out().contains("epoch 1/" + EPOCHS), train.out());
        for (String f : new String[] {"models/model_float.tflite", "models/model_int8.tflite", "models/training.json",
                "reports/training.png"}) {
            assertTrue(Files.size(p.resolve(f)) > 0, f);
        }
        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
        JsonNode json = new ObjectMapper().readTree(test.out());
        assertEquals(4, json.size(), test.out());
        for (String k : new String[] {"float", "int8"}) {
            assertTrue(json.get(k).has("accuracy") && json.get(k).has("f1_macro") && json.get(k).has("confusion"), k);
        }
        assertEquals(4, json.get("labels").size(), json.toString());
        assertTrue(json.get("test_samples").asInt() > 0);
        double fa = json.get("float").get("accuracy").asDouble();
        double qa = json.get("int8").get("accuracy").asDouble();
        System.out.printf("kws end to end: %s epochs in %.1f s: float %.4f int8 %.4f (%d test samples)%n", EPOCHS,
                trainSeconds, fa, qa, json.get("test_samples").asInt());
        // Acceptance at the preset's full length: int8 >= 85 %, float -> int8 drop <= 2 points.
        assertTrue(qa >= 0.85, "int8 accuracy " + qa);
        assertTrue(fa - qa <= 0.02, "float " + fa + " int8 " + qa);
        CliRun table = CliRun.of("test", "--project", p.toString());
        assertEquals(0, table.exitCode(), table.err());
        System.out.println(table.out());
        assertTrue(table.out().contains("confusion (int8"), table.out());
    }

    private static final String EPOCHS = TrainedKwsProject.EPOCHS;
}
