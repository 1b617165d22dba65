package dev.littlebrain.impulse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One writing command at a time per project: two {@code train} runs in one project used to share (and spoil)
 * one checkpoint. The lock is {@value #FILE_NAME} in the project, locked with the operating system's file lock
 * (released by the system when the holder dies, and seen across processes) and holding the holder's process id
 * and command, so that a refusal can say who holds it, a lock file left by a killed process is taken over with
 * a note, and a live holder is still seen where file locks do not work (some network file systems). Close it to release it (try-with-resources: also on exceptions).
 */
public final class ProjectLock implements AutoCloseable {
    public static final String FILE_NAME = ProjectLayout.LOCK;

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Who holds a lock, as its file says. */
    record Holder(long pid, String command) {
        static Optional<Holder> parse(String text) {
            String[] lines = text.strip().split("\n", 2);
            try {
                return Optional.of(new Holder(Long.parseLong(lines[0].strip()), lines.length > 1 ? lines[1].strip() : "?"));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        String text() {
            return pid + "\n" + command + "\n";
        }
    }

    /**
     * Locks {@code projectDir} for {@code command} (e.g. "littlebrain train").
     *
     * @param notice told, in one line, when a stale lock of a dead process is taken over
     * @throws ProjectInUseException when another command holds the project
     */
    public static ProjectLock acquire(Path projectDir, String command, Consumer<String> notice) throws IOException {
        Path file = new ProjectLayout(projectDir).lock();
        Holder me = new Holder(ProcessHandle.current().pid(), command);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        boolean kept = false;
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            Optional<Holder> previous = Holder.parse(read(channel));
            if (lock == null) {
                throw new ProjectInUseException(projectDir, previous);
            }
            if (previous.isPresent()) {
                if (previous.get().alive()) {
                    // The system lock was ours, yet the holder lives: a file system without working locks.
                    throw new ProjectInUseException(projectDir, previous);
                }
                notice.accept("note: taking over the lock of `" + previous.get().command() + "` (pid "
                        + previous.get().pid() + "), which is no longer running, on project " + shown(projectDir));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            kept = true;
            deleteLeftoversOfKilledWriters(projectDir);
            return new ProjectLock(channel, lock);
        } finally {
            if (!kept) {
                channel.close();
            }
        }
    }

    /** The folders LittleBrain writes into with atomic writes: impulse.yaml's, models/, reports/, cache/. */
    private static final java.util.List<String> ATOMIC_WRITE_FOLDERS = java.util.List.of("", "models", "reports",
            "cache");

    /**
     * The temporary files of atomic writes a killed command left (a model, a report, a checkpoint half-written):
     * holding the lock, no other command of this project is writing them. The feature cache sweeps its own folders.
     */
    private static void deleteLeftoversOfKilledWriters(Path projectDir) throws IOException {
        for (String folder : ATOMIC_WRITE_FOLDERS) {
            dev.littlebrain.files.AtomicFiles.deleteLeftovers(projectDir.resolve(folder));
        }
    }

    /** When {@code folder} lies directly in a project (its {@code data/}), that project. */
    public static Optional<Path> projectHolding(Path folder) {
        Path parent = folder.toAbsolutePath().normalize().getParent();
        return parent != null && Files.isRegularFile(parent.resolve(ImpulseConfig.FILE_NAME))
                ? Optional.of(parent) : Optional.empty();
    }

    /** A project folder as a person named it; the current folder is "." rather than "". */
    private static String shown(Path project) {
        return project.toString().isEmpty() ? "." : project.toString();
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    /**
     * Empties the lock file and releases the lock. The file stays: deleting it would let a command that opened
     * it just before lock a file nobody else sees, while a third creates a new one and locks that too.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** Another command holds the project; the message is the one line a person reads. */
    public static final class ProjectInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ProjectInUseException(Path project, Optional<Holder> holder) {
            super("project " + shown(project) + " is in use by " + holder.map(h -> "`" + h.command() + "` (pid " + h.pid()
                    + ")").orElse("another LittleBrain command") + "; wait for it to finish or stop it, then run"
                    + " this again");
        }
    }
}
