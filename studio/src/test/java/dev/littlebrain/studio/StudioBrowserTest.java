package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.studio.browser.DashboardPage;
import dev.littlebrain.studio.browser.ImpulsePage;
import dev.littlebrain.studio.browser.StudioBrowser;
import dev.littlebrain.studio.browser.StudioPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio end to end: a real server on a motion project made here through the library, and Debian's headless
 * Chromium reading and clicking its pages as a person would. Each page's screenshot goes to docs/studio/. Skipped,
 * with the reason printed, where chromium or chromedriver is not installed.
 */
@Tag("browser")
class StudioBrowserTest {
    @TempDir
    static Path tmp;
    private static Project project;
    private static Studio studio;
    private static StudioBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> unavailable = StudioBrowser.unavailable();
        if (unavailable.isPresent()) {
            System.out.println("StudioBrowserTest skipped: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.get());
        project = Project.create(tmp.resolve("gestures"), "motion");
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 6, 1);
        project.importData(raw, ImportPlan.asIs(), Progress.NONE);
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
    }

    @Test
    void theDashboardShowsTheImpulseAndTheData() throws Exception {
        DashboardPage dashboard = new DashboardPage(browser);
        long ms = dashboard.open();
        System.out.println("dashboard loaded in " + ms + " ms");
        assertEquals(StudioPage.NAVIGATION, dashboard.navigation());
        Map<String, String> impulse = dashboard.impulse();
        assertTrue(impulse.get("input").startsWith("accelerometer, 62.5 Hz, 2000 ms"), impulse.toString());
        assertTrue(impulse.get("DSP block").startsWith(project.impulse().dsp().block()), impulse.toString());
        assertEquals("not trained yet", impulse.get("int8 model"));
        int expected = Datasets.describe(project.layout().data(), Progress.NONE).stats().rows().stream()
                .mapToInt(r -> r.total()).sum();
        assertEquals(expected, dashboard.samples(), "the page counts what data stats counts");
        dashboard.screenshot("dashboard");
        assertTrue(Files.size(StudioPage.docsFolder().resolve("dashboard.png")) > 10_000);
    }

    @Test
    void theImpulsePageRedrawsThePreviewAsAParameterChangesAndSavesIt() throws Exception {
        ImpulsePage impulse = new ImpulsePage(browser);
        System.out.println("impulse page loaded in " + impulse.open() + " ms");
        assertEquals(StudioPage.NAVIGATION, impulse.navigation());
        int drawn = impulse.waitForPreviewAfter(0);
        String before = impulse.previewShape();
        // The form was drawn from the schema: fft_length is a number input with the schema's range.
        assertEquals("number", impulse.dspParameter("fft_length").getDomAttribute("type"));
        assertEquals("65536", impulse.dspParameter("fft_length").getDomAttribute("max"));
        impulse.setDspParameter("fft_length", "64");
        impulse.waitForPreviewAfter(drawn);
        browser.waitUpTo(10).until(d -> !before.equals(impulse.previewShape()));
        assertNotEquals(before, impulse.previewShape(), "more FFT points, more spectral-power coefficients");
        assertTrue(impulse.estimate().contains("no streaming C front end"), impulse.estimate());
        impulse.screenshot("impulse");

        String yamlBefore = Files.readString(project.layout().config(), StandardCharsets.UTF_8);
        try {
            assertEquals("saved to impulse.yaml", impulse.save());
            String yaml = Files.readString(project.layout().config(), StandardCharsets.UTF_8);
            assertEquals("64", ImpulseConfig.parse(yaml).dsp().parameters().get("fft_length"));
            assertEquals(yamlBefore.lines().filter(l -> l.contains("#")).count(),
                    yaml.lines().filter(l -> l.contains("#")).count(), "every comment kept:\n" + yaml);
        } finally {
            // The other pages go on with the impulse the model was trained with.
            Files.writeString(project.layout().config(), yamlBefore, StandardCharsets.UTF_8);
        }
    }
}
