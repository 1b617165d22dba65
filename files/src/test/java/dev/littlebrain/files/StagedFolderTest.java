package dev.littlebrain.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a deploy that ran out of disk left {@code model_data.h} without its {@code .c}. The export's way into a
 * folder ({@link StagedFolder#commitInto}); replacing a whole folder is tested with the datasets that use it
 * ({@code DatasetOutputFolderTest}).
 */
class StagedFolderTest {
    private static final String HEADER = "model_data.h";
    private static final String SOURCE = "model_data.c";

    /** Writes an export's files into a folder; returns them. */
    private interface Export {
        List<Path> writeInto(Path folder) throws IOException;
    }

    /** What a deploy does: stage the files, then move them into {@code out}. */
    private static List<Path> write(Path out, Export export) throws IOException {
        try (StagedFolder staged = StagedFolder.create(out, StagedFolder.Guard.NONE)) {
            return staged.commitInto(export.writeInto(staged.path()));
        }
    }

    @TempDir
    Path dir;

    /** A c-array export whose disk fills up after the header. */
    private static List<Path> diskFullAfterTheHeader(Path folder) throws IOException {
        Files.writeString(folder.resolve(HEADER), "new header");
        throw new IOException("No space left on device");
    }

    private static List<Path> cArray(Path folder, String text) throws IOException {
        Files.writeString(folder.resolve(HEADER), text + " header");
        Files.writeString(folder.resolve(SOURCE), text + " source");
        return List.of(folder.resolve(HEADER), folder.resolve(SOURCE));
    }

    @Test
    void aFailedExportLeavesNoFolder() throws IOException {
        Path out = dir.resolve("build");
        assertThrows(IOException.class, () -> write(out, StagedFolderTest::diskFullAfterTheHeader));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFailedExportLeavesThePreviousOneWhole() throws IOException {
        Path out = dir.resolve("build");
        write(out, f -> cArray(f, "old"));
        assertThrows(IOException.class, () -> write(out, StagedFolderTest::diskFullAfterTheHeader));
        assertEquals("old header", Files.readString(out.resolve(HEADER)));
        assertEquals("old source", Files.readString(out.resolve(SOURCE)));
        assertEquals(List.of("build"), names(dir));
    }

    @Test
    void intoAnExistingFolderOnlyTheExportsFilesAreReplaced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("firmware/src"));
        Files.writeString(out.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.writeString(out.resolve(HEADER), "old header");
        boolean posix = Files.getFileAttributeView(out, PosixFileAttributeView.class) != null;
        if (posix) {
            Files.setPosixFilePermissions(out.resolve(HEADER), PosixFilePermissions.fromString("rw-rw-r--"));
        }
        List<Path> written = write(out, f -> cArray(f, "new"));
        assertEquals(List.of(out.resolve(HEADER), out.resolve(SOURCE)), written);
        assertEquals("int main(void) { return 0; }\n", Files.readString(out.resolve("main.c")));
        assertEquals("new header", Files.readString(out.resolve(HEADER)));
        assertEquals(List.of("main.c", "model_data.c", "model_data.h"), names(out));
        assertEquals(List.of("src"), names(out.getParent()));
        if (posix) {
            assertEquals("rw-rw-r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve(HEADER))));
        }
    }

    @Test
    void stagingFoldersOfKilledExportsAreDeleted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(dir.resolve(".build.staging-" + gone.pid() + "-x"));
        Files.writeString(killed.resolve(HEADER), "half");
        write(dir.resolve("build"), f -> cArray(f, "new"));
        assertFalse(Files.exists(killed));
        assertEquals(List.of("build"), names(dir));
    }

    @Test
    void aNewOutputFolderGetsTheModeOfAPlainFolder() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null);
        Path plain = Files.createDirectory(dir.resolve("plain"));
        write(dir.resolve("build"), f -> cArray(f, "new"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("build")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
