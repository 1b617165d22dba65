package dev.littlebrain.deploy;

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

/** Issue 18: a deploy that ran out of disk left {@code model_data.h} without its {@code .c}. */
class StagedExportTest {
    @TempDir
    Path dir;

    /** A c-array export whose disk fills up after the header. */
    private static List<Path> diskFullAfterTheHeader(Path folder) throws IOException {
        Files.writeString(folder.resolve(CArrayExport.HEADER), "new header");
        throw new IOException("No space left on device");
    }

    private static List<Path> cArray(Path folder, String text) throws IOException {
        Files.writeString(folder.resolve(CArrayExport.HEADER), text + " header");
        Files.writeString(folder.resolve(CArrayExport.SOURCE), text + " source");
        return List.of(folder.resolve(CArrayExport.HEADER), folder.resolve(CArrayExport.SOURCE));
    }

    @Test
    void aFailedExportLeavesNoFolder() throws IOException {
        Path out = dir.resolve("build");
        assertThrows(IOException.class, () -> StagedExport.write(out, StagedExportTest::diskFullAfterTheHeader));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFailedExportLeavesThePreviousOneWhole() throws IOException {
        Path out = dir.resolve("build");
        StagedExport.write(out, f -> cArray(f, "old"));
        assertThrows(IOException.class, () -> StagedExport.write(out, StagedExportTest::diskFullAfterTheHeader));
        assertEquals("old header", Files.readString(out.resolve(CArrayExport.HEADER)));
        assertEquals("old source", Files.readString(out.resolve(CArrayExport.SOURCE)));
        assertEquals(List.of("build"), names(dir));
    }

    @Test
    void intoAnExistingFolderOnlyTheExportsFilesAreReplaced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("firmware/src"));
        Files.writeString(out.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.writeString(out.resolve(CArrayExport.HEADER), "old header");
        boolean posix = Files.getFileAttributeView(out, PosixFileAttributeView.class) != null;
        if (posix) {
            Files.setPosixFilePermissions(out.resolve(CArrayExport.HEADER), PosixFilePermissions.fromString("rw-rw-r--"));
        }
        List<Path> written = StagedExport.write(out, f -> cArray(f, "new"));
        assertEquals(List.of(out.resolve(CArrayExport.HEADER), out.resolve(CArrayExport.SOURCE)), written);
        assertEquals("int main(void) { return 0; }\n", Files.readString(out.resolve("main.c")));
        assertEquals("new header", Files.readString(out.resolve(CArrayExport.HEADER)));
        assertEquals(List.of("main.c", "model_data.c", "model_data.h"), names(out));
        assertEquals(List.of("src"), names(out.getParent()));
        if (posix) {
            assertEquals("rw-rw-r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve(CArrayExport.HEADER))));
        }
    }

    @Test
    void stagingFoldersOfKilledExportsAreDeleted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(dir.resolve(".build.deploy-" + gone.pid() + "-x"));
        Files.writeString(killed.resolve(CArrayExport.HEADER), "half");
        StagedExport.write(dir.resolve("build"), f -> cArray(f, "new"));
        assertFalse(Files.exists(killed));
        assertEquals(List.of("build"), names(dir));
    }

    @Test
    void aNewOutputFolderGetsTheModeOfAPlainFolder() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null);
        Path plain = Files.createDirectory(dir.resolve("plain"));
        StagedExport.write(dir.resolve("build"), f -> cArray(f, "new"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("build")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
