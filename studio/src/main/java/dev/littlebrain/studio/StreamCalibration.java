package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.evaluation.ClipTest;
import dev.littlebrain.impulse.evaluation.StreamReport;
import dev.littlebrain.impulse.evaluation.StreamTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keyword spotting's performance calibration: which labelled streams a stream job runs on, and making a finished
 * stream test's suggestion the project's operating point as {@code test --stream --apply} does.
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
        String input = p.impulse().input().type();
        if (!"audio".equals(input)) {
            throw new IllegalArgumentException("a stream test needs an audio impulse, this one takes " + input);
        }
        ClipTest.models(p.project());
        return StreamTest.defaultStreams(p.layout().dir());
    }

    /** Writes {@code report}'s suggested threshold (and keyword thresholds where they win) to impulse.yaml. */
    static Applied apply(Path projectDir, StreamReport report) throws IOException {
        try (ProjectLock lock = ProjectLock.acquire(projectDir, Jobs.LOCK_HOLDER, line -> { })) {
            Project p = Project.open(projectDir);
            StreamTest.apply(p.project(), report);
            var continuous = Project.open(projectDir).impulse().continuous();
            return new Applied(continuous.threshold(), continuous.keywordThresholds());
        } catch (ProjectLock.ProjectInUseException e) {
            throw StudioException.conflict(e.getMessage());
        }
    }
}
