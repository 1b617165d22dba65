package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.evaluation.ClipTest;
import dev.littlebrain.impulse.evaluation.StreamReport;
import dev.littlebrain.impulse.evaluation.StreamTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keyword spotting's performance calibration: which labelled streams a stream job runs on, and making a finished
 * stream test's suggestion the project's operating point as {@code test --stream --apply} does, or the point a
 * person picked on its curve.
 */
final class StreamCalibration {
    private StreamCalibration() {
    }

    /** What the page shows after applying: impulse.yaml's continuous thresholds as now written. */
    record Applied(double threshold, @JsonProperty("keyword_thresholds") Map<String, Float> keywordThresholds) {
    }

    /**
     * The streams to test on: LittleBrain's shared labelled streams, as {@code test --stream} finds them without
     * {@code --streams}. Checked first as the CLI checks them: an audio impulse with both models trained.
     */
    static Path streams(Project p) {
        ImpulseConfig.Input input = p.impulse().input();
        if (!input.modality().isAudio()) {
            throw new IllegalArgumentException("a stream test needs an audio impulse, this one takes "
                    + input.type());
        }
        ClipTest.models(p.project());
        return StreamTest.defaultStreams(p.layout().dir());
    }

    /**
     * The operating point a person picked on the page's curve: one threshold, and each keyword's own where the page
     * set them (empty: one threshold for all, as impulse.yaml then says).
     */
    record Choice(Double threshold, @JsonProperty("keyword_thresholds") Map<String, Float> keywordThresholds) {
        Choice {
            keywordThresholds = keywordThresholds == null ? Map.of() : Map.copyOf(keywordThresholds);
        }
    }

    /** Writes {@code report}'s suggested threshold (and keyword thresholds where they win) to impulse.yaml. */
    static Applied apply(Path projectDir, StreamReport report) throws IOException {
        return write(projectDir, p -> StreamTest.apply(p.project(), report));
    }

    /**
     * Writes {@code choice} to impulse.yaml: thresholds between 0 and 1, keyword thresholds only for the keywords
     * {@code report} tested (a 400 naming the first that is not).
     */
    static Applied apply(Path projectDir, StreamReport report, Choice choice) throws IOException {
        if (choice.threshold() == null || !(choice.threshold() > 0 && choice.threshold() < 1)) {
            throw StudioException.badRequest("threshold must be between 0 and 1 (exclusive), got "
                    + choice.threshold());
        }
        for (Map.Entry<String, Float> k : choice.keywordThresholds().entrySet()) {
            if (!report.keywords().contains(k.getKey())) {
                throw StudioException.badRequest("'" + k.getKey() + "' is not a keyword of this stream test ("
                        + String.join(", ", report.keywords()) + ")");
            }
            if (k.getValue() == null || !(k.getValue() > 0 && k.getValue() < 1)) {
                throw StudioException.badRequest("the threshold of '" + k.getKey() + "' must be between 0 and 1"
                        + " (exclusive), got " + k.getValue());
            }
        }
        return write(projectDir, p -> {
            Path yaml = p.layout().config();
            String updated = ImpulseConfig.withThreshold(Files.readString(yaml), choice.threshold());
            updated = ImpulseConfig.withKeywordThresholds(updated, choice.keywordThresholds());
            AtomicFiles.write(yaml, updated.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A change to impulse.yaml under the project's lock; what the project then says. */
    private static Applied write(Path projectDir, Change change) throws IOException {
        try (ProjectLock lock = ProjectLock.acquire(projectDir, Jobs.LOCK_HOLDER, line -> { })) {
            change.apply(Project.open(projectDir));
            var continuous = Project.open(projectDir).impulse().continuous();
            return new Applied(continuous.threshold(), continuous.keywordThresholds());
        } catch (ProjectLock.ProjectInUseException e) {
            throw StudioException.conflict(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Change {
        void apply(Project p) throws IOException;
    }
}
