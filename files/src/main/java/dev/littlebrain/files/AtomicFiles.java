package dev.littlebrain.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * half-written file: the bytes go to a temporary file in the same directory (same file system, so the
 * rename can be atomic), are forced to disk, and the temporary file is moved over the target — atomically
 * where the file system can, replacing it plainly where it cannot. A failure (disk full, killed process)
 * leaves the target untouched and removes the temporary file.
 *
 * <p>The file ends up with the mode a plain {@code Files.write} would give it: an existing file keeps
 * its permissions, a new one gets the umask's. That is why the temporary file is made with
 * {@code Files.createFile} and not {@code Files.createTempFile}, which makes every file 0600.
 *
 * <p>Every module writes through this class (it sits below all of them), so every file LittleBrain writes
 * has the same guarantees.
 */
public final class AtomicFiles {
    /** Something that writes the whole content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = createSibling(absolute);
        boolean moved = false;
        try {
            // Before any byte is written, so a private file's content is never readable through the temp file.
            keepMode(absolute, temp);
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                     OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                    content.writeTo(out);
                    out.flush();
                    channel.force(true);
                }
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                // A full disk or an I/O error says only "No space left on device": name the file it hit.
                throw new FileSystemException(target.toString(), null, e.getMessage());
            }
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Moves a finished file over {@code target} (same file system), giving it the mode {@code target} has
     * when that exists: the last step of {@link #write}, for callers that stage whole sets of files.
     */
    public static void replace(Path finished, Path target) throws IOException {
        keepMode(target, finished);
        move(finished, target);
    }

    /**
     * An empty hidden file next to {@code target}, created as any new file is (so the umask applies), named
     * {@code .NAME.PID-RANDOM.tmp}: the writer's process id tells {@link #deleteLeftovers} whose it is.
     */
    private static Path createSibling(Path target) throws IOException {
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(target.resolveSibling(prefix + suffix + TEMP_SUFFIX));
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name; draw again
            }
        }
    }

    /**
     * Deletes the temporary files that writers killed mid-write left in {@code dir} (those of running processes
     * stay); returns how many. A folder that does not exist has none.
     */
    public static int deleteLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        java.util.List<Path> stale = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> TEMP_NAME.matcher(p.getFileName().toString()).matches())) {
            for (Path p : files) {
                java.util.regex.Matcher m = TEMP_NAME.matcher(p.getFileName().toString());
                if (m.matches() && !alive(m.group(1))) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        return stale.size();
    }

    private static final String TEMP_SUFFIX = ".tmp";

    /** {@code .NAME.PID-RANDOM.tmp}, as {@link #createSibling} names them; group 1 is the writer's process id. */
    private static final java.util.regex.Pattern TEMP_NAME =
            java.util.regex.Pattern.compile("\\..+\\.([0-9]{1,19})-[0-9a-z]{1,13}\\.tmp");

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a process id we could have written: leave it alone
        }
    }

    /** Gives {@code temp} the permissions of {@code target} when that exists on a POSIX file system. */
    private static void keepMode(Path target, Path temp) throws IOException {
        if (Files.isRegularFile(target)
                && Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (and some mounts across them) cannot rename atomically: a plain replace still
            // never shows a half-written file, since the content is complete and on disk before the move.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
