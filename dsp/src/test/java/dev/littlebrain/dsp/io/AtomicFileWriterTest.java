package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void newFileGetsTheModeOfAPlainWrite() throws IOException {
        assumeTrue(posix());
        Files.writeString(dir.resolve("plain.txt"), "x");
        AtomicFileWriter.write(dir.resolve("atomic.txt"), new byte[] {1, 2});
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
        AtomicFileWriter.write(file, "new".getBytes());
        assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {9});
        assertThrows(IOException.class, () -> AtomicFileWriter.write(file, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("No space left on device");
        }));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private boolean posix() {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
