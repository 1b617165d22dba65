package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Impulse design over real HTTP: the impulse as the page starts from it, a change written to impulse.yaml with its
 * comments, a wrong one refused with the library's one line and the file untouched, one sample's features.
 */
class ImpulseApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    private static Project project;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        project = Project.create(tmp.resolve("gestures"), "motion");
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 4, 1);
        project.importData(raw, ImportPlan.asIs(), Progress.NONE);
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        studio.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return new StudioClient(studio).send(method, path, body);
    }

    private static HttpResponse<String> send(Studio to, String method, String path, String body) throws Exception {
        return new StudioClient(to).send(method, path, body);
    }

    private static String yaml() throws Exception {
        return Files.readString(project.layout().config(), StandardCharsets.UTF_8);
    }

    @Test
    void theDesignListsTheImpulseAndSomeSamples() throws Exception {
        HttpResponse<String> r = send("GET", "/api/impulse", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = JSON.readTree(r.body());
        assertEquals("accelerometer", d.at("/input/type").asText());
        assertEquals(project.impulse().learn().epochs(), d.at("/learn/parameters/epochs").asInt());
        assertTrue(d.get("samples").size() > 0);
        assertTrue(Files.isRegularFile(project.layout().data().resolve(d.at("/samples/0/id").asText())));
        assertEquals(200, send("GET", "/impulse", null).statusCode());
    }

    @Test
    void aChangeIsWrittenWithTheFilesCommentsAndABadOneIsRefused() throws Exception {
        String original = yaml();
        try {
            HttpResponse<String> r = send("PUT", "/api/impulse", "{\"dsp\": {\"block\": \"spectral-analysis\","
                    + " \"parameters\": {\"fft_length\": \"32\"}}, \"learn\": {\"preset\": \"dense-motion\","
                    + " \"parameters\": {\"epochs\": \"7\"}}, \"input\": {\"window_ms\": 1600}}");
            assertEquals(200, r.statusCode(), r.body());
            ImpulseConfig c = ImpulseConfig.parse(yaml());
            assertEquals("32", c.dsp().parameters().get("fft_length"));
            assertEquals(7, c.learn().epochs());
            assertEquals(1600, c.input().windowMs());
            assertEquals(original.lines().filter(l -> l.contains("#")).count(),
                    yaml().lines().filter(l -> l.contains("#")).count(), "comments kept:\n" + yaml());
            assertEquals(7, JSON.readTree(r.body()).at("/learn/parameters/epochs").asInt(), "the new design");

            String before = yaml();
            HttpResponse<String> bad = send("PUT", "/api/impulse", "{\"dsp\": {\"block\": \"spectral-analysis\","
                    + " \"parameters\": {\"fft_length\": \"1\"}}}");
            assertEquals(400, bad.statusCode(), bad.body());
            String message = JSON.readTree(bad.body()).get("error").asText();
            assertTrue(message.startsWith("impulse.yaml: dsp.parameters:") && message.contains("fft_length")
                    && !message.contains("\n"), message);
            assertEquals(before, yaml(), "the file is left as it was");
            HttpResponse<String> unknown = send("PUT", "/api/impulse", "{\"learn\": {\"preset\": \"dense-motion\","
                    + " \"parameters\": {\"boards\": \"x\"}}}");
            assertEquals(400, unknown.statusCode(), unknown.body());
            assertTrue(unknown.body().contains("not a setting of the preset"), unknown.body());
            assertEquals(before, yaml());
        } finally {
            Files.writeString(project.layout().config(), original, StandardCharsets.UTF_8);
        }
    }

    @Test
    void malformedOrUnknownChangesAreRefusedInOneLine() throws Exception {
        String before = yaml();
        HttpResponse<String> malformed = send("PUT", "/api/impulse", "{\"dsp\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(JSON.readTree(malformed.body()).get("error").asText().startsWith("the request body is not the JSON"),
                malformed.body());
        HttpResponse<String> block = send("PUT", "/api/impulse", "{\"dsp\": {\"block\": \"fourier\"}}");
        assertEquals(400, block.statusCode());
        assertTrue(JSON.readTree(block.body()).get("error").asText().startsWith("impulse.yaml: dsp.block: 'fourier'"
                + " is not one of"), block.body());
        assertEquals(before, yaml());
    }

    @Test
    void aChangeIsRefusedWhileACommandHoldsTheProject() throws Exception {
        String before = yaml();
        try (ProjectLock training = ProjectLock.acquire(project.layout().dir(), "littlebrain train", n -> { })) {
            HttpResponse<String> r = send("PUT", "/api/impulse", "{\"learn\": {\"preset\": \"dense-motion\","
                    + " \"parameters\": {\"epochs\": \"9\"}}}");
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains("littlebrain train"), r.body());
        }
        assertEquals(before, yaml(), "refused, not queued: the file is as it was");
    }

    @Test
    void thePreviewIsOneSamplesFeatureMatrix() throws Exception {
        String sample = JSON.readTree(send("GET", "/api/impulse", null).body()).at("/samples/0/id").asText();
        HttpResponse<String> r = send("POST", "/api/impulse/preview", "{\"sample\": \"" + sample + "\","
                + " \"dsp\": {\"block\": \"spectral-analysis\", \"parameters\": {\"fft_length\": \"64\"}}}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode p = JSON.readTree(r.body());
        int coefficients = p.get("coefficients").asInt();
        assertEquals(p.get("frames").asInt(), p.get("values").size());
        assertEquals(coefficients, p.at("/values/0").size());
        assertEquals(coefficients, p.get("coefficient_labels").size());
        HttpResponse<String> fewer = send("POST", "/api/impulse/preview", "{\"sample\": \"" + sample + "\","
                + " \"dsp\": {\"block\": \"spectral-analysis\", \"parameters\": {\"fft_length\": \"16\"}}}");
        assertTrue(JSON.readTree(fewer.body()).get("coefficients").asInt() < coefficients, fewer.body());
        assertTrue(p.get("estimate").isNull() && p.get("note").asText().contains("no streaming C front end"));

        assertEquals(404, send("POST", "/api/impulse/preview", "{\"sample\": \"../impulse.yaml\","
                + " \"dsp\": {\"block\": \"raw\"}}").statusCode(), "only samples the manifest lists are read");
        HttpResponse<String> bad = send("POST", "/api/impulse/preview", "{\"sample\": \"" + sample + "\","
                + " \"dsp\": {\"block\": \"spectral-analysis\", \"parameters\": {\"fft_length\": \"-3\"}}}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("fft_length"), bad.body());
        HttpResponse<String> tiny = send("POST", "/api/impulse/preview", "{\"sample\": \"" + sample + "\","
                + " \"input\": {\"window_ms\": 16}, \"dsp\": {\"block\": \"spectral-analysis\"}}");
        assertEquals(400, tiny.statusCode(), tiny.body());
        assertTrue(!JSON.readTree(tiny.body()).get("error").asText().contains("\n"), tiny.body());
    }

    @Test
    @Tag("slow")
    void anAudioPreviewCarriesTheDspCostOnTheTargetBoard() throws Exception {
        Assumptions.assumeTrue(KeywordProject.dataset().isPresent(), "../shared/datasets/espeak-kws is missing");
        Project kws = KeywordProject.get();
        try (Studio audio = Studio.start(kws.layout().dir(), "127.0.0.1", 0)) {
            HttpResponse<String> design = send(audio, "GET", "/api/impulse", null);
            String sample = JSON.readTree(design.body()).at("/samples/0/id").asText();
            JsonNode p = JSON.readTree(send(audio, "POST", "/api/impulse/preview", "{\"sample\": \"" + sample
                    + "\", \"dsp\": {\"block\": \"mfcc\", \"parameters\": {}}}").body());
            int frames = kws.project().block().outputShape(kws.project().windowSamples()).frames();
            assertEquals(frames, p.get("frames").asInt(), p.toString());
            assertEquals(13, p.get("coefficients").asInt(), "the MFCC's default cepstra");
            JsonNode e = p.get("estimate");
            assertEquals(kws.impulse().target(), e.get("board").asText());
            assertEquals(1000.0 / kws.impulse().continuous().slices(), e.get("slice_ms").asDouble(), 1e-9);
            assertTrue(e.get("ms_per_update").asDouble() > 0
                    && e.get("ms_per_update").asDouble() < e.get("slice_ms").asDouble(), e.toString());
            JsonNode wider = JSON.readTree(send(audio, "POST", "/api/impulse/preview", "{\"sample\": \"" + sample
                    + "\", \"dsp\": {\"block\": \"mfcc\", \"parameters\": {\"fft_length\": \"512\"}}}").body());
            assertTrue(wider.at("/estimate/instructions_per_update").asLong() > e.get("instructions_per_update").asLong(),
                    "a longer FFT costs more: " + wider.get("estimate"));
            assertTrue(wider.at("/estimate/ram_bytes").asLong() > e.get("ram_bytes").asLong());
        }
    }
}
