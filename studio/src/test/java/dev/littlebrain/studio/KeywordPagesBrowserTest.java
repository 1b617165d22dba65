package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.studio.browser.DataPage;
import dev.littlebrain.studio.browser.StudioBrowser;
import dev.littlebrain.studio.browser.TestingPage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's editing gestures on a trained keyword project ({@link KeywordProject#trained()}) in headless Chromium,
 * with the mouse as a person uses it: a span dragged across a waveform on the Data page is cropped (and undone); the
 * ring dragged along the stream test's curve on the Testing page shows that threshold's figures, and Apply writes
 * it. The project is put back as it was.
 */
@Tag("browser")
@Tag("slow") // trains a small keyword spotter once per JVM, runs a stream test
class KeywordPagesBrowserTest {
    @TempDir
    static Path tmp;
    private static Project project;
    private static byte[] yaml;
    private static Studio studio;
    private static StudioBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> unavailable = StudioBrowser.unavailable().or(() -> KeywordProject.dataset().isEmpty()
                ? Optional.of("../shared/datasets/espeak-kws is missing") : Optional.empty());
        unavailable.ifPresent(why -> System.out.println("KeywordPagesBrowserTest skipped: " + why));
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.get());
        project = KeywordProject.trained();
        yaml = Files.readAllBytes(project.layout().config());
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        browser = StudioBrowser.open(studio.url(), tmp.resolve("browser"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (studio != null) {
            studio.close();
        }
        if (yaml != null) {
            Files.write(project.layout().config(), yaml);
        }
    }

    @Test
    void aSpanDraggedAcrossAWaveformIsCroppedAndUndone() throws Exception {
        StudioClient client = new StudioClient(studio);
        float[] tone = new float[40000]; // 2.5 s, so that a 2 s span is longer than the 1 s window
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0) * Math.min(1, i / 8000.0));
        }
        HttpResponse<String> r = client.postBytes("/api/samples/upload?label=croptest&split=test&name=long.wav",
                WavWriter.encode(Signal.mono(16000, tone), WavEncoding.PCM_S16));
        assertEquals(201, r.statusCode(), r.body());
        String id = StudioClient.JSON.readTree(r.body()).get("id").asText();
        try {
            DataPage data = new DataPage(browser);
            data.open();
            data.filterLabel("croptest");
            assertEquals(List.of("long.wav"), data.fileNames());
            String button = data.selectSpan("long.wav", 0.1, 0.9);
            assertTrue(button.matches("Crop \\d\\.\\d\\d s"), "the span's length is shown: '" + button + "'");
            double selected = Double.parseDouble(button.replace("Crop ", "").replace(" s", ""));
            assertEquals(2.0, selected, 0.05, "80 % of 2.5 s");
            data.screenshot("data-crop");

            String said = data.crop("long.wav");
            assertTrue(said.contains("long_crop.wav"), said);
            browser.waitUpTo(10).until(d -> data.fileNames().equals(List.of("long_crop.wav")));
            assertEquals(String.format(Locale.ROOT, "%.2f s", selected), data.length("long_crop.wav"),
                    "the crop is as long as the span shown");
            assertFalse(Files.exists(project.layout().data().resolve(id)), "the original is in the trash");

            assertTrue(data.undo().contains(id));
            browser.waitUpTo(10).until(d -> data.fileNames().equals(List.of("long.wav")));
            assertTrue(Files.isRegularFile(project.layout().data().resolve(id)));
        } finally {
            client.delete("/api/samples/" + id); // the shared project's data as it was (the upload goes to its trash)
        }
    }

    @Test
    void theRingDraggedAlongTheCurveShowsThatThresholdAndApplyWritesIt() throws Exception {
        TestingPage testing = new TestingPage(browser);
        testing.open();
        testing.runStreamTest(300);
        JsonNode jobs = new StudioClient(studio).getJson("/api/jobs").get("jobs");
        JsonNode report = jobs.get(jobs.size() - 1).get("result");
        Map<String, List<Number>> curve = testing.pooledCurve();
        List<String> before = testing.chosen();
        String suggested = String.format(Locale.ROOT, "%.2f", report.at("/suggested/threshold").asDouble());
        if (report.at("/suggested_keyword_thresholds/better_than_one_threshold").asBoolean()) {
            // The page starts from the keywords' own thresholds; the first drag on the solid curve makes it one.
            assertTrue(before.get(0).contains(","), before.toString());
        } else {
            assertEquals(suggested, before.get(0), "the ring starts at the suggestion");
        }

        // Aim at a threshold whose point is a clear distance from the suggested one on screen.
        List<Number> from = curve.get(suggested);
        String target = curve.entrySet().stream().filter(e -> distance(e.getValue(), from) > 40)
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("a flat curve: " + curve));
        List<Number> to = curve.get(target);
        testing.dragRingTo(from.get(0).doubleValue(), from.get(1).doubleValue(), to.get(0).doubleValue(),
                to.get(1).doubleValue());

        List<String> shown = testing.chosen();
        JsonNode point = null;
        for (JsonNode p : report.get("thresholds")) {
            if (String.format(Locale.ROOT, "%.2f", p.get("threshold").asDouble()).equals(shown.get(0))) {
                point = p;
            }
        }
        assertTrue(point != null, "the threshold shown is one of the sweep's: " + shown);
        double shownAt = Double.parseDouble(shown.get(0));
        List<Number> landed = curve.get(shown.get(0));
        assertTrue(distance(landed, to) <= distance(curve.get(target), to) + 6, "the ring follows the mouse: "
                + shown + " for " + target);
        assertNotEquals(before, shown, "the figures change with the threshold");
        assertEquals(String.format(Locale.ROOT, "%.1f", point.get("false_accepts_per_hour").asDouble()), shown.get(2),
                "its false accepts per hour, as the stream test measured them");
        assertEquals(Math.round(point.get("detection_rate").asDouble() * 1000) / 10.0,
                Double.parseDouble(shown.get(1).replace(" %", "").replace("%", "")), 0.051, "its detection rate");
        testing.screenshot("testing-threshold");

        String label = testing.apply();
        assertTrue(label.contains(shown.get(0)), label);
        var continuous = Project.open(project.layout().dir()).impulse().continuous();
        assertEquals((float) shownAt, continuous.threshold(), 1e-6f, "impulse.yaml has the threshold shown");
        assertTrue(continuous.keywordThresholds().isEmpty(), "one threshold for all, as shown");
    }

    private static double distance(List<Number> a, List<Number> b) {
        return Math.hypot(a.get(0).doubleValue() - b.get(0).doubleValue(),
                a.get(1).doubleValue() - b.get(1).doubleValue());
    }
}
