package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A sample id leads to a file inside the data folder, or is refused with 400 and one line naming it. */
class ProjectPathsTest {
    @TempDir
    Path tmp;
    Path data;
    ProjectPaths paths;

    @BeforeEach
    void folders() throws Exception {
        data = Files.createDirectories(tmp.resolve("project/data/train/wave"));
        data = tmp.resolve("project/data");
        Files.writeString(data.resolve("train/wave/a.json"), "{}");
        paths = new ProjectPaths(data);
    }

    @Test
    void aPathInsideTheFolderResolvesThere() throws Exception {
        assertEquals(data.resolve("train/wave/a.json").toAbsolutePath(), paths.resolve("train/wave/a.json"));
        assertEquals(data.resolve("test/new/b.json").toAbsolutePath(), paths.resolve("test/new/b.json"),
                "a file that does not exist yet (an upload's target) resolves too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../impulse.yaml", "train/../../impulse.yaml", "train/wave/..", "/etc/passwd",
            "C:/Windows/win.ini", "train\\..\\..\\impulse.yaml", "train//wave/a.json", "./train/wave/a.json", "",
            "train/wave/a.json\0.wav"})
    void aPathThatLeavesTheFolderOrHidesItsWayIsRefused(String id) {
        StudioException e = assertThrows(StudioException.class, () -> paths.resolve(id));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not a path inside the project's data folder"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.json"), "{}");
        Files.createSymbolicLink(data.resolve("escape"), outside);
        Files.createSymbolicLink(data.resolve("train/wave/secret.json"), outside.resolve("secret.json"));
        Files.createSymbolicLink(data.resolve("train/wave/dangling.json"), tmp.resolve("nowhere.json"));
        for (String id : new String[] {"escape/secret.json", "escape/new.json", "train/wave/secret.json",
                "train/wave/dangling.json"}) {
            StudioException e = assertThrows(StudioException.class, () -> paths.resolve(id), id);
            assertEquals(400, e.status());
        }
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws Exception {
        Files.createSymbolicLink(data.resolve("alias"), data.resolve("train"));
        assertEquals(data.resolve("alias/wave/a.json").toAbsolutePath(), paths.resolve("alias/wave/a.json"));
    }
}
