package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.data.augment.SpecAugment;
import dev.littlebrain.train.LearningRateSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpulseProjectTest {

    @Tag("slow")
    @Test
    void templatesParseAndErrorsNameTheKey(@TempDir Path dir) throws Exception {
        for (String t : ImpulseConfig.TEMPLATES) {
            CliRun r = CliRun.of("init", t, dir.resolve(t).toString());
            assertEquals(0, r.exitCode(), r.err());
            ImpulseConfig c = ImpulseConfig.read(dir.resolve(t).resolve("impulse.yaml"));
            assertTrue(c.labels().isEmpty());
        }
        // The small-data template: one model (the ensemble learns few voices rather than the word), SpecAugment on.
        ImpulseConfig small = ImpulseConfig.read(dir.resolve("kws-small/impulse.yaml"));
        assertEquals(1, small.learn().members().size());
        assertTrue(small.learn().specAugment() != null, "kws-small trains with SpecAugment");
        assertEquals("audio", small.input().type());
        ImpulseConfig kws = ImpulseConfig.read(dir.resolve("kws/impulse.yaml"));
        assertEquals("mfcc", kws.dsp().block());
        assertEquals("conv1d-kws-m", kws.learn().preset());
        assertEquals(16000.0, kws.input().frequencyHz());
        String yaml = ImpulseConfig.template("kws");
        assertMessage(yaml.replace("epochs: 100", "epochs: 0"), "learn.epochs");
        assertMessage(yaml.replace("block: mfcc", "block: mfccc"), "dsp.block");
        assertMessage(yaml.replace("preset: conv1d-kws-m", "preset: big"), "learn.preset");
        assertMessage(yaml.replace("  seed: 1", "  sed: 1"), "learn.sed: unknown key");
        assertMessage(yaml.replace("  seed: 1", "  seed: 1\n  seed: 2"), "key 'seed' appears twice");
        int epochsLine = (int) yaml.lines().takeWhile(l -> !l.contains("epochs: 100")).count() + 1;
        Exception broken = assertThrows(IllegalArgumentException.class,
                () -> ImpulseConfig.parse(yaml.replace("epochs: 100", "epochs: 100: 3")));
        assertTrue(broken.getMessage().startsWith("not valid YAML: line " + epochsLine + ", column "),
                broken.getMessage());
        assertFalse(broken.getMessage().contains("jackson") || broken.getMessage().contains("Exception"),
                broken.getMessage());
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
        String calibrated = ImpulseConfig.withThreshold(yaml, 0.9);
        assertEquals(0.9, ImpulseConfig.parse(calibrated).continuous().threshold(), 1e-12);
        assertEquals(yaml.replace("threshold: 0.85 ", "threshold: 0.90 "), calibrated);
        assertEquals(0.7, ImpulseConfig.parse(ImpulseConfig.withThreshold(noStream, 0.7)).continuous().threshold(), 1e-12);
        assertEquals(1, CliRun.of("init", "kws", dir.resolve("kws").toString()).exitCode()); // no overwrite
        assertEquals(2, CliRun.of("init", "radar", dir.resolve("x").toString()).exitCode());
    }

    @Test
    void specAugmentAndEnsembleMembers() {
        String yaml = ImpulseConfig.template("kws");
        String learn = "  class_weights: none # or balanced: weight each class by 1 / its share of the training data\n";
        int at = yaml.indexOf(learn) + learn.length();
        String head = yaml.substring(0, at).replaceAll("(?m)^  (spec_augment|ensemble):.*\\n", "");
        String tail = yaml.substring(at).replaceAll("(?s)^(  .*?\\n)*(?=labels:)", "");
        ImpulseConfig.Learn single = ImpulseConfig.parse(head + tail).learn();
        assertEquals(1, single.members().size());
        assertEquals(null, single.specAugment());

        ImpulseConfig.Learn two = ImpulseConfig.parse(head + "  spec_augment: {time_masks: 2, time_mask_frames: 5}\n"
                + "  ensemble:\n    - {seed: 7, spec_augment: none}\n    - preset: conv1d-kws\n" + tail).learn();
        List<ImpulseConfig.Member> members = two.members();
        assertEquals(3, members.size());
        assertEquals(new ImpulseConfig.Member("conv1d-kws-m", 1, new SpecAugment(2, 5, 0, 0, 0f)), members.get(0));
        assertEquals(new ImpulseConfig.Member("conv1d-kws-m", 7, null), members.get(1), "its own seed, no masks");
        assertEquals(new ImpulseConfig.Member("conv1d-kws", 1, new SpecAugment(2, 5, 0, 0, 0f)), members.get(2),
                "absent keys: the learn block's");

        assertMessage(head + "  ensemble:\n    - {seeed: 2}\n" + tail, "learn.ensemble[0].seeed: unknown key");
        assertMessage(head + "  ensemble:\n    - {preset: huge}\n" + tail, "learn.ensemble[0].preset");
        assertMessage(head + "  ensemble: {seed: 2}\n" + tail, "learn.ensemble: expected a list");
        assertMessage(head + "  spec_augment: {time_masks: -1}\n" + tail, "learn.spec_augment.time_masks");
        assertMessage(head + "  spec_augment: {time_mask: 1}\n" + tail, "learn.spec_augment.time_mask: unknown key");
        assertMessage(head + "  spec_augment: 3\n" + tail, "learn.spec_augment: expected none or a mapping");
        String motion = ImpulseConfig.template("motion");
        assertMessage(motion.replace("labels:", "  spec_augment: {time_masks: 1, time_mask_frames: 2}\nlabels:"),
                "learn.spec_augment: masks frames and coefficients of audio features");
    }

    private static void assertMessage(String yaml, String expected) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> ImpulseConfig.parse(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Tag("slow")
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
        // An ensemble is trained member by member and written as one model averaging their scores.
        int members = ImpulseConfig.read(p.resolve("impulse.yaml")).learn().members().size();
        JsonNode record = new ObjectMapper().readTree(p.resolve("models/training.json").toFile());
        assertEquals(members > 1, record.has("members"), record.toString());
        for (int m = 2; m <= members; m++) {
            assertTrue(train.out().contains("member " + m + "/" + members), train.out());
            assertTrue(Files.size(p.resolve("reports/training_member" + m + ".png")) > 0);
            assertEquals(Integer.parseInt(EPOCHS), record.get("members").get(m - 1).get("history").size());
        }
        for (String f : new String[] {"model_float.tflite", "model_int8.tflite"}) {
            dev.littlebrain.tflite.Model model = dev.littlebrain.tflite.TfliteReader.read(p.resolve("models").resolve(f));
            java.util.List<dev.littlebrain.tflite.Operator> ops = model.mainSubgraph().operators();
            long softmaxes = ops.stream().filter(op -> model.operatorCode(op).builtin()
                    == dev.littlebrain.tflite.BuiltinOperator.SOFTMAX).count();
            assertEquals(members, softmaxes, f);
            assertEquals(members > 1, model.operatorCode(ops.get(ops.size() - 1)).builtin()
                    == dev.littlebrain.tflite.BuiltinOperator.MEAN, f);
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
