package dev.littlebrain.deploy;

import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs an export into a staging folder next to the output folder and moves its files there only when the whole
 * export is written: a disk that fills up after {@code model_data.h} no longer leaves it without its {@code .c},
 * and a model the format cannot take leaves nothing, not even an empty folder.
 *
 * <p>A new output folder is the staging folder renamed. Into an existing one — often a firmware's source folder —
 * the files are moved one by one: files of the same names are replaced (keeping their mode), nothing else there
 * is touched. The staging folder's name carries the process id, so that the next export deletes those of
 * exports that were killed.
 */
public final class StagedExport {
    /** Writes an export's files into a folder; returns them. */
    @FunctionalInterface
    public interface Export {
        List<Path> writeInto(Path folder) throws IOException;
    }

    private StagedExport() {
    }

    /** Runs {@code export} for the output folder {@code out}; returns the files as they lie in {@code out}. */
    public static List<Path> write(Path out, Export export) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(out + " is a file; the output of a deploy is a folder");
        }
        Path parent = target.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("the root folder cannot be the output of a deploy");
        }
        Files.createDirectories(parent);
        deleteStagingOfKilledExports(target);
        Path staging = createStaging(target);
        try {
            List<Path> relative = new ArrayList<>();
            for (Path file : export.writeInto(staging)) {
                relative.add(staging.relativize(file.toAbsolutePath().normalize()));
            }
            if (Files.exists(target)) {
                for (Path r : relative) {
                    moveInto(staging.resolve(r), target.resolve(r));
                }
            } else {
                move(staging, target);
            }
            return relative.stream().map(out::resolve).toList();
        } finally {
            deleteTree(staging);
        }
    }

    private static void moveInto(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        AtomicFiles.replace(from, to);
    }

    /** The staging folder becomes the new output folder: atomic where the file system can rename so. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".deploy-";
    }

    /** An empty folder next to the output, made as any new folder is (so the umask applies). */
    private static Path createStaging(Path target) throws IOException {
        String prefix = prefix(target) + ProcessHandle.current().pid() + "-";
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createDirectory(target.resolveSibling(prefix + suffix));
            } catch (FileAlreadyExistsException taken) {
                // drawn before; draw again
            }
        }
    }

    private static void deleteStagingOfKilledExports(Path target) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix(target) + "*")) {
            for (Path p : siblings) {
                String rest = p.getFileName().toString().substring(prefix(target).length());
                if (!ownerAlive(rest)) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            deleteTree(p);
        }
    }

    /** Whether the process whose id starts {@code rest} ("PID-...") is running. */
    private static boolean ownerAlive(String rest) {
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
