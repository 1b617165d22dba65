package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {

    @Test
    void oneWindowJsonHasALabelAndScoresThatSumToOne() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b,c,d", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("label").isTextual());
        double sum = 0;
        for (JsonNode s : json.get("scores")) {
            sum += s.asDouble();
        }
        assertEquals(1.0, sum, 0.02);
    }

    @Test
    void streamJsonIsAListOfDetections() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("datasets/espeak-kws").resolve("_streams_/stream_01.wav");
        CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b,c,d",
                "--stream", "--threshold", "0.3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.isArray());
        for (JsonNode d : json) {
            assertTrue(d.has("label") && d.has("time_ms") && d.has("score"), d.toString());
        }
    }

    /** Stream options out of range are named as the user typed them, not by the runtime's field names. */
    @Test
    void streamOptionsOutOfRangeNameTheOption() {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("datasets/espeak-kws").resolve("_streams_/stream_01.wav");
        String[][] cases = {{"--average", "0", "--average must be at least 1"},
                {"--threshold", "1.5", "--threshold must be above 0 and at most 1"},
                {"--suppression-ms", "-5", "--suppression-ms must be 0 or more"}};
        for (String[] c : cases) {
            CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b,c,d",
                    "--stream", c[0], c[1]);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(c[2]), run.err());
            String message = run.err().lines().findFirst().orElse("");
            assertTrue(!message.contains("averagedWindows") && !message.contains("suppressionMs"), message);
        }
    }

    @Test
    void labelCountMismatchIsAClearError() {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("4 outputs"), run.err());
    }

    /**
     * Inside a project, {@code classify FILE.wav} needs nothing else: the project's int8 model, trained labels, DSP
     * block, window and continuous settings — the detections are those of the same model spelled out by hand.
     */
    @Tag("slow")
    @Test
    void theProjectsModelLabelsBlockAndSettingsAreUsed() throws Exception {
        TrainedKwsProject project = TrainedKwsProject.get();
        Path p = project.dir();
        Path stream = project.dataset().resolve("_streams_/stream_01.wav");
        CliRun byProject = CliRun.of("classify", stream.toString(), "--project", p.toString(), "--stream", "--json");
        assertEquals(0, byProject.exitCode(), byProject.err());
        dev.littlebrain.impulse.ImpulseConfig config = dev.littlebrain.impulse.ImpulseConfig.read(
                p.resolve("impulse.yaml"));
        CliRun byHand = CliRun.of("classify", stream.toString(), "--model",
                p.resolve("models/model_int8.tflite").toString(), "--labels", "yes,no,_unknown_,_noise_", "--block",
                config.dsp().block(), "--stream", "--threshold", String.valueOf(config.continuous().threshold()),
                "--slices", String.valueOf(config.continuous().slices()), "--average",
                String.valueOf(config.continuous().average()), "--json");
        assertEquals(0, byHand.exitCode(), byHand.err());
        JsonNode detections = new ObjectMapper().readTree(byProject.out());
        assertTrue(detections.isArray() && detections.size() > 0, byProject.out());
        assertEquals(new ObjectMapper().readTree(byHand.out()), detections);

        Path clip = project.dataset().resolve("yes").resolve(java.nio.file.Files.list(project.dataset().resolve("yes"))
                .sorted().findFirst().orElseThrow().getFileName());
        CliRun one = CliRun.of("classify", clip.toString(), "--project", p.toString(), "--json");
        assertEquals(0, one.exitCode(), one.err());
        JsonNode scores = new ObjectMapper().readTree(one.out()).get("scores");
        assertEquals(4, scores.size(), one.out());
        assertTrue(scores.has("yes") && scores.has("_noise_"), one.out());
    }

    @Test
    void aProjectOrAModelWithLabelsIsNeeded(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        CliRun noLabels = CliRun.of("classify", wav.toString(), "--model", model.toString());
        assertEquals(2, noLabels.exitCode(), noLabels.err());
        assertTrue(noLabels.err().contains("--labels"), noLabels.err());
        CliRun noProject = CliRun.of("classify", wav.toString()); // the module folder holds no impulse.yaml
        assertEquals(1, noProject.exitCode(), noProject.err());
        assertTrue(noProject.err().contains("--project DIR, or --model"), noProject.err());

        Path p = tmp.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        CliRun both = CliRun.of("classify", wav.toString(), "--project", p.toString(), "--block", "mfe");
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().contains("impulse.yaml describes this one"), both.err());
    }

    /**
     * A WAV at another rate is resampled to the project's by listen --replay's rule
     * ({@code AudioRequirement.converting}): classify of an 8 kHz file gives what classify of that rule's 16 kHz
     * result gives.
     */
    @Test
    void aWavAtAnotherRateIsResampledAsListenReplayDoes(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path p = DeployProjectCommandTest.kwsProject(tmp);
        dev.littlebrain.dsp.io.Signal yes = dev.littlebrain.dsp.io.WavReader.read(
                SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav")).signal().toMono();
        Path slow = tmp.resolve("8k.wav");
        dev.littlebrain.dsp.io.WavWriter.write(slow, dev.littlebrain.dsp.io.Resampler.between(yes.sampleRate(), 8000)
                .apply(yes), dev.littlebrain.dsp.io.WavEncoding.FLOAT32);
        Path replayed = tmp.resolve("16k.wav");
        dev.littlebrain.dsp.io.WavWriter.write(replayed, dev.littlebrain.dsp.io.WavReader.read(slow,
                dev.littlebrain.dsp.io.AudioRequirement.converting(16000)), dev.littlebrain.dsp.io.WavEncoding.FLOAT32);
        CliRun rate = CliRun.of("classify", slow.toString(), "--project", p.toString(), "--json");
        assertEquals(0, rate.exitCode(), rate.err());
        CliRun same = CliRun.of("classify", replayed.toString(), "--project", p.toString(), "--json");
        assertEquals(0, same.exitCode(), same.err());
        assertEquals(same.out(), rate.out());
    }
}
