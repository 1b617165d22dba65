package dev.littlebrain.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A folder built next to its final place and moved there only when complete, so a crash, a full disk or an error
 * never leaves half an output where the rest of the tool (or a firmware build) would read it. Files inside need no
 * atomic writes of their own: nobody looks into the staging folder. Every LittleBrain output that is a folder
 * (a curated dataset, test streams, a deploy) is written through this class.
 *
 * <p>Two ways in: {@link #commit()} replaces the target as a whole (a dataset folder LittleBrain wrote, after the
 * caller's {@link Guard} has said so once more), {@link #commitInto(List)} moves the staged files into an existing
 * folder one by one and touches nothing else there (a firmware's source folder); a target that does not exist yet is
 * the staging folder renamed either way. The staging folder's name carries this process's id, so that a run killed
 * half-way leaves a folder the next run recognises as stale and deletes.
 */
public final class StagedFolder implements AutoCloseable {
    /** The caller's rule for whether the target may be replaced: checked before staging and again before the swap. */
    @FunctionalInterface
    public interface Guard {
        /** Accepts anything: for {@link #commitInto}, which replaces only the files it wrote. */
        Guard NONE = () -> { };

        /** Throws when the target may not be replaced (it holds a user's files, say). */
        void check() throws IOException;
    }

    private final Path target;
    private final Path given;
    private final Guard guard;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path target, Path given, Guard guard, Path staging) {
        this.target = target;
        this.given = given;
        this.guard = guard;
        this.staging = staging;
    }

    /** Starts building a replacement for {@code target}, after {@code guard} has checked that it may be replaced. */
    public static StagedFolder create(Path target, Guard guard) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("refusing to replace " + target + ": it is the root folder");
        }
        Files.createDirectories(parent);
        finishKilledSwaps(absolute);
        guard.check();
        return new StagedFolder(absolute, target, guard, createStaging(absolute));
    }

    public Path path() {
        return staging;
    }

    /** Replaces the target with the staged folder; the old target, if any, is deleted afterwards. */
    public void commit() throws IOException {
        guard.check(); // something may have appeared while we built
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling(prefix(target, OLD) + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /**
     * Moves {@code files} (written into {@link #path()}) into the target: the staging folder becomes the target when
     * there is none, else each file replaces the one of its name there (keeping its mode) and nothing else in the
     * target is touched. Returns the files as they lie in the target, under the path it was given as.
     */
    public List<Path> commitInto(List<Path> files) throws IOException {
        guard.check();
        List<Path> relative = new ArrayList<>();
        for (Path file : files) {
            relative.add(staging.relativize(file.toAbsolutePath().normalize()));
        }
        if (Files.exists(target)) {
            for (Path r : relative) {
                Files.createDirectories(target.resolve(r).getParent());
                AtomicFiles.replace(staging.resolve(r), target.resolve(r));
            }
        } else {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        }
        committed = true;
        deleteTree(staging); // what is left of it after the files moved out; nothing where it was renamed
        return relative.stream().map(given::resolve).toList();
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static final String STAGING = "staging";
    private static final String OLD = "old";

    private static String prefix(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-";
    }

    /** An empty folder next to the target, made as any new folder is (so the umask applies, not 0700). */
    private static Path createStaging(Path target) throws IOException {
        String prefix = prefix(target, STAGING) + ProcessHandle.current().pid() + "-";
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createDirectory(target.resolveSibling(prefix + suffix));
            } catch (FileAlreadyExistsException taken) {
                // drawn before; draw again
            }
        }
    }

    /**
     * Deletes the staging folders of runs that are no longer alive, and finishes a swap a killed run left
     * half-done: its old folder is deleted when the new one is in place, else moved back. Runs of the living are
     * left alone, so this is safe to call whenever a folder that may have been swapped is about to be used.
     */
    public static void finishKilledSwaps(Path target) throws IOException {
        target = target.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
            for (Path p : siblings) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix(target, STAGING)) && !ownerAlive(name.substring(prefix(target, STAGING).length()))) {
                    stale.add(p);
                } else if (name.startsWith(prefix(target, OLD)) && !ownerAlive(name.substring(prefix(target, OLD).length()))) {
                    old.add(p);
                }
            }
        }
        for (Path p : stale) {
            deleteTree(p);
        }
        old.sort(null);
        for (Path p : old) {
            if (Files.exists(target)) {
                deleteTree(p);
            } else {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Whether the process whose id starts {@code rest} ("PID-...") is running; names without one are stale. */
    private static boolean ownerAlive(String rest) {
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Deletes a folder LittleBrain made (a staging folder, a temporary export, a demo's project) with everything in
     * it; a link inside is removed, never followed. The one recursive delete of the code base: callers must own what
     * they pass.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
