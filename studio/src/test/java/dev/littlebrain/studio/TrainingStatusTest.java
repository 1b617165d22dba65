package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Training page is told of a waiting checkpoint without training anything (JobsApiTest stops and resumes a
 * real one): none, and one that does not read, which the next training ignores too.
 */
class TrainingStatusTest {
    @TempDir
    Path tmp;

    @Test
    void noCheckpointAndAnUnreadableOneGiveNoCurve() throws Exception {
        Project project = Project.create(tmp.resolve("gestures"), "motion");
        TrainingStatus none = TrainingStatus.of(project);
        assertFalse(none.checkpoint());
        assertTrue(none.checkpointHistory().isEmpty());
        assertEquals(0, none.checkpointEpochs());

        Path checkpoint = project.layout().checkpoint(0, 1);
        Files.createDirectories(checkpoint.getParent());
        Files.write(checkpoint, new byte[] {'L', 'B', 'C', 'K', 0, 0, 0, 1, 7});
        TrainingStatus broken = TrainingStatus.of(project);
        assertTrue(broken.checkpoint(), "the file is there: the page says so");
        assertTrue(broken.checkpointHistory().isEmpty(), "but draws no curve from it");
        assertEquals(0, broken.checkpointEpochs());
    }
}
