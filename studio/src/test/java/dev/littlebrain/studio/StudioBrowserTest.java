package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import dev.littlebrain.impulse.profile.DeviceProfile;
import dev.littlebrain.impulse.profile.ProfileOptions;
import dev.littlebrain.studio.browser.DashboardPage;
import dev.littlebrain.studio.browser.DataPage;
import dev.littlebrain.studio.browser.DeploymentPage;
import dev.littlebrain.studio.browser.ExplorerPage;
import dev.littlebrain.studio.browser.ImpulsePage;
import dev.littlebrain.studio.browser.StudioBrowser;
import dev.littlebrain.studio.browser.StudioPage;
import dev.littlebrain.studio.browser.TestingPage;
import dev.littlebrain.studio.browser.TrainingPage;
import java.nio.charset.StandardCharsets;
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
 * The studio end to end: a real server on a motion project made and trained through the library
 * ({@link TrainedMotionProject}), and Debian's headless
 * Chromium reading and clicking its pages as a person would. Each page's screenshot goes to target/screenshots (docs/studio/ with -Dstudio.screenshots). Skipped,
 * with the reason printed, where chromium or chromedriver is not installed.
 */
@Tag("browser")
@Tag("slow")
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
        project = TrainedMotionProject.get();
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
        assertEquals("trained", impulse.get("int8 model"));
        assertTrue(dashboard.training().startsWith("dense-motion: 4 epochs"), dashboard.training());
        int expected = Datasets.describe(project.layout().data(), Progress.NONE).stats().rows().stream()
                .mapToInt(r -> r.total()).sum();
        assertEquals(expected, dashboard.samples(), "the page counts what data stats counts");
        // The target board's fit: the numbers 'profile' estimates for it.
        String target = project.impulse().target();
        dev.littlebrain.impulse.profile.DeviceProfile row = project.profile(
                dev.littlebrain.impulse.profile.ProfileOptions.DEFAULTS.withEstimateOnly(true)).stream()
                .filter(p -> p.board().equals(target)).findFirst().orElseThrow();
        String board = dashboard.targetBoard();
        assertTrue(board.startsWith(target + " (") && board.contains(": fits"), board);
        assertTrue(board.contains(String.format(java.util.Locale.ROOT, "RAM %.1f kB", row.ramBytes() / 1024.0)), board);
        dashboard.screenshot("dashboard");
        assertTrue(Files.size(StudioPage.screenshotFolder().resolve("dashboard.png")) > 10_000);
    }

    @Test
    void theDataPageListsTheSamplesAPageAtATime() throws Exception {
        DataPage data = new DataPage(browser);
        System.out.println("data page loaded in " + data.open() + " ms");
        assertEquals(StudioPage.NAVIGATION, data.navigation());
        int total = Datasets.describe(project.layout().data(), Progress.NONE).stats().rows().stream()
                .mapToInt(r -> r.total()).sum();
        assertEquals("1–" + Math.min(50, total) + " of " + total, data.count(), "the page counts what data stats counts");
        assertEquals(Math.min(50, total), data.rows());
        data.screenshot("data");
    }

    @Test
    void theExplorerMapsEverySampleAndListsTheSuspects() throws Exception {
        ExplorerPage explorer = new ExplorerPage(browser);
        System.out.println("explorer page loaded in " + explorer.open() + " ms");
        assertEquals(StudioPage.NAVIGATION, explorer.navigation());
        var map = project.featureMap(Progress.NONE);
        assertTrue(explorer.status().startsWith(map.points().size() + " samples, "), explorer.status());
        assertEquals(map.points().stream().filter(p -> p.suspect()).count(), explorer.suspectsListed());
        explorer.screenshot("explorer");
    }

    @Test
    void theTrainingPageShowsTheLastTraining() throws Exception {
        TrainingPage training = new TrainingPage(browser);
        System.out.println("training page loaded in " + training.open() + " ms");
        assertEquals(StudioPage.NAVIGATION, training.navigation());
        browser.waitUpTo(10).until(d -> !training.status().isBlank());
        training.screenshot("training");
    }

    @Test
    void theTestingPageRunsATestAndShowsWhatTestComputes() throws Exception {
        TestingPage testing = new TestingPage(browser);
        System.out.println("testing page loaded in " + testing.open() + " ms");
        assertEquals(StudioPage.NAVIGATION, testing.navigation());
        testing.runTest();
        var report = project.test(0.6, Progress.NONE);
        assertEquals(List.of(percent(report.floatModel().accuracy()), percent(report.int8Model().accuracy())),
                testing.summary("accuracy"), "the page shows the library's figures");
        testing.screenshot("testing");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
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

            // A value the block refuses: the preview says why in one line, naming the parameter.
            impulse.setDspParameter("fft_length", "1");
            browser.waitUpTo(10).until(d -> impulse.previewStatus().contains("fft_length"));
            assertEquals(1, impulse.previewStatus().lines().count(), impulse.previewStatus());
        } finally {
            // The other pages go on with the impulse the model was trained with.
            Files.writeString(project.layout().config(), yamlBefore, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDeploymentPageShowsTheProfileAndDownloadsAZipThatBuildsWithGcc() throws Exception {
        DeploymentPage deployment = new DeploymentPage(browser);
        System.out.println("deployment page loaded in " + deployment.open() + " ms");
        assertEquals(StudioPage.NAVIGATION, deployment.navigation());
        List<DeviceProfile> expected = project.profile(ProfileOptions.DEFAULTS.withEstimateOnly(true));
        assertEquals(expected.stream().map(DeviceProfile::board).toList(), deployment.profiledBoards());
        DeviceProfile target = expected.stream().filter(p -> p.board().equals(project.impulse().target()))
                .findFirst().orElseThrow();
        assertEquals(String.format(Locale.ROOT, "%,d B", target.ramBytes()),
                deployment.profileRow(target.board()).get(1), "the page shows profile's figures");
        deployment.chooseFormat("c-standalone");
        Path zip = deployment.download("gestures-c-standalone.zip");
        assertTrue(deployment.status().startsWith("downloaded gestures-c-standalone.zip"), deployment.status());
        deployment.screenshot("deployment");

        Assumptions.assumeTrue(CStandaloneBuild.gccInstalled(), "gcc is not installed: the zip's C is not built");
        Path exe = CStandaloneBuild.build(zip, "gestures-c-standalone", tmp.resolve("c-standalone"));
        CStandaloneBuild.assertSameScoresAsJava(project, exe);
    }

    @Test
    void theImpulsePageOfAKeywordSpotterShowsItsMfccAndTheirCost() throws Exception {
        Assumptions.assumeTrue(KeywordProject.dataset().isPresent(), "../shared/datasets/espeak-kws is missing");
        Project kws = KeywordProject.get();
        try (Studio audio = Studio.start(kws.layout().dir(), "127.0.0.1", 0);
                StudioBrowser audioBrowser = StudioBrowser.open(audio.url(), tmp.resolve("browser-kws"))) {
            ImpulsePage impulse = new ImpulsePage(audioBrowser);
            impulse.open();
            int drawn = impulse.waitForPreviewAfter(0);
            int frames = kws.project().block().outputShape(kws.project().windowSamples()).frames();
            assertEquals(frames + "x13", impulse.previewShape());
            assertTrue(impulse.estimate().startsWith("DSP on " + kws.impulse().target() + ":"), impulse.estimate());
            impulse.setDspParameter("num_cepstral", "20");
            impulse.waitForPreviewAfter(drawn);
            audioBrowser.waitUpTo(10).until(d -> impulse.previewShape().equals(frames + "x20"));
            impulse.screenshot("impulse-audio");
        }
    }

    /**
     * The issue asks for page loads under 300 ms with 5,000 samples: measured here and printed (a figure to report,
     * not a timing to assert on a shared machine).
     */
    @Test
    void pagesLoadWithFiveThousandSamples() throws Exception {
        Path raw = tmp.resolve("raw-5000");
        Datasets.generate(SyntheticKind.MOTION, raw, 1250, 7);
        Project big = Project.create(tmp.resolve("big"), "motion");
        big.importData(raw, ImportPlan.asIs(), Progress.NONE);
        try (Studio bigStudio = Studio.start(big.layout().dir(), "127.0.0.1", 0);
                StudioBrowser bigBrowser = StudioBrowser.open(bigStudio.url(), tmp.resolve("browser-5000"))) {
            DashboardPage dashboard = new DashboardPage(bigBrowser);
            dashboard.open();
            int samples = dashboard.samples();
            assertEquals(Datasets.describe(big.layout().data(), Progress.NONE).stats().rows().stream()
                    .mapToInt(r -> r.total()).sum(), samples);
            ImpulsePage impulse = new ImpulsePage(bigBrowser);
            impulse.open();
            impulse.waitForPreviewAfter(0);
            // Warm (the browser and the server's first requests done), best of three.
            long dashboardMs = Long.MAX_VALUE;
            long impulseMs = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                dashboardMs = Math.min(dashboardMs, dashboard.open());
                impulseMs = Math.min(impulseMs, impulse.open());
            }
            System.out.printf("with %d samples: dashboard %d ms (tables drawn), impulse design %d ms (forms drawn);"
                    + " warm, best of 3; the last impulse page's requests: %s%n", samples, dashboardMs, impulseMs,
                    bigBrowser.driver().executeScript("return performance.getEntriesByType('resource').map(e =>"
                            + " e.name.replace(location.origin, '') + ' ' + Math.round(e.duration) + ' ms').join(', ')"));
        }
    }
}
