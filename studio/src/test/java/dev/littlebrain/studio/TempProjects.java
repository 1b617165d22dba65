package dev.littlebrain.studio;

import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders for the test projects that outlive one test class (shared by several); the JVM's exit removes them. */
final class TempProjects {
    private TempProjects() {
    }

    static Path newFolder(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                StagedFolder.deleteTree(dir);
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e.getMessage());
            }
        }));
        return dir;
    }
}
