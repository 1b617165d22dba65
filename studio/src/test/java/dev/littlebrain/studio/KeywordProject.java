package dev.littlebrain.studio;

import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.tflite.SharedFolder;
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
    private static Project project;

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
