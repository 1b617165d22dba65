package dev.littlebrain.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void replaceMovesAFinishedFileOverTheTargetKeepingItsMode() throws IOException {
        assumeTrue(posix());
        Path target = dir.resolve("model_data.c");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path finished = Files.createDirectory(dir.resolve("staging")).resolve("model_data.c");
        Files.writeString(finished, "new");
        AtomicFiles.replace(finished, target);
        assertEquals("new", Files.readString(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertFalse(Files.exists(finished));
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {9});
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("No space left on device");
        }));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    /** A full disk surfaces as "No space left on device" alone: the error must name the file, and keep the old one. */
    @Test
    void aFailedWriteNamesTheFileAndLeavesTheOldContent() throws IOException {
        Path target = dir.resolve("model_data.c");
        Files.writeString(target, "old");
        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[100]);
                    throw new IOException("No space left on device");
                }));
        assertEquals(target.toString(), e.getFile());
        assertEquals("No space left on device", e.getReason());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    private boolean posix() {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    /** What a writer killed mid-write leaves (its temporary file) is deleted; a running writer's and anything else stay. */
    @Test
    void leftoversOfDeadWritersAreDeletedOthersStay(@TempDir Path dir) throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        long dead = done.pid();
        long alive = ProcessHandle.current().pid();
        Path killed = Files.writeString(dir.resolve(".entry.f32." + dead + "-2lucyd3xo3mgo.tmp"), "half");
        Path running = Files.writeString(dir.resolve(".entry.f32." + alive + "-346jbnf874qo9.tmp"), "half");
        Path users = Files.writeString(dir.resolve("notes.tmp"), "mine");
        Path entry = Files.writeString(dir.resolve("entry.f32"), "whole");
        assertEquals(1, AtomicFiles.deleteLeftovers(dir));
        assertEquals(false, Files.exists(killed));
        assertEquals(true, Files.exists(running) && Files.exists(users) && Files.exists(entry));
        assertEquals(0, AtomicFiles.deleteLeftovers(dir.resolve("absent")));
    }

    /** Temporary files carry the writer's process id, so that a later run can tell a killed writer's apart. */
    @Test
    void temporaryFilesNameTheirWriter(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a.bin");
        AtomicFiles.write(target, out -> {
            try (Stream<Path> files = Files.list(dir)) {
                String temp = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).findFirst()
                        .orElseThrow();
                assertEquals(true, temp.startsWith(".a.bin." + ProcessHandle.current().pid() + "-"), temp);
            }
            out.write(1);
        });
    }
}
