package dev.littlebrain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFileGetsTheModeOfAPlainWrite() throws IOException {
        assumeTrue(posix());
        Files.writeString(dir.resolve("plain.txt"), "x");
        AtomicFiles.write(dir.resolve("atomic.txt"), new byte[] {1, 2});
        assertEquals(Files.getPosixFilePermissions(dir.resolve("plain.txt")),
                Files.getPosixFilePermissions(dir.resolve("atomic.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-rw-r--", "rwxr-xr-x", "rw-------"})
    void existingFileKeepsItsMode(String mode) throws IOException {
        assumeTrue(posix());
        Path file = dir.resolve("impulse.yaml");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        AtomicFiles.write(file, "new".getBytes());
        assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        AtomicFiles.write(dir.resolve("a.tflite"), new byte[] {1});
        AtomicFiles.write(dir.resolve("a.tflite"), new byte[] {2});
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(dir.resolve("a.tflite")));
    }

    private boolean posix() {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    /** As AtomicFileWriter: a killed writer's temporary file is deleted, a running writer's and a user's stay. */
    @Test
    void leftoversOfDeadWritersAreDeletedOthersStay(@TempDir Path dir) throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path killed = Files.writeString(dir.resolve(".m.tflite." + done.pid() + "-2lucyd3xo3mgo.tmp"), "half");
        Path running = Files.writeString(dir.resolve(".m.tflite." + ProcessHandle.current().pid() + "-346jbnf874qo9.tmp"), "half");
        Path users = Files.writeString(dir.resolve(".notes.tmp"), "mine");
        assertEquals(1, AtomicFiles.deleteLeftovers(dir));
        org.junit.jupiter.api.Assertions.assertTrue(!Files.exists(killed)
                && Files.exists(running) && Files.exists(users));
    }
}
