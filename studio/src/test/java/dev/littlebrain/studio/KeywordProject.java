package dev.littlebrain.studio;

import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.train.TrainingDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A yes/no keyword project (the kws template) with its data curated from the shared espeak-kws clips, not trained:
 * what the impulse-design tests of an audio impulse look at. Made once per test JVM; empty where ../shared lacks
 * the clips.
 */
final class KeywordProject {
    private static final int TRAINED_PER_CLASS = 100;
    private static final int TRAINED_EPOCHS = 15;
    private static Project project;
    private static Project trained;

    private KeywordProject() {
    }

    /** The shared clips, where this checkout has them. */
    static Optional<Path> dataset() {
        Path d = Path.of(System.getProperty("littlebrain.root", ".")).resolve("../shared/datasets/espeak-kws")
                .normalize();
        return Files.isDirectory(d) ? Optional.of(d) : Optional.empty();
    }

    /**
     * A new kws project in {@code dir} whose "trained" model is the conformance conv1d_kws_int8 (MFCC 13 x 50 in;
     * yes, no, _unknown_, _noise_ out), firing at {@code threshold}: live classification without a training.
     */
    static Project withConformanceModel(Path dir, float threshold) throws IOException {
        Project project = Project.create(dir, "kws");
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Files.createDirectories(project.layout().int8Model().getParent());
        Files.copy(model, project.layout().int8Model());
        Files.writeString(project.layout().trainingRecord(), "{\"labels\": [\"yes\", \"no\", \"_unknown_\","
                + " \"_noise_\"]}");
        Path yaml = project.layout().config();
        String text = Files.readString(yaml);
        String template = "  threshold: 0.85";
        if (!text.contains(template)) {
            throw new IllegalStateException("the kws template no longer says '" + template + "': " + yaml);
        }
        Files.writeString(yaml, text.replace(template, "  threshold: " + threshold));
        return Project.open(project.layout().dir());
    }

    /**
     * A new yes/no spotter in {@code dir}, trained small so that a test can afford it: one member (the template's
     * second, SpecAugment member removed), {@value #TRAINED_PER_CLASS} clips a class rendered once, no stream windows,
     * {@value #TRAINED_EPOCHS} epochs on the CPU, firing at 0.6. It finds most of the test streams' keywords, not all.
     * Made once per test JVM (about a minute); a test that changes it puts it back.
     */
    static synchronized Project trained() throws IOException {
        if (trained == null) {
            trained = train(TempProjects.newFolder("littlebrain-studio-kws-trained").resolve("yes-no"));
        }
        return trained;
    }

    private static Project train(Path dir) throws IOException {
        Project project = Project.create(dir, "kws");
        Path yaml = project.layout().config();
        String text = Files.readString(yaml);
        int ensemble = text.indexOf("  ensemble:");
        if (ensemble < 0 || !text.contains("  threshold: 0.85")) {
            throw new IllegalStateException("the kws template changed: " + yaml);
        }
        int next = text.indexOf('\n', text.indexOf('\n', ensemble) + 1); // the ensemble line and its one member
        Files.writeString(yaml, (text.substring(0, ensemble) + text.substring(next + 1))
                .replace("  threshold: 0.85", "  threshold: 0.6"));
        project = Project.open(dir);
        long start = System.nanoTime();
        project.importData(dataset().orElseThrow(), ImportPlan.keywordSpotting(KwsCurationOptions.defaults(
                List.of("yes", "no")).withSamplesPerClass(TRAINED_PER_CLASS).withTrainingAugmentation(1, 100)
                .withTrainingStreamSeconds(0)), Progress.NONE);
        project.train(TrainOptions.DEFAULTS.withEpochs(TRAINED_EPOCHS).withDevice(TrainingDevice.CPU),
                Progress.NONE);
        System.out.printf("curated and trained a small yes/no spotter in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return project;
    }

    static synchronized Project get() throws IOException {
        if (project == null) {
            Path dir = TempProjects.newFolder("littlebrain-studio-kws");
            Project p = Project.create(dir.resolve("yes-no"), "kws");
            long start = System.nanoTime();
            p.importData(dataset().orElseThrow(), ImportPlan.keywordSpotting(KwsCurationOptions.defaults(
                    List.of("yes", "no"))), Progress.NONE);
            System.out.printf("curated the yes/no project in %.1f s%n", (System.nanoTime() - start) / 1e9);
            project = p;
        }
        return project;
    }
}
