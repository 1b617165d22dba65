package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.SyntheticKind;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.studio.browser.DashboardPage;
import dev.littlebrain.studio.browser.DataPage;
import dev.littlebrain.studio.browser.DeploymentPage;
import dev.littlebrain.studio.browser.ExplorerPage;
import dev.littlebrain.studio.browser.ProjectsPage;
import dev.littlebrain.studio.browser.StudioBrowser;
import dev.littlebrain.studio.browser.StudioPage;
import dev.littlebrain.studio.browser.TestingPage;
import dev.littlebrain.studio.browser.TrainingPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's first acceptance line, in headless Chromium: from an empty folder to a downloaded C library that builds
 * with gcc, never leaving the browser. The studio starts on an empty workspace; the test creates a project on the
 * Projects page, uploads a dataset through the Data page's form, trains and tests from their pages, downloads the
 * c-standalone zip from the Deployment page and builds it. Skipped, with the reason printed, where chromium or
 * chromedriver is not installed.
 */
@Tag("browser")
@Tag("slow")
class WorkspaceBrowserTest {
    private static final int EPOCHS = 8;
    /** Training clips per keyword uploaded: each costs about 0.1 s through the form. */
    private static final int TRAIN_CLIPS = 50;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void browserAvailable() {
        Optional<String> unavailable = StudioBrowser.unavailable();
        if (unavailable.isPresent()) {
            System.out.println("WorkspaceBrowserTest skipped: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.get());
    }

    /** A studio on a new, empty workspace folder, and a browser that has opened its address. */
    private record EmptyWorkspace(Path folder, Studio studio, StudioBrowser browser) implements AutoCloseable {
        static EmptyWorkspace start(String name) throws Exception {
            Path folder = Files.createDirectories(tmp.resolve(name));
            Studio studio = Studio.startWorkspace(folder, "127.0.0.1", 0);
            return new EmptyWorkspace(folder, studio, StudioBrowser.open(studio.url(), tmp.resolve(name + "-browser")));
        }

        @Override
        public void close() throws Exception {
            browser.close();
            studio.close();
        }
    }

    @Test
    void fromAnEmptyFolderToAMotionClassifiersCLibrary() throws Exception {
        try (EmptyWorkspace w = EmptyWorkspace.start("empty-folder")) {
            motionClassifier(w.folder(), w.browser());
        }
    }

    private static void motionClassifier(Path workspace, StudioBrowser browser) throws Exception {
        long start = System.nanoTime();
        ProjectsPage projects = new ProjectsPage(browser);
        projects.open();
        assertEquals(List.of(), projects.projects());
        assertEquals(List.of("Projects"), projects.navigation());
        assertEquals(ImpulseConfig.TEMPLATES, projects.templates(), "the templates littlebrain init offers");
        projects.create(".hidden", "motion");
        browser.waitUpTo(10).until(d -> projects.status().contains("cannot be a project name"));

        projects.create("gestures", "motion");
        browser.waitUpTo(10).until(d -> browser.currentPath().equals("/p/gestures/"));
        StudioBrowser gestures = browser.under("/p/gestures");
        DashboardPage dashboard = new DashboardPage(gestures);
        dashboard.open();
        List<String> navigation = new ArrayList<>(List.of("Projects"));
        navigation.addAll(StudioPage.NAVIGATION);
        assertEquals(navigation, dashboard.navigation(), "a way back to the Projects page first");
        assertEquals(0, dashboard.samples());
        assertEquals("not tested yet", dashboard.lastTest());

        // The generated motion dataset, uploaded as a person would: training files (every fifth for validation),
        // then the test files, each file's label from its name.
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 15, 1);
        List<Path> training = files(raw.resolve("training"));
        List<Path> validation = new ArrayList<>();
        List<Path> train = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            (i % 5 == 0 ? validation : train).add(training.get(i));
        }
        List<Path> test = files(raw.resolve("testing"));
        DataPage data = new DataPage(gestures);
        data.open();
        assertEquals(train.size() + " uploaded", data.upload(train, "", "train", 120));
        assertEquals(validation.size() + " uploaded", data.upload(validation, "", "validation", 120));
        assertEquals(test.size() + " uploaded", data.upload(test, "", "test", 120));
        int total = training.size() + test.size();
        data.open();
        assertEquals("1–" + Math.min(50, total) + " of " + total, data.count());

        ExplorerPage explorer = new ExplorerPage(gestures);
        explorer.open();
        assertTrue(explorer.status().startsWith(total + " samples, "), explorer.status());

        TrainingPage trainingPage = new TrainingPage(gestures);
        trainingPage.open();
        String trained = trainingPage.train(EPOCHS, 600);
        assertTrue(trained.startsWith("done"), trained + " " + trainingPage.problem());

        TestingPage testing = new TestingPage(gestures);
        testing.open();
        testing.runTest();
        Project project = Project.open(workspace.resolve("gestures"));
        ClipReport report = project.test(0.6, Progress.NONE);
        assertEquals(List.of(percent(report.floatModel().accuracy()), percent(report.int8Model().accuracy())),
                testing.summary("accuracy"), "the page shows the library's figures");
        dashboard.open();
        assertTrue(dashboard.lastTest().startsWith("int8 accuracy " + percent(report.int8Model().accuracy())
                + " (float " + percent(report.floatModel().accuracy()) + ")"), dashboard.lastTest());

        DeploymentPage deployment = new DeploymentPage(gestures);
        deployment.open();
        deployment.chooseFormat("c-standalone");
        Path zip = deployment.download("gestures-c-standalone.zip");

        // Back on the Projects page through the bar's link: the project with its data, trained, the test just run.
        browser.driver().findElement(org.openqa.selenium.By.linkText("Projects")).click();
        browser.waitUpTo(10).until(d -> browser.currentPath().equals("/") && !projects.projects().isEmpty());
        assertEquals(List.of("gestures"), projects.projects());
        Map<String, String> row = projects.row("gestures");
        assertEquals(Integer.toString(train.size()), row.get("train"), row.toString());
        assertEquals(Integer.toString(validation.size()), row.get("validation"), row.toString());
        assertEquals(Integer.toString(test.size()), row.get("test"), row.toString());
        assertEquals("trained", row.get("model"), row.toString());
        assertEquals(percent(report.int8Model().accuracy()), row.get("last test accuracy"), row.toString());
        projects.screenshot("projects");

        Assumptions.assumeTrue(CStandaloneBuild.gccInstalled(), "gcc is not installed: the zip's C is not built");
        Path exe = CStandaloneBuild.build(zip, "gestures-c-standalone", tmp.resolve("c-standalone"));
        CStandaloneBuild.assertSameScoresAsJava(project, exe);
        System.out.printf("empty folder to a built motion library through the browser in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The yes/no spotter the same way: a kws project, shared espeak-kws clips of "yes" and "no" uploaded with their
     * label typed (the dataset's own testing and validation lists give the splits), two epochs, the zip built and
     * run on a clip.
     */
    /**
     * Issue 22's dataset-folder import: the espeak-kws folder named in the Data page's panel, yes and no picked from
     * its folders, curated by the import job (small: one rendering, no stream windows) with its progress shown, and
     * the list refreshed with what the library wrote.
     */
    @Test
    void aDatasetFolderImportedThroughTheDataPage() throws Exception {
        Assumptions.assumeTrue(KeywordProject.dataset().isPresent(), "../shared/datasets/espeak-kws is missing");
        Path clips = KeywordProject.dataset().orElseThrow();
        try (EmptyWorkspace w = EmptyWorkspace.start("import-folder")) {
            Project project = Project.create(w.folder().resolve("spotter"), "kws");
            DataPage data = new DataPage(w.browser().under("/p/spotter"));
            data.open();
            long start = System.nanoTime();
            String said = data.importFolder(clips, List.of("yes", "no"), 0, 1, 120);
            System.out.printf("imported espeak-kws through the Data page in %.1f s%n", (System.nanoTime() - start) / 1e9);

            int written = dev.littlebrain.data.curate.Manifest.read(project.layout().data()).samples().size();
            assertEquals("curated " + written + " samples from " + clips.toRealPath(), said);
            assertEquals("yes,no", data.importKeywords(), "the chips clicked, in order");
            List<String> labels = data.importSummary().stream().map(r -> r.get(0)).toList();
            assertEquals(List.of("_noise_", "_unknown_", "no", "total", "yes"), labels.stream().sorted().toList());
            w.browser().waitUpTo(10).until(d -> data.count().endsWith(" of " + written));
            data.screenshot("data-import");
        }
    }

    @Test
    void fromAnEmptyFolderToAYesNoSpottersCLibrary() throws Exception {
        Assumptions.assumeTrue(KeywordProject.dataset().isPresent(), "../shared/datasets/espeak-kws is missing");
        Path clips = KeywordProject.dataset().orElseThrow();
        try (EmptyWorkspace w = EmptyWorkspace.start("empty-folder-kws")) {
            long start = System.nanoTime();
            ProjectsPage projects = new ProjectsPage(w.browser());
            projects.open();
            projects.create("yes-no", "kws");
            w.browser().waitUpTo(10).until(d -> w.browser().currentPath().equals("/p/yes-no/"));
            StudioBrowser yesNo = w.browser().under("/p/yes-no");

            DataPage data = new DataPage(yesNo);
            data.open();
            Map<String, String> listed = new java.util.HashMap<>();
            for (String list : List.of("testing_list.txt", "validation_list.txt")) {
                for (String line : Files.readAllLines(clips.resolve(list))) {
                    listed.put(line.strip(), list.startsWith("testing") ? "test" : "validation");
                }
            }
            int uploaded = 0;
            for (String word : List.of("yes", "no")) {
                for (String split : List.of("train", "validation", "test")) {
                    // The lists' clips, and the first TRAIN_CLIPS others: enough to train two epochs on.
                    List<Path> files = files(clips.resolve(word)).stream().filter(f -> split.equals(
                            listed.getOrDefault(word + "/" + f.getFileName(), "train"))).limit(TRAIN_CLIPS).toList();
                    assertEquals(files.size() + " uploaded", data.upload(files, word, split, 300), word + " " + split);
                    uploaded += files.size();
                }
            }
            System.out.printf("uploaded %d clips through the Data page in %.1f s%n", uploaded,
                    (System.nanoTime() - start) / 1e9);

            TrainingPage training = new TrainingPage(yesNo);
            training.open();
            String trained = training.train(2, 600);
            assertTrue(trained.startsWith("done"), trained + " " + training.problem());

            DeploymentPage deployment = new DeploymentPage(yesNo);
            deployment.open();
            deployment.chooseFormat("c-standalone");
            Path zip = deployment.download("yes-no-c-standalone.zip");
            Assumptions.assumeTrue(CStandaloneBuild.gccInstalled(), "gcc is not installed: the zip's C is not built");
            Path exe = CStandaloneBuild.build(zip, "yes-no-c-standalone", tmp.resolve("c-standalone-kws"));
            CStandaloneBuild.assertSameScoresAsJava(Project.open(w.folder().resolve("yes-no")), exe);
            System.out.printf("empty folder to a built yes/no library through the browser in %.1f s%n",
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
